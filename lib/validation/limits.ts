/**
 * The limits and choices forms show, without zod: client components import them from here, so the
 * validation schemas (and zod with them) stay on the server. lib/validation/* re-exports them.
 */

// Forum (db/schema/forum.ts).
export const THREAD_TITLE_MAX = 200;
export const POST_MAX = 20_000;

// Courses and lessons: the limits of db/schema/courses.ts, for the forms and the messages next to their fields.
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 2000;
export const SLUG_MAX = 80;
export const LESSON_BODY_MAX = 100_000;
export const COURSE_LOCALES = ["de", "en"] as const;
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const FOLD: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", æ: "ae", ø: "oe", œ: "oe", ł: "l", đ: "d", þ: "th" };

/** A URL slug suggested from a title: "Kanäle & Kunden" → "kanaele-kunden". Empty when nothing is left. */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[äöüßæøœłđþ]/g, (c) => FOLD[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/, "");
}

// Cohorts.
export const DEFAULT_TIME_ZONE = "Europe/Berlin";
export const COHORT_NAME_MAX = 120;
export const MEMBERS_PER_PAGE = 50;

/** The zones the form offers; any valid IANA zone is accepted (an older cohort may use another). */
export const TIME_ZONES = [
  "Europe/Berlin",
  "Europe/Vienna",
  "Europe/Zurich",
  "Europe/Amsterdam",
  "Europe/Brussels",
  "Europe/Luxembourg",
  "Europe/Paris",
  "Europe/Madrid",
  "Europe/Rome",
  "Europe/Copenhagen",
  "Europe/Stockholm",
  "Europe/Oslo",
  "Europe/Warsaw",
  "Europe/Prague",
  "Europe/Budapest",
  "Europe/Helsinki",
  "Europe/Athens",
  "Europe/Istanbul",
  "Europe/London",
  "Europe/Dublin",
  "Europe/Lisbon",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Shanghai",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Auckland",
  "UTC",
] as const;
