import { describe, expect, it } from "vitest";
import type { RubricCriterion } from "@/lib/assignments/types";
import { compareSelfPeer, normalise, selfPeerTone } from "./compare";

const rubric: RubricCriterion[] = [
  { id: "a", title: "A", prompt: "", scale: 4 },
  { id: "b", title: "B", prompt: "", scale: 5 },
];

describe("self vs peers", () => {
  it("normalise: the lowest point is 0, the highest 1, out of range clamped", () => {
    expect(normalise(1, 4)).toBe(0);
    expect(normalise(4, 4)).toBe(1);
    expect(normalise(3, 5)).toBe(0.5);
    expect(normalise(7, 5)).toBe(1);
  });

  it("per criterion self, peer mean, count and difference; overall on 0…1 with each criterion weighing the same", () => {
    const c = compareSelfPeer(rubric, { a: { score: 4, comment: "" }, b: { score: 2, comment: "" } }, [
      { a: { score: 2, comment: "" }, b: { score: 4, comment: "" } },
      { a: { score: 3, comment: "" }, b: { score: null, comment: "" } },
    ]);
    expect(c.criteria).toEqual([
      { id: "a", title: "A", scale: 4, self: 4, peer: 2.5, peerCount: 2, diff: 1.5 },
      { id: "b", title: "B", scale: 5, self: 2, peer: 4, peerCount: 1, diff: -2 },
    ]);
    expect(c.self).toBeCloseTo((1 + 0.25) / 2);
    expect(c.peer).toBeCloseTo((0.5 + 0.75) / 2);
    expect(c.diff).toBeCloseTo(0);
  });

  it("without a self-assessment or without reviews the missing side is null", () => {
    const noSelf = compareSelfPeer(rubric, null, [{ a: { score: 4, comment: "" } }]);
    expect(noSelf).toMatchObject({ self: null, peer: 1, diff: null });
    expect(noSelf.criteria[1]).toMatchObject({ peer: null, peerCount: 0, diff: null });
    expect(compareSelfPeer(rubric, { a: { score: 1, comment: "" } }, [])).toMatchObject({ self: 0, peer: null, diff: null });
  });

  it("tone: within 0.15 close, else over or under; null without both", () => {
    expect(selfPeerTone(0.65, 0.5)).toBe("close");
    expect(selfPeerTone(0.5, 0.65)).toBe("close");
    expect(selfPeerTone(0.8, 0.5)).toBe("over");
    expect(selfPeerTone(0.2, 0.5)).toBe("under");
    expect(selfPeerTone(null, 0.5)).toBeNull();
    expect(selfPeerTone(0.5, null)).toBeNull();
  });
});
