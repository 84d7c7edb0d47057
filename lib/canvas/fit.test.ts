import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CanvasDocument, Note, Weight } from "./document";
import { fitScore } from "./fit";

const note = (id: string, over: Partial<Note> = {}): Note => ({ id, text: id, tags: [], segments: [], ...over });

function vpc(parts: Partial<Record<string, Note[]>>, links: CanvasDocument["links"] = []): CanvasDocument {
  return { blocks: parts as Record<string, Note[]>, links };
}

describe("fitScore", () => {
  it("has no score for an empty canvas, and no nudge", () => {
    expect(fitScore(vpc({}))).toEqual({
      score: null,
      addressedWeight: 0,
      totalWeight: 0,
      unaddressed: [],
      unlinked: [],
      mapBeforeProfile: false,
    });
  });

  it("has no score without pains and gains, but flags relievers linked to nothing", () => {
    const result = fitScore(vpc({ "customer-jobs": [note("job001")], "pain-relievers": [note("rel001")] }));
    expect(result.score).toBeNull();
    expect(result.unlinked).toEqual([{ noteId: "rel001", blockId: "pain-relievers", text: "rel001" }]);
  });

  it("weights pains by severity and gains by importance", () => {
    const doc = vpc(
      {
        pains: [note("pain01", { severity: 3 }), note("pain02", { severity: 1 })],
        gains: [note("gain01", { importance: 2 })],
        "pain-relievers": [note("rel001")],
        "gain-creators": [note("cre001")],
      },
      [{ from: "rel001", to: "pain01" }],
    );
    const result = fitScore(doc);
    expect(result.score).toBeCloseTo(3 / 6);
    expect(result.unaddressed.map((i) => [i.noteId, i.weight])).toEqual([
      ["gain01", 2],
      ["pain02", 1],
    ]);
    expect(result.unlinked.map((u) => u.noteId)).toEqual(["cre001"]);
  });

  it("is 1 when every pain and gain is addressed, counting a pain once however many relievers it has", () => {
    const doc = vpc(
      {
        pains: [note("pain01")],
        gains: [note("gain01", { importance: 1 })],
        "pain-relievers": [note("rel001"), note("rel002")],
        "gain-creators": [note("cre001")],
      },
      [
        { from: "rel001", to: "pain01" },
        { from: "rel002", to: "pain01" },
        { from: "cre001", to: "gain01" },
      ],
    );
    expect(fitScore(doc)).toMatchObject({ score: 1, addressedWeight: 3, totalWeight: 3, unaddressed: [], unlinked: [] });
  });

  it("ignores links to deleted notes and links between the wrong blocks", () => {
    const doc = vpc(
      { pains: [note("pain01")], gains: [note("gain01")], "pain-relievers": [note("rel001")] },
      [
        { from: "rel001", to: "gone00" },
        { from: "gone01", to: "pain01" },
        { from: "rel001", to: "gain01" },
      ],
    );
    const result = fitScore(doc);
    expect(result.score).toBe(0);
    expect(result.unlinked.map((u) => u.noteId)).toEqual(["rel001"]);
  });

  it("nudges when the value map is filled before the customer profile", () => {
    expect(fitScore(vpc({ "products-services": [note("prod01")] })).mapBeforeProfile).toBe(true);
    expect(fitScore(vpc({ "products-services": [note("prod01")], "customer-jobs": [note("job001")] })).mapBeforeProfile).toBe(false);
  });

  it("always lies between 0 and 1 and equals addressed ÷ total (property)", () => {
    const weight = fc.constantFrom<Weight>(1, 2, 3);
    const arb = fc
      .record({
        pains: fc.array(weight, { maxLength: 12 }),
        gains: fc.array(weight, { maxLength: 12 }),
        relievers: fc.nat({ max: 6 }),
        creators: fc.nat({ max: 6 }),
        linkSeeds: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 40 }),
      })
      .map(({ pains, gains, relievers, creators, linkSeeds }) => {
        const p = pains.map((w, i) => note(`pain${i}x`, { severity: w }));
        const g = gains.map((w, i) => note(`gain${i}x`, { importance: w }));
        const r = Array.from({ length: relievers }, (_, i) => note(`reli${i}x`));
        const c = Array.from({ length: creators }, (_, i) => note(`crea${i}x`));
        const links = linkSeeds.flatMap(([a, b, toPain]) => {
          const from = toPain ? r[a % Math.max(r.length, 1)] : c[a % Math.max(c.length, 1)];
          const to = toPain ? p[b % Math.max(p.length, 1)] : g[b % Math.max(g.length, 1)];
          return from && to ? [{ from: from.id, to: to.id }] : [];
        });
        return vpc({ pains: p, gains: g, "pain-relievers": r, "gain-creators": c }, links);
      });
    fc.assert(
      fc.property(arb, (doc) => {
        const result = fitScore(doc);
        const total = [...doc.blocks.pains!, ...doc.blocks.gains!].length;
        if (total === 0) return result.score === null;
        const linkedTargets = new Set(doc.links.map((l) => l.to));
        const addressed: number[] = [
          ...doc.blocks.pains!.map((n) => (linkedTargets.has(n.id) ? n.severity! : 0)),
          ...doc.blocks.gains!.map((n) => (linkedTargets.has(n.id) ? n.importance! : 0)),
        ];
        const expected = addressed.reduce((a, b) => a + b, 0) / result.totalWeight;
        return (
          result.score !== null &&
          result.score >= 0 &&
          result.score <= 1 &&
          Math.abs(result.score - expected) < 1e-9 &&
          result.unaddressed.every((item, i, all) => i === 0 || all[i - 1]!.weight >= item.weight)
        );
      }),
    );
  });
});
