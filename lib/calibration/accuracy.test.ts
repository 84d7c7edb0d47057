import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RubricCriterion } from "@/lib/assignments/types";
import type { ReviewScores } from "@/lib/pairing/types";
import { cleanScores, compareScores, exampleReady, FAR_OFF, scoreAccuracy, unscored } from "./accuracy";

const rubric: RubricCriterion[] = [
  { id: "profil", title: "Kundenprofil", prompt: "", scale: 4 },
  { id: "fit", title: "Fit", prompt: "", scale: 4 },
  { id: "abgrenzung", title: "Zwei Segmente", prompt: "", scale: 3 },
];

const scores = (...points: Array<number | null>): ReviewScores =>
  Object.fromEntries(rubric.map((c, i) => [c.id, { score: points[i] ?? null, comment: `Warum ${c.id}` }]));

describe("scoreAccuracy", () => {
  it("is 1 for the same points and 0 for the opposite end of every scale", () => {
    expect(scoreAccuracy(rubric, scores(4, 4, 3), scores(4, 4, 3))).toBe(1);
    expect(scoreAccuracy(rubric, scores(1, 1, 1), scores(4, 4, 3))).toBe(0);
    expect(scoreAccuracy(rubric, scores(4, 4, 3), scores(1, 1, 1))).toBe(0);
  });

  it("is one minus the mean of the differences scaled by (scale − 1)", () => {
    // |1−2|/3, |1−1|/3, |1−1|/2 → mean 1/9.
    expect(scoreAccuracy(rubric, scores(1, 1, 1), scores(2, 1, 1))).toBeCloseTo(8 / 9, 12);
    // 1/3, 2/3, 1/2 → mean 1/2.
    expect(scoreAccuracy(rubric, scores(3, 2, 2), scores(4, 4, 3))).toBeCloseTo(0.5, 12);
    // One criterion on a 2-point scale: a step is the whole scale.
    expect(scoreAccuracy([{ id: "a", title: "A", prompt: "", scale: 2 }], { a: { score: 1, comment: "" } }, { a: { score: 2, comment: "" } })).toBe(0);
  });

  it("compares only the criteria both scored, on their scale; null when there are none", () => {
    expect(scoreAccuracy(rubric, scores(4, null, 3), scores(4, 1, 3))).toBe(1);
    // A point off the scale (5 of 4) or not an integer counts as unscored.
    expect(scoreAccuracy(rubric, scores(5, 2.5, 3), scores(1, 1, 3))).toBe(1);
    expect(scoreAccuracy(rubric, scores(null, null, null), scores(4, 4, 3))).toBeNull();
    expect(scoreAccuracy([], {}, {})).toBeNull();
    // Criteria not in the rubric are ignored.
    expect(scoreAccuracy(rubric, { ...scores(4, 4, 3), extra: { score: 1, comment: "" } }, { ...scores(4, 4, 3), extra: { score: 5, comment: "" } })).toBe(1);
  });

  it("marks 0.75 as the line for far off", () => {
    // 1/3 off on each 4-point criterion and exact on the third: 1 − (2/3)/3 ≈ 0.78 is not far off; one more step is.
    expect(scoreAccuracy(rubric, scores(3, 3, 3), scores(4, 4, 3))!).toBeGreaterThanOrEqual(FAR_OFF);
    expect(scoreAccuracy(rubric, scores(2, 3, 3), scores(4, 4, 3))!).toBeLessThan(FAR_OFF);
  });

  const scaled = fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 1, maxLength: 8 }).chain((scales) =>
    fc.record({
      rubric: fc.constant(scales.map((scale, i) => ({ id: `c${i}`, title: `C${i}`, prompt: "", scale }))),
      student: fc.tuple(...scales.map((s) => fc.integer({ min: 1, max: s }))),
      instructor: fc.tuple(...scales.map((s) => fc.integer({ min: 1, max: s }))),
    }),
  );
  const asScores = (r: RubricCriterion[], points: number[]): ReviewScores =>
    Object.fromEntries(r.map((c, i) => [c.id, { score: points[i]!, comment: "" }]));

  it("stays within [0, 1] and is 1 exactly when every score agrees (property)", () => {
    fc.assert(
      fc.property(scaled, ({ rubric: r, student, instructor }) => {
        const a = scoreAccuracy(r, asScores(r, student), asScores(r, instructor))!;
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
        const same = student.every((s, i) => s === instructor[i]);
        expect(a === 1).toBe(same);
      }),
    );
  });

  it("is symmetric and gets no better when one score moves further away (property)", () => {
    fc.assert(
      fc.property(scaled, fc.nat(), ({ rubric: r, student, instructor }, pick) => {
        const s = asScores(r, student);
        const i = asScores(r, instructor);
        const a = scoreAccuracy(r, s, i)!;
        expect(scoreAccuracy(r, i, s)).toBeCloseTo(a, 12);
        // Move one student score a step away from the instructor's, where the scale allows.
        const k = pick % r.length;
        const further = student[k]! >= instructor[k]! ? student[k]! + 1 : student[k]! - 1;
        if (further < 1 || further > r[k]!.scale) return;
        const moved = asScores(r, student.map((p, j) => (j === k ? further : p)));
        expect(scoreAccuracy(r, moved, i)!).toBeLessThan(a);
      }),
    );
  });
});

describe("exampleReady, unscored, compareScores, cleanScores", () => {
  it("an example is ready when every criterion of the rubric has a point on its scale", () => {
    expect(exampleReady(rubric, scores(4, 4, 3))).toBe(true);
    expect(exampleReady(rubric, scores(4, 4, null))).toBe(false);
    expect(exampleReady(rubric, scores(4, 4, 4))).toBe(false);
    expect(exampleReady(rubric, {})).toBe(false);
    expect(exampleReady([], {})).toBe(false);
    expect(unscored(rubric, scores(4, null, 9)).map((c) => c.id)).toEqual(["fit", "abgrenzung"]);
  });

  it("compares per criterion with the difference and the instructor's why", () => {
    const rows = compareScores(rubric, scores(1, 4, null), scores(4, 4, 3));
    expect(rows.map((r) => [r.id, r.student, r.instructor, r.difference])).toEqual([
      ["profil", 1, 4, -3],
      ["fit", 4, 4, 0],
      ["abgrenzung", null, 3, null],
    ]);
    expect(rows[0]!.why).toBe("Warum profil");
  });

  it("keeps only the rubric's criteria, with trimmed comments and scores on the scale", () => {
    const cleaned = cleanScores(rubric, { profil: { score: 9, comment: "  gut  " }, other: { score: 1, comment: "x" } });
    expect(cleaned).toEqual({ profil: { score: null, comment: "gut" } });
  });
});
