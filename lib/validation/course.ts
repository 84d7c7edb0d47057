import { z } from "zod";
import { userText } from "./text";

// The limits of db/schema/courses.ts, for the forms and the messages next to their fields.
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 2000;
export const SLUG_MAX = 80;
export const LESSON_BODY_MAX = 100_000;
export const COURSE_LOCALES = ["de", "en"] as const;
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// Field messages are catalog keys of the "authoring" namespace.
const E = "authoring.errors.";

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

const title = userText().trim().min(1, `${E}titleRequired`).max(TITLE_MAX, `${E}titleTooLong`);
const slug = z
  .string()
  .trim()
  .min(1, `${E}slugRequired`)
  .max(SLUG_MAX, `${E}slugTooLong`)
  .regex(SLUG_PATTERN, `${E}slugFormat`);
const summary = userText().trim().max(SUMMARY_MAX, `${E}summaryTooLong`).default("");
const locale = z.enum(COURSE_LOCALES, `${E}localeUnknown`);
/** The updatedAt the form was loaded with, to refuse a save over someone else's newer one. */
const loadedAt = z.iso.datetime({ offset: true });

export const courseCreateSchema = z.object({ title, slug, summary, locale });

export const courseUpdateSchema = z.object({ courseId: z.uuid(), title, summary, locale, updatedAt: loadedAt });

export const lessonCreateSchema = z.object({ courseId: z.uuid(), title, slug });

export const lessonUpdateSchema = z.object({
  courseId: z.uuid(),
  lessonId: z.uuid(),
  title,
  slug,
  // Not trimmed: whitespace is meaningful in markdown (indented code, hard line breaks).
  bodyMd: userText().max(LESSON_BODY_MAX, `${E}bodyTooLong`).default(""),
  updatedAt: loadedAt,
});

export const lessonReorderSchema = z.object({
  courseId: z.uuid(),
  lessonIds: z.array(z.uuid()).min(1).max(1000),
});

export const lessonDeleteSchema = z.object({ courseId: z.uuid(), lessonId: z.uuid() });

export const lessonPreviewSchema = z.object({
  courseId: z.uuid(),
  bodyMd: userText().max(LESSON_BODY_MAX, `${E}bodyTooLong`),
});

export type CourseCreateInput = z.output<typeof courseCreateSchema>;
export type CourseUpdateInput = z.output<typeof courseUpdateSchema>;
export type LessonCreateInput = z.output<typeof lessonCreateSchema>;
export type LessonUpdateInput = z.output<typeof lessonUpdateSchema>;
