import { describe, expect, it } from "vitest";
import type { CanvasTemplate, TemplateKind } from "../types";
import { TEMPLATE_KINDS, getTemplate, templates } from "./index";

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

/** Every { de, en } pair of strings anywhere in the template, with its path. */
type Found = { path: string; de: unknown; en: unknown };

function localizedStrings(value: unknown, path: string, out: Found[] = []): Found[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => localizedStrings(item, `${path}[${i}]`, out));
  } else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    if (keys.length === 2 && keys[0] === "de" && keys[1] === "en" && !Array.isArray(record.de)) {
      out.push({ path, de: record.de, en: record.en });
      return out;
    }
    for (const [key, child] of Object.entries(record)) localizedStrings(child, `${path}.${key}`, out);
  }
  return out;
}

function cellsOf(grid: CanvasTemplate["blocks"][number]["grid"]) {
  const cells: string[] = [];
  for (let c = grid.column; c < grid.column + grid.columnSpan; c++) {
    for (let r = grid.row; r < grid.row + grid.rowSpan; r++) cells.push(`${c}:${r}`);
  }
  return cells;
}

describe("template registry", () => {
  it("lists every kind once and returns the template of that kind", () => {
    const kinds: TemplateKind[] = ["business-model", "value-proposition", "empathy-map", "persona"];
    expect([...TEMPLATE_KINDS].sort()).toEqual([...kinds].sort());
    expect(Object.keys(templates).sort()).toEqual([...kinds].sort());
    for (const kind of TEMPLATE_KINDS) {
      expect(getTemplate(kind).kind).toBe(kind);
      expect(templates[kind]).toBe(getTemplate(kind));
    }
  });

  it("refuses an unknown kind", () => {
    expect(() => getTemplate("nope" as TemplateKind)).toThrow(/unknown canvas template/i);
  });
});

describe.each(TEMPLATE_KINDS.map((kind) => [kind, getTemplate(kind)] as const))("%s", (_kind, template) => {
  const blockIds = template.blocks.map((b) => b.id);

  it("has unique kebab-case block ids", () => {
    expect(template.blocks.length).toBeGreaterThan(0);
    for (const id of blockIds) expect(id, id).toMatch(KEBAB);
    expect(duplicates(blockIds)).toEqual([]);
  });

  it("has unique kebab-case tag-group and tag ids", () => {
    const groups = template.blocks.flatMap((b) => b.tagGroups ?? []);
    const groupIds = groups.map((g) => g.id);
    for (const id of groupIds) expect(id, id).toMatch(KEBAB);
    expect(duplicates(groupIds)).toEqual([]);

    // Tag ids are unique across the whole template, so a tag id alone names one tag.
    const tagIds = groups.flatMap((g) => g.tags.map((t) => t.id));
    for (const id of tagIds) expect(id, id).toMatch(KEBAB);
    expect(duplicates(tagIds)).toEqual([]);
    for (const group of groups) expect(group.tags.length, group.id).toBeGreaterThan(0);
  });

  it("has every localized string filled in both languages", () => {
    const found = localizedStrings(template, template.kind);
    // title + description + (title + hint) per block + label per group and tag
    const groups = template.blocks.flatMap((b) => b.tagGroups ?? []);
    const expected = 2 + 2 * template.blocks.length + groups.length + groups.reduce((n, g) => n + g.tags.length, 0);
    expect(found).toHaveLength(expected);
    for (const { path, de, en } of found) {
      expect(typeof de === "string" && de.trim().length > 0, `${path}.de`).toBe(true);
      expect(typeof en === "string" && en.trim().length > 0, `${path}.en`).toBe(true);
    }
  });

  it("gives every block at least one guiding question in each language", () => {
    for (const block of template.blocks) {
      for (const lang of ["de", "en"] as const) {
        const questions = block.questions[lang];
        expect(questions.length, `${block.id}.${lang}`).toBeGreaterThanOrEqual(1);
        for (const q of questions) expect(q.trim(), `${block.id}.${lang}`).not.toBe("");
      }
      expect(block.questions.de.length, `${block.id}: as many questions in de as in en`).toBe(
        block.questions.en.length,
      );
    }
  });

  it("places blocks inside the grid without overlap, filling every cell", () => {
    const { columns, rows } = template.grid;
    expect(Number.isInteger(columns) && columns > 0).toBe(true);
    expect(Number.isInteger(rows) && rows > 0).toBe(true);
    const owner = new Map<string, string>();
    for (const { id, grid } of template.blocks) {
      for (const n of [grid.column, grid.row, grid.columnSpan, grid.rowSpan]) {
        expect(Number.isInteger(n) && n >= 1, `${id}: grid values are positive integers`).toBe(true);
      }
      expect(grid.column + grid.columnSpan - 1, `${id}: right edge`).toBeLessThanOrEqual(columns);
      expect(grid.row + grid.rowSpan - 1, `${id}: bottom edge`).toBeLessThanOrEqual(rows);
      for (const cell of cellsOf(grid)) {
        expect(owner.get(cell), `${id} overlaps ${owner.get(cell)} at ${cell}`).toBeUndefined();
        owner.set(cell, id);
      }
    }
    expect(owner.size).toBe(columns * rows);
  });

  it("names existing, distinct blocks in every link rule", () => {
    for (const { from, to } of template.links) {
      expect(blockIds, `link from ${from}`).toContain(from);
      expect(blockIds, `link to ${to}`).toContain(to);
      expect(from).not.toBe(to);
    }
    const pairs = template.links.map((l) => `${l.from}->${l.to}`);
    expect(duplicates(pairs)).toEqual([]);
  });
});

describe("business model canvas", () => {
  const t = getTemplate("business-model");

  it("uses the canonical Osterwalder arrangement", () => {
    const at = Object.fromEntries(t.blocks.map((b) => [b.id, b.grid]));
    expect(t.grid).toEqual({ columns: 10, rows: 3 });
    expect(at).toEqual({
      "key-partners": { column: 1, row: 1, columnSpan: 2, rowSpan: 2 },
      "key-activities": { column: 3, row: 1, columnSpan: 2, rowSpan: 1 },
      "key-resources": { column: 3, row: 2, columnSpan: 2, rowSpan: 1 },
      "value-propositions": { column: 5, row: 1, columnSpan: 2, rowSpan: 2 },
      "customer-relationships": { column: 7, row: 1, columnSpan: 2, rowSpan: 1 },
      channels: { column: 7, row: 2, columnSpan: 2, rowSpan: 1 },
      "customer-segments": { column: 9, row: 1, columnSpan: 2, rowSpan: 2 },
      "cost-structure": { column: 1, row: 3, columnSpan: 5, rowSpan: 1 },
      "revenue-streams": { column: 6, row: 3, columnSpan: 5, rowSpan: 1 },
    });
    expect(t.links).toEqual([]);
  });

  it("offers the relationship types and channel phases from the seed", () => {
    const tags = (groupId: string) =>
      t.blocks.flatMap((b) => b.tagGroups ?? []).find((g) => g.id === groupId)?.tags.map((tag) => tag.id);
    expect(tags("relationship-type")).toEqual([
      "personal-assistance",
      "dedicated-personal-assistance",
      "self-service",
      "automated-services",
      "communities",
      "co-creation",
    ]);
    expect(tags("channel-phase")).toEqual(["awareness", "evaluation", "purchase", "delivery", "after-sales"]);
  });
});

describe("value proposition canvas", () => {
  const t = getTemplate("value-proposition");
  const block = (id: string) => t.blocks.find((b) => b.id === id);

  it("splits profile and map, and carries the note attributes on the profile", () => {
    expect(t.blocks.filter((b) => b.area === "profile").map((b) => b.id)).toEqual(["customer-jobs", "pains", "gains"]);
    expect(t.blocks.filter((b) => b.area === "map").map((b) => b.id).sort()).toEqual(
      ["gain-creators", "pain-relievers", "products-services"],
    );
    expect(block("customer-jobs")?.attribute).toEqual({ kind: "jobType" });
    expect(block("pains")?.attribute).toEqual({ kind: "severity" });
    expect(block("gains")?.attribute).toEqual({ kind: "importance" });
  });

  it("mirrors the map against the profile, with fit links from map to profile", () => {
    const row = (id: string) => block(id)?.grid.row;
    expect(row("gain-creators")).toBe(row("gains"));
    expect(row("pain-relievers")).toBe(row("pains"));
    for (const b of t.blocks) {
      const right = b.grid.column > t.grid.columns / 2;
      expect(right, b.id).toBe(b.area === "profile");
    }
    expect(t.links).toEqual([
      { from: "pain-relievers", to: "pains" },
      { from: "gain-creators", to: "gains" },
      { from: "products-services", to: "customer-jobs" },
    ]);
  });
});
