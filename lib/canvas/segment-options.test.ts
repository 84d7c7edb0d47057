import { describe, expect, it } from "vitest";
import { segmentOptionGroups } from "./segment-options";

const bmc = (canvasId: string, canvasTitle: string, ...texts: string[]) =>
  texts.map((text, i) => ({ canvasId, noteId: `${canvasId}-n${i}`, canvasTitle, text }));

describe("segment picker options", () => {
  it("groups segments by their Business Model Canvas, in order", () => {
    const groups = segmentOptionGroups([...bmc("a", "Lieferdienst", "Haushalte", "Büros"), ...bmc("b", "Kantine", "Schichtarbeiter")], null);
    expect(groups.map((g) => [g.label, g.options.map((o) => o.text)])).toEqual([
      ["Lieferdienst", ["Haushalte", "Büros"]],
      ["Kantine", ["Schichtarbeiter"]],
    ]);
  });

  it("lists a copied canvas's identical segments once", () => {
    const groups = segmentOptionGroups([...bmc("a", "Lieferdienst", "households", "offices"), ...bmc("b", "Lieferdienst", "households", "offices ")], null);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.options.map((o) => o.text)).toEqual(["households", "offices"]);
  });

  it("keeps the attached segment even when it is the later duplicate", () => {
    const segments = [...bmc("a", "Lieferdienst", "households"), ...bmc("b", "Lieferdienst", "households", "students")];
    const groups = segmentOptionGroups(segments, { canvasId: "b", noteId: "b-n0" });
    const ids = groups.flatMap((g) => g.options.map((o) => o.noteId));
    expect(ids).toEqual(["b-n0", "b-n1"]);
  });

  it("numbers canvases that share a title but hold different segments", () => {
    const groups = segmentOptionGroups([...bmc("a", "Idee", "Haushalte"), ...bmc("b", "Idee", "Studierende")], null);
    expect(groups.map((g) => g.label)).toEqual(["Idee", "Idee (2)"]);
  });
});
