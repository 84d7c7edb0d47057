import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvParseError, csvResponse, neutraliseFormula, parseCsv, toCsv } from "./csv";

const BOM = "\uFEFF";

describe("toCsv", () => {
  it("starts with a BOM, separates fields by commas and ends every record with CRLF", () => {
    expect(toCsv([["name", "score"], ["Anna", 3]])).toBe(`${BOM}name,score\r\nAnna,3\r\n`);
    expect(toCsv([])).toBe(BOM);
  });

  it("quotes exactly the fields that need it and doubles their quotes", () => {
    const cases: [string, string][] = [
      ["plain", "plain"],
      ["a,b", '"a,b"'],
      ['say "hi"', '"say ""hi"""'],
      ['"', '""""'],
      ["two\r\nlines", '"two\r\nlines"'],
      ["lf\nonly", '"lf\nonly"'],
      ["cr\ronly", '"cr\ronly"'],
      [" leading", '" leading"'],
      ["trailing ", '"trailing "'],
      ["in side", "in side"],
      ["", ""],
      ["Müller 😀", "Müller 😀"],
    ];
    for (const [value, written] of cases) expect(toCsv([[value]]), JSON.stringify(value)).toBe(`${BOM}${written}\r\n`);
  });

  it("writes numbers as given with a dot, booleans as words, and null/undefined/NaN as empty fields", () => {
    expect(toCsv([[1.5, -3, 0, 1e21, true, false, null, undefined, Number.NaN, Infinity]])).toBe(
      `${BOM}1.5,-3,0,1e+21,true,false,,,,\r\n`,
    );
  });

  it("writes a row without cells as one empty field", () => {
    expect(toCsv([[], ["a"]])).toBe(`${BOM}\r\na\r\n`);
    expect(parseCsv(toCsv([[], ["a"]]))).toEqual([[""], ["a"]]);
  });
});

describe("formula injection", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\tplain", "\r=1", "\rplain", "\0x", "=cmd|'/c calc'!A1", "-", "=HYPERLINK(\"http://x\")"])(
    "neutralises a text cell starting with %j",
    (value) => {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
      const [[cell]] = parseCsv(toCsv([[value]])) as [[string]];
      expect(cell).toBe(`'${value}`);
    },
  );

  it.each([" =1+1", "  -2", "\n@x", "\u00a0+1"])("also neutralises a trigger after leading whitespace: %j", (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
    expect(parseCsv(toCsv([[value]]))).toEqual([[`'${value}`]]);
  });

  it.each(["Müller-Lüdenscheidt", "anna.berger@werkbank.test", "a=b", "1+1", "'quoted", "", " ", "x -1", "–5 (en dash)"])(
    "leaves ordinary text alone: %j",
    (value) => {
      expect(neutraliseFormula(value)).toBe(value);
      expect(parseCsv(toCsv([[value]]))).toEqual([[value]]);
    },
  );

  it("leaves numbers alone, negative ones too", () => {
    expect(toCsv([[-3, -0.25, "-3"]])).toBe(`${BOM}-3,-0.25,'-3\r\n`);
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string(), (s) => neutraliseFormula(neutraliseFormula(s)) === neutraliseFormula(s)));
  });
});

describe("parseCsv", () => {
  it("strips the BOM and reads quoted commas, doubled quotes and line breaks inside quotes", () => {
    const text = `${BOM}a,"b,c","say ""hi""","x\r\ny","p\nq"\r\n1,,3,"",5\r\n`;
    expect(parseCsv(text)).toEqual([
      ["a", "b,c", 'say "hi"', "x\r\ny", "p\nq"],
      ["1", "", "3", "", "5"],
    ]);
  });

  it("does not make an empty record of the final CRLF, with or without it", () => {
    expect(parseCsv("a,b\r\nc,d\r\n")).toEqual([["a", "b"], ["c", "d"]]);
    expect(parseCsv("a,b\r\nc,d")).toEqual([["a", "b"], ["c", "d"]]);
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv(BOM)).toEqual([]);
    expect(parseCsv("\r\n")).toEqual([[""]]);
    expect(parseCsv("a\r\n\r\n")).toEqual([["a"], [""]]);
    expect(parseCsv("a,")).toEqual([["a", ""]]);
  });

  it.each([
    ['a"b\r\n', 1, 2],
    ['"open', 1, 1],
    ['"a"b', 1, 4],
    ["a\nb", 1, 2],
    ["a\rb", 1, 2],
    ['x\r\n"ok",y\r\nz\n', 3, 2],
  ])("rejects %j (line %i, column %i)", (text, line, column) => {
    const attempt = () => parseCsv(text);
    expect(attempt).toThrow(CsvParseError);
    try {
      attempt();
    } catch (e) {
      expect(e).toMatchObject({ line, column });
    }
  });
});

describe("round trip", () => {
  it("brings tricky values back unchanged", () => {
    const rows = [
      ["comma, inside", 'quote " inside', "line\r\nbreak", "lf\nonly", "Jürgen Größe", "emoji 🧪👩🏽‍🔬", "", "  padded  "],
      ["", "", "", "", "", "", "", ""],
      ["Müller-Lüdenscheidt", "ben.schulz@werkbank.test", "a=b", "\u00e9t\u00e9", "日本語", "tab\tinside", "'", '""'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  const tricky = fc.constantFrom(",", '"', "\r", "\n", "\r\n", " ", "\t", "=", "+", "-", "@", "'", "ä", "ß", "😀", "a", "Z", "0", "\uFEFF");
  const cell = fc.oneof(
    fc.string({ unit: tricky, maxLength: 12 }),
    fc.string({ unit: "grapheme", maxLength: 12 }),
    fc.string({ unit: "binary", maxLength: 12 }),
  );
  const matrix = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 });

  it("parses any string matrix back to itself, with formula cells carrying their quote", () => {
    fc.assert(
      fc.property(matrix, (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows.map((row) => row.map(neutraliseFormula)));
      }),
      { numRuns: 2000 },
    );
  });

  it("never lets a parsed cell start with a formula trigger, even after whitespace", () => {
    fc.assert(
      fc.property(matrix, (rows) => {
        for (const value of parseCsv(toCsv(rows)).flat()) {
          expect(/^[=+\-@\t\r\0]/.test(value) || /^[=+\-@\0]/.test(value.trimStart())).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("writes numbers so that they parse back to the same number", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 5 }), (nums) => {
        const [parsed] = parseCsv(toCsv([nums])) as [string[]];
        expect(parsed.map(Number)).toEqual(nums.map((n) => (Object.is(n, -0) ? 0 : n)));
      }),
    );
  });
});

describe("csvResponse", () => {
  it("sends a CSV attachment that is neither cached nor sniffed", async () => {
    const res = csvResponse("matrix.csv", toCsv([["a"]]));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="matrix.csv"; filename*=UTF-8''matrix.csv`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    // Response.text() would drop the BOM while decoding: look at the bytes.
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("encodes a name with umlauts for filename* and spells it out in ASCII for filename", async () => {
    const res = csvResponse("Kohorte Größe (Herbst) – Übersicht's.csv", toCsv([["Jürgen"]]));
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="Kohorte Groesse (Herbst) _ Uebersicht's.csv"; ` +
        `filename*=UTF-8''Kohorte%20Gr%C3%B6%C3%9Fe%20%28Herbst%29%20%E2%80%93%20%C3%9Cbersicht%27s.csv`,
    );
    const header = res.headers.get("content-disposition")!;
    const encoded = header.split("filename*=UTF-8''")[1]!;
    expect(decodeURIComponent(encoded)).toBe("Kohorte Größe (Herbst) – Übersicht's.csv");
    expect(/^[\x20-\x7e]*$/.test(header)).toBe(true);
    expect(parseCsv(new TextDecoder("utf-8", { ignoreBOM: false }).decode(await res.arrayBuffer()))).toEqual([["Jürgen"]]);
  });

  it("keeps quotes, backslashes, slashes and line breaks out of the header", () => {
    const header = csvResponse('a"b\\c/d\r\ne.csv', "").headers.get("content-disposition")!;
    expect(header).toBe(`attachment; filename="a_b_c_d__e.csv"; filename*=UTF-8''a%22b_c_d__e.csv`);
  });
});
