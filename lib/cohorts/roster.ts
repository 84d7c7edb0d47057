import { emailSchema, nameSchema } from "@/lib/validation/auth";

/**
 * A pasted or uploaded class list, read leniently: what spreadsheets and LMS exports produce.
 * One person per line, cells separated by tabs (pasted from a spreadsheet), semicolons (German
 * Excel's CSV) or commas, cells in double quotes where they hold the separator; also
 * "Name <email>" as mail programs copy addresses. A first line naming the columns (E-Mail, Name,
 * Vorname/Nachname, First/Last name …) says which cell is which; without one, the cell with an @ is
 * the address and the others make the name. Every line that cannot become an invitation is kept
 * with its reason, so the instructor can mend it.
 */

export const ROSTER_MAX_ROWS = 500;
/** Characters of a paste or upload (500 rows of long names and addresses fit comfortably). */
export const ROSTER_MAX_CHARS = 200_000;

export type RosterRow = { line: number; name: string; email: string };
export type RosterProblem = "emailMissing" | "emailInvalid" | "nameTooLong" | "nameInvalid" | "duplicate" | "tooMany" | "alreadyMember" | "alreadyInvited";
export type RosterRejection = { line: number; text: string; reason: RosterProblem };

const EMAIL_HEADERS = ["email", "e-mail", "mail", "e-mail-adresse", "emailaddress", "email address", "e-mail address", "adresse"];
const NAME_HEADERS = ["name", "full name", "vollständiger name", "teilnehmer", "teilnehmende", "student"];
const FIRST_HEADERS = ["vorname", "first name", "firstname", "given name", "givenname"];
const LAST_HEADERS = ["nachname", "last name", "lastname", "surname", "family name", "familyname"];

/** Splits one line at `sep`, honouring double quotes ("a, b" stays one cell; "" is a quote). */
function splitCells(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === sep) {
      cells.push(cell.trim());
      cell = "";
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

function separatorOf(line: string): string {
  if (line.includes("\t")) return "\t";
  if (line.includes(";")) return ";";
  return ",";
}

type Columns = { email: number; name?: number; first?: number; last?: number };

/** The columns a header line names, or null when the line is a person (or names no address column). */
function headerColumns(cells: string[]): Columns | null {
  if (cells.some((c) => c.includes("@"))) return null;
  const norm = cells.map((c) => c.toLowerCase().replace(/[_]/g, " ").trim());
  const find = (names: string[]) => {
    const i = norm.findIndex((c) => names.includes(c));
    return i >= 0 ? i : undefined;
  };
  const email = find(EMAIL_HEADERS);
  if (email === undefined) return null;
  return { email, name: find(NAME_HEADERS), first: find(FIRST_HEADERS), last: find(LAST_HEADERS) };
}

/** "Anna Berger <anna@x.de>" or a bare address. */
const ANGLE = /^(.*?)<([^<>]+)>\s*$/;

function personOf(cells: string[], columns: Columns | null): { name: string; email: string } {
  if (columns) {
    const at = (i: number | undefined) => (i === undefined ? "" : (cells[i] ?? ""));
    const name = at(columns.name) || [at(columns.first), at(columns.last)].filter(Boolean).join(" ");
    return { email: at(columns.email), name };
  }
  if (cells.length === 1) {
    const angle = ANGLE.exec(cells[0]!);
    if (angle) return { name: angle[1]!.trim().replace(/^"|"$/g, "").trim(), email: angle[2]!.trim() };
    // "Anna Berger anna@x.de": the last word with an @ is the address.
    const words = cells[0]!.split(/\s+/);
    const i = words.findIndex((w) => w.includes("@"));
    if (i >= 0) return { email: words[i]!, name: words.filter((_, j) => j !== i).join(" ") };
    return { email: "", name: cells[0]! };
  }
  const i = cells.findIndex((c) => c.includes("@"));
  if (i < 0) return { email: "", name: cells.filter(Boolean).join(" ") };
  const angle = ANGLE.exec(cells[i]!);
  const rest = cells.filter((_, j) => j !== i).filter(Boolean);
  return { email: angle ? angle[2]!.trim() : cells[i]!, name: rest.join(" ") || (angle ? angle[1]!.trim() : "") };
}

/** A name for an address without one: the part before the @, as people often use it ("anna.berger" → "anna berger"). */
export function nameFromEmail(email: string): string {
  return email.split("@")[0]!.replace(/[._-]+/g, " ").trim().slice(0, 120) || email;
}

export function parseRoster(text: string): { rows: RosterRow[]; rejected: RosterRejection[] } {
  const rows: RosterRow[] = [];
  const rejected: RosterRejection[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  let columns: Columns | null = null;
  let first = true;
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const textLine = raw.trim();
    if (!textLine) continue;
    const cells = splitCells(textLine, separatorOf(textLine));
    if (first) {
      first = false;
      columns = headerColumns(cells);
      if (columns) continue;
    }
    if (rows.length >= ROSTER_MAX_ROWS) {
      rejected.push({ line, text: textLine, reason: "tooMany" });
      continue;
    }
    const person = personOf(cells, columns);
    if (!person.email) {
      rejected.push({ line, text: textLine, reason: "emailMissing" });
      continue;
    }
    const email = emailSchema.safeParse(person.email);
    if (!email.success) {
      rejected.push({ line, text: textLine, reason: "emailInvalid" });
      continue;
    }
    const name = nameSchema.safeParse(person.name || nameFromEmail(email.data));
    if (!name.success) {
      rejected.push({ line, text: textLine, reason: name.error.issues[0]?.message === "nameTooLong" ? "nameTooLong" : "nameInvalid" });
      continue;
    }
    if (seen.has(email.data)) {
      rejected.push({ line, text: textLine, reason: "duplicate" });
      continue;
    }
    seen.add(email.data);
    rows.push({ line, name: name.data, email: email.data });
  }
  return { rows, rejected };
}
