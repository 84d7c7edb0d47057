/**
 * CSV for spreadsheet exports: RFC 4180 out, RFC 4180 back in (for tests), and the HTTP response.
 *
 * Writing: records end in CRLF (the last one too), fields are separated by commas and quoted only
 * when they must be. The text starts with a UTF-8 byte order mark, without which Excel reads the
 * bytes as the system code page and turns "Müller" into "MÃ¼ller".
 */

export type CsvCell = string | number | boolean | null | undefined;

const BOM = "\uFEFF";

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection": = + - @,
 * tab and carriage return; ASVS 5 1.2.10 adds NUL).
 */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r", "\0"]);

/**
 * Neutralises a text cell against formula injection by putting a single quote in front of it,
 * which spreadsheets take as "this is text". OWASP asks only about the first character; we also
 * look past leading whitespace (" =HYPERLINK(…)"), because importers that trim cells would
 * otherwise see the formula. Ordinary text with a hyphen or an @ inside ("Müller-Lüdenscheidt",
 * "anna@example.org") is left alone; a text that is only a dash ("-") gets the quote too.
 */
export function neutraliseFormula(text: string): string {
  if (text === "") return text;
  if (FORMULA_TRIGGERS.has(text[0]!)) return `'${text}`;
  const firstVisible = text.trimStart()[0];
  return firstVisible !== undefined && FORMULA_TRIGGERS.has(firstVisible) ? `'${text}` : text;
}

/**
 * One cell as CSV text. Only strings are neutralised: numbers come from our own numeric columns
 * (scores, counts), so a negative number stays a number a spreadsheet can sum — and "-3" cannot
 * carry a formula. Numbers keep JavaScript's notation (dot as decimal separator); NaN and ±Infinity,
 * which no spreadsheet reads, become an empty field, as do null and undefined.
 */
function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "true" : "false";
  return neutraliseFormula(cell);
}

/** A field is quoted when it holds a separator, a quote or a line break, or starts or ends with whitespace. */
function field(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 text of the rows, with a UTF-8 BOM in front and CRLF after every record. A row with no
 * cells is written as one empty field (an empty line), since a record has at least one field.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  let out = BOM;
  for (const row of rows) out += row.map((cell) => field(cellText(cell))).join(",") + "\r\n";
  return out;
}

export class CsvParseError extends Error {
  constructor(
    message: string,
    /** 1-based line and column of the offending character (line counts every LF). */
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} at line ${line}, column ${column}`);
    this.name = "CsvParseError";
  }
}

/**
 * A strict RFC 4180 parser: records separated by CRLF, fields by commas; a quoted field may hold
 * commas, doubled quotes, CR and LF. A leading BOM is skipped, the final CRLF ends the last record
 * (it does not open an empty one), and empty text has no records. Anything else — a quote inside
 * an unquoted field, text after a closing quote, a bare CR or LF outside quotes, an unterminated
 * quoted field — throws a CsvParseError. Rows may differ in length; callers check that if they care.
 */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;

  const fail = (message: string, at: number): never => {
    const before = src.slice(0, at);
    const line = before.split("\n").length;
    throw new CsvParseError(message, line, at - before.lastIndexOf("\n"));
  };

  while (i < src.length) {
    let value = "";
    if (src[i] === '"') {
      const open = i++;
      for (;;) {
        if (i >= src.length) fail("Unterminated quoted field", open);
        const ch = src[i]!;
        if (ch !== '"') {
          value += ch;
          i++;
        } else if (src[i + 1] === '"') {
          value += '"';
          i += 2;
        } else {
          i++;
          break;
        }
      }
    } else {
      const start = i;
      while (i < src.length && !",\r\n".includes(src[i]!)) {
        if (src[i] === '"') fail("Quote inside an unquoted field", i);
        i++;
      }
      value = src.slice(start, i);
    }
    row.push(value);

    if (i >= src.length) break;
    if (src[i] === ",") {
      i++;
      // A comma as the very last character still ends in an (empty) field.
      if (i >= src.length) row.push("");
      continue;
    }
    if (src[i] === "\r" && src[i + 1] === "\n") {
      rows.push(row);
      row = [];
      i += 2;
      continue;
    }
    fail(src[i] === "\r" || src[i] === "\n" ? "Line break that is not CRLF outside quotes" : "Text after a closing quote", i);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** An ASCII stand-in for the plain `filename` parameter, for clients that ignore `filename*`. */
function asciiFilename(name: string): string {
  const spelled = name.replace(/[ÄÖÜäöüß]/g, (c) => ({ Ä: "Ae", Ö: "Oe", Ü: "Ue", ä: "ae", ö: "oe", ü: "ue", ß: "ss" })[c]!);
  return spelled
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
}

/** RFC 5987 ext-value: percent-encoded UTF-8, with the few characters encodeURIComponent leaves but attr-char forbids. */
function encodeExtValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A download of CSV text: `text/csv; charset=utf-8`, an attachment with both an ASCII `filename`
 * and the exact UTF-8 `filename*` (RFC 6266 / 5987), never cached, never sniffed as something else.
 * Path separators and control characters in the name become underscores.
 */
export function csvResponse(filename: string, body: string): Response {
  const safe = filename.replace(/[\u0000-\u001f\u007f/\\]/g, "_");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${asciiFilename(safe)}"; filename*=UTF-8''${encodeExtValue(safe)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
