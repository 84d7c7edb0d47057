import { describe, expect, it } from "vitest";
import { boardSections, gridLines } from "./layout";
import { templates } from "./templates";

describe("board layout", () => {
  it("draws the Value Proposition Canvas as a circle (profile, read first) and a square (value map)", () => {
    const sections = boardSections(templates["value-proposition"]);
    expect(sections.map((s) => [s.id, s.shape])).toEqual([
      ["profile", "circle"],
      ["map", "square"],
    ]);
    const profile = sections[0]!.blocks.map((p) => p.block.id);
    expect(profile).toEqual(["customer-jobs", "pains", "gains"]);
    // Gains above pains, jobs to the right of both: the published canvas's circle.
    const at = Object.fromEntries(sections[0]!.blocks.map((p) => [p.block.id, p]));
    expect(at.gains!.row).toBeLessThan(at.pains!.row);
    expect(at["customer-jobs"]!.column).toBeGreaterThan(at.gains!.column);
    const map = Object.fromEntries(sections[1]!.blocks.map((p) => [p.block.id, p]));
    expect(map["gain-creators"]!.row).toBeLessThan(map["pain-relievers"]!.row);
    expect(map["products-services"]!.column).toBe(1);
    // Columns the same blocks cover are one: each part of a shape gets an even share of its width.
    expect(sections.map((s) => s.columns)).toEqual([2, 2]);
    expect(at.gains!.columnSpan).toBe(1);
  });

  it("keeps every other template in one rectangle with its canonical grid", () => {
    for (const kind of ["business-model", "empathy-map", "persona"] as const) {
      const template = templates[kind];
      const sections = boardSections(template);
      expect(sections).toHaveLength(1);
      expect(sections[0]!.shape).toBe("rectangle");
      expect(sections[0]!.blocks.map((p) => ({ ...p.block.grid }))).toEqual(template.blocks.map((b) => b.grid));
    }
  });

  it("places every block exactly once, inside its section's grid", () => {
    for (const template of Object.values(templates)) {
      const sections = boardSections(template);
      const ids = sections.flatMap((s) => s.blocks.map((p) => p.block.id));
      expect(ids.sort()).toEqual(template.blocks.map((b) => b.id).sort());
      for (const s of sections) {
        for (const p of s.blocks) {
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(p.column + p.columnSpan - 1).toBeLessThanOrEqual(s.columns);
          expect(p.row + p.rowSpan - 1).toBeLessThanOrEqual(s.rows);
        }
      }
    }
  });

  it("reads a narrow board in the template's order, customer first on a Value Proposition Canvas", () => {
    for (const template of Object.values(templates)) {
      const order = boardSections(template).flatMap((s) => s.blocks.map((p) => p.block.id));
      expect(order).toEqual(template.blocks.map((b) => b.id));
    }
    const vpc = boardSections(templates["value-proposition"]).flatMap((s) => s.blocks.map((p) => p.block.id));
    expect(vpc.slice(0, 3)).toEqual(["customer-jobs", "pains", "gains"]);
  });

  it("writes CSS grid lines", () => {
    expect(gridLines({ column: 2, row: 1, columnSpan: 2, rowSpan: 1 })).toEqual({ column: "2 / span 2", row: "1 / span 1" });
  });
});
