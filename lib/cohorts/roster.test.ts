import { describe, expect, it } from "vitest";
import { ROSTER_MAX_ROWS, nameFromEmail, parseRoster } from "./roster";

describe("parseRoster: class lists as spreadsheets and LMS exports write them", () => {
  it("reads a German Excel CSV with a header (semicolons, Vorname/Nachname, a BOM)", () => {
    const text = "\uFEFFVorname;Nachname;E-Mail\r\nAnna;Berger;Anna.Berger@Uni.example\r\nBen;Schulz;ben@uni.example\r\n";
    expect(parseRoster(text)).toEqual({
      rows: [
        { line: 2, name: "Anna Berger", email: "anna.berger@uni.example" },
        { line: 3, name: "Ben Schulz", email: "ben@uni.example" },
      ],
      rejected: [],
    });
  });

  it("reads columns in any order, quoted cells holding the separator, and tabs from a pasted spreadsheet", () => {
    const csv = 'email,name\nclara@uni.example,"Weber, Clara"\n';
    expect(parseRoster(csv).rows).toEqual([{ line: 2, name: "Weber, Clara", email: "clara@uni.example" }]);
    const pasted = "David Roth\tdavid@uni.example\nEmil Vogt\temil@uni.example";
    expect(parseRoster(pasted).rows.map((r) => [r.name, r.email])).toEqual([
      ["David Roth", "david@uni.example"],
      ["Emil Vogt", "emil@uni.example"],
    ]);
  });

  it("reads lines without a header: 'Name <address>', 'Name address', a bare address (named after it)", () => {
    const text = ['"Fatma Yılmaz" <fatma@uni.example>', "Greta Lang greta@uni.example", "henrik.ohm@uni.example", ""].join("\n");
    expect(parseRoster(text).rows).toEqual([
      { line: 1, name: "Fatma Yılmaz", email: "fatma@uni.example" },
      { line: 2, name: "Greta Lang", email: "greta@uni.example" },
      { line: 3, name: "henrik ohm", email: "henrik.ohm@uni.example" },
    ]);
    expect(nameFromEmail("a_b-c.d@x.example")).toBe("a b c d");
  });

  it("lists every line it cannot use with its line number and reason, and keeps the rest", () => {
    const text = [
      "Name,E-Mail",
      "Anna Berger,anna@uni.example",
      "Ben ohne Adresse,",
      "Clara,clara@@uni",
      "Anna doppelt,ANNA@uni.example",
      `${"x".repeat(121)},long@uni.example`,
      "Ida Roth,ida@uni.example",
    ].join("\n");
    const { rows, rejected } = parseRoster(text);
    expect(rows.map((r) => r.email)).toEqual(["anna@uni.example", "ida@uni.example"]);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, "emailMissing"],
      [4, "emailInvalid"],
      [5, "duplicate"],
      [6, "nameTooLong"],
    ]);
    expect(rejected[1]!.text).toBe("Clara,clara@@uni");
  });

  it(`takes at most ${ROSTER_MAX_ROWS} people; the lines after that are listed as too many`, () => {
    const text = Array.from({ length: ROSTER_MAX_ROWS + 2 }, (_, i) => `p${i}@uni.example`).join("\n");
    const { rows, rejected } = parseRoster(text);
    expect(rows).toHaveLength(ROSTER_MAX_ROWS);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [ROSTER_MAX_ROWS + 1, "tooMany"],
      [ROSTER_MAX_ROWS + 2, "tooMany"],
    ]);
  });

  it("refuses text no database can store (a NUL in a name)", () => {
    expect(parseRoster("Anna\u0000,anna@uni.example").rejected.map((r) => r.reason)).toEqual(["nameInvalid"]);
  });
});
