import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GradeWeights, RubricCriterion } from "@/lib/assignments/types";
import type { ReviewScores } from "@/lib/pairing/types";
import { computeGrade, type GradeInput } from "./compute";

const rubricArb = fc
  .array(fc.integer({ min: 2, max: 5 }), { minLength: 1, maxLength: 4 })
  .map((scales): RubricCriterion[] => scales.map((scale, i) => ({ id: `c${i}`, title: `K${i}`, prompt: "", scale })));

/** A review of the rubric: every criterion scored (submit requires it). */
const scoresArb = (rubric: RubricCriterion[]) =>
  fc.tuple(...rubric.map((c) => fc.integer({ min: 1, max: c.scale }))).map((values) => {
    const out: ReviewScores = {};
    rubric.forEach((c, i) => (out[c.id] = { score: values[i]!, comment: "" }));
    return out;
  });

const weightsArb: fc.Arbitrary<GradeWeights> = fc.record({
  submission: fc.integer({ min: 0, max: 100 }),
  reviewing: fc.integer({ min: 0, max: 100 }),
  calibration: fc.integer({ min: 0, max: 100 }),
  helpfulness: fc.integer({ min: 0, max: 100 }),
});

const reviewingArb = fc
  .integer({ min: 0, max: 4 })
  .chain((owed) => fc.integer({ min: 0, max: owed }).chain((onTime) => fc.integer({ min: 0, max: owed - onTime }).map((late) => ({ owed, onTime, late }))));

const inputArb: fc.Arbitrary<GradeInput> = rubricArb.chain((rubric) =>
  fc.record({
    rubric: fc.constant(rubric),
    aggregate: fc.constantFrom("mean" as const, "median" as const),
    weights: weightsArb,
    submitted: fc.boolean(),
    received: fc.array(scoresArb(rubric), { maxLength: 5 }),
    instructor: fc.option(scoresArb(rubric), { nil: null }),
    reviewing: reviewingArb,
    calibration: fc.option(
      fc.record({ mode: fc.constantFrom("optional" as const, "required" as const), accuracy: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }) }),
      { nil: null },
    ),
    helpfulness: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 6 }),
  }),
);

/** Inputs that always have a computed grade: submitted, peers scored it, no instructor assessment, weight somewhere. */
const gradedArb = inputArb
  .filter((i) => i.received.length > 0)
  .map((i) => ({ ...i, submitted: true, instructor: null, weights: { ...i.weights, submission: i.weights.submission + 1 } }));

const computed = (i: GradeInput) => computeGrade(i).computed;
const tenths = (v: number) => Math.round(v * 10);

describe("computeGrade (properties)", () => {
  it("is bounded 0…100 with one decimal, or pending", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const g = computeGrade(input);
        if (g.computed === null) {
          expect(g.pending).not.toBeNull();
          expect(g.parts).toEqual([]);
          return;
        }
        expect(g.computed).toBeGreaterThanOrEqual(0);
        expect(g.computed).toBeLessThanOrEqual(100);
        expect(tenths(g.computed) / 10).toBe(g.computed);
      }),
    );
  });

  it("adds the parts' points up to exactly the total, each within its share", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const g = computeGrade(input);
        if (g.computed === null) return;
        expect(g.parts.reduce((s, p) => s + tenths(p.points), 0)).toBe(tenths(g.computed));
        expect(g.parts.reduce((s, p) => s + tenths(p.max), 0)).toBe(1000);
        expect(g.parts.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 9);
        for (const p of g.parts) {
          expect(p.ratio).toBeGreaterThanOrEqual(0);
          expect(p.ratio).toBeLessThanOrEqual(1);
          expect(Math.abs(p.points - 100 * p.share * p.ratio)).toBeLessThanOrEqual(0.1 + 1e-9);
        }
      }),
    );
  });

  it("is deterministic and leaves its input alone", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const copy = structuredClone(input);
        expect(computeGrade(input)).toEqual(computeGrade(copy));
        expect(input).toEqual(copy);
      }),
    );
  });

  it("never lowers the grade for a higher received score", () => {
    fc.assert(
      fc.property(gradedArb, fc.nat(), fc.nat(), (input, r, c) => {
        const review = r % input.received.length;
        const criterion = input.rubric[c % input.rubric.length]!;
        const before = input.received[review]![criterion.id]!.score!;
        fc.pre(before < criterion.scale);
        const received = input.received.map((s, i) => (i === review ? { ...s, [criterion.id]: { score: before + 1, comment: "" } } : s));
        expect(computed({ ...input, received })!).toBeGreaterThanOrEqual(computed(input)!);
      }),
    );
  });

  it("never lowers the grade for more reviews given, or one given on time instead of late", () => {
    fc.assert(
      fc.property(gradedArb, (input) => {
        const { owed, onTime, late } = input.reviewing;
        const base = computed(input)!;
        if (onTime + late < owed) {
          expect(computed({ ...input, reviewing: { owed, onTime: onTime + 1, late } })!).toBeGreaterThanOrEqual(base);
          expect(computed({ ...input, reviewing: { owed, onTime, late: late + 1 } })!).toBeGreaterThanOrEqual(base);
        }
        if (late > 0) expect(computed({ ...input, reviewing: { owed, onTime: onTime + 1, late: late - 1 } })!).toBeGreaterThanOrEqual(base);
      }),
    );
  });

  it("never lowers the grade for a higher calibration accuracy or a higher helpfulness rating", () => {
    fc.assert(
      fc.property(gradedArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), (input, more, h) => {
        const base = computed(input)!;
        const cal = input.calibration;
        if (cal && cal.accuracy !== null) {
          const higher = Math.min(1, cal.accuracy + more);
          expect(computed({ ...input, calibration: { ...cal, accuracy: higher } })!).toBeGreaterThanOrEqual(base);
        }
        if (cal?.mode === "required" && cal.accuracy === null) {
          // Required and not attempted counts as 0: any attempt is at least as good.
          expect(computed({ ...input, calibration: { ...cal, accuracy: more } })!).toBeGreaterThanOrEqual(base);
        }
        if (input.helpfulness.length > 0) {
          const i = h % input.helpfulness.length;
          fc.pre(input.helpfulness[i]! < 5);
          const helpfulness = input.helpfulness.map((v, j) => (j === i ? v + 1 : v));
          expect(computed({ ...input, helpfulness })!).toBeGreaterThanOrEqual(base);
        }
      }),
    );
  });

  it("lets the instructor's assessment replace the received scores entirely", () => {
    fc.assert(
      fc.property(
        inputArb.chain((i) => fc.tuple(fc.constant(i), scoresArb(i.rubric), fc.array(scoresArb(i.rubric), { maxLength: 5 }))),
        ([input, instructor, otherReceived]) => {
          const a = computeGrade({ ...input, submitted: true, instructor });
          const b = computeGrade({ ...input, submitted: true, instructor, received: otherReceived });
          expect(a).toEqual(b);
          const sub = a.parts.find((p) => p.key === "submission");
          if (sub) expect(sub).toMatchObject({ source: "instructor", reviews: 0 });
        },
      ),
    );
  });

  it("gives an excluded part's weight to the others, as if it weighed nothing", () => {
    fc.assert(
      fc.property(gradedArb, (input) => {
        const off = computeGrade({ ...input, calibration: null, helpfulness: [] });
        const zero = computeGrade({ ...input, weights: { ...input.weights, calibration: 0, helpfulness: 0 } });
        expect(off.computed).toBe(zero.computed);
        expect(off.parts.map((p) => p.key)).toEqual(zero.parts.map((p) => p.key));
        expect(off.excluded.map((e) => e.reason)).toEqual(expect.arrayContaining(["calibration_off", "no_ratings"]));
      }),
    );
  });

  it("takes an override as the grade and keeps the computed one beside it", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 1000 }), (input, t) => {
        const plain = computeGrade(input);
        const over = computeGrade({ ...input, override: { points: t / 10, reason: "Nachgereicht" } });
        expect(over.points).toBe(t / 10);
        expect(over.computed).toBe(plain.computed);
        expect(over.override).toEqual({ points: t / 10, reason: "Nachgereicht" });
      }),
    );
  });
});

describe("computeGrade (examples)", () => {
  const rubric: RubricCriterion[] = [
    { id: "a", title: "Klarheit", prompt: "", scale: 5 },
    { id: "b", title: "Fit", prompt: "", scale: 3 },
  ];
  const s = (a: number, b: number): ReviewScores => ({ a: { score: a, comment: "" }, b: { score: b, comment: "" } });
  const base: GradeInput = {
    rubric,
    aggregate: "mean",
    weights: { submission: 60, reviewing: 20, calibration: 10, helpfulness: 10 },
    submitted: true,
    received: [s(1, 3), s(5, 3), s(5, 1)],
    instructor: null,
    reviewing: { owed: 2, onTime: 2, late: 0 },
    calibration: null,
    helpfulness: [],
  };

  it("combines per criterion with the mean or the median, then averages the criteria", () => {
    // a: ratios 0, 1, 1 → mean 2/3, median 1; b: 1, 1, 0 → mean 2/3, median 1.
    const mean = computeGrade(base);
    const median = computeGrade({ ...base, aggregate: "median" });
    const sub = (g: typeof mean) => g.parts.find((p) => p.key === "submission")!;
    expect(sub(mean).ratio).toBeCloseTo(2 / 3, 9);
    expect(sub(median).ratio).toBe(1);
    // Submission 60 and reviewing 20 apply (calibration off, no ratings): shares 3/4 and 1/4.
    expect(mean.parts.map((p) => [p.key, p.max])).toEqual([
      ["submission", 75],
      ["reviewing", 25],
    ]);
    expect(mean.computed).toBe(75); // 75 × 2/3 + 25
    expect(median.computed).toBe(100);
    expect(mean.excluded).toEqual([
      { key: "calibration", reason: "calibration_off" },
      { key: "helpfulness", reason: "no_ratings" },
    ]);
    // The median of an even count is the mean of the middle two: a 0, 1 → 0.5; b 1, 1 → 1.
    const even = computeGrade({ ...base, aggregate: "median", received: [s(1, 3), s(5, 3)] });
    expect(even.parts[0]!.ratio).toBe(0.75);
    const crit = (even.parts[0] as Extract<(typeof even.parts)[number], { key: "submission" }>).criteria;
    expect(crit.map((c) => c.value)).toEqual([3, 3]);
  });

  it("counts a late review half, calibration and helpfulness when they apply, and awaits reviews before grading", () => {
    const g = computeGrade({
      ...base,
      received: [s(5, 3)],
      reviewing: { owed: 2, onTime: 1, late: 1 },
      calibration: { mode: "required", accuracy: 0.8 },
      helpfulness: [5, 4],
    });
    // 60 × 1 + 20 × 0.75 + 10 × 0.8 + 10 × 0.875 = 91.75 → 91.8
    expect(g.computed).toBe(91.8);
    expect(g.parts.map((p) => p.points).reduce((a, b) => a + b, 0)).toBeCloseTo(91.8, 9);
    expect(computeGrade({ ...base, calibration: { mode: "optional", accuracy: null } }).excluded).toContainEqual({ key: "calibration", reason: "calibration_skipped" });
    expect(computeGrade({ ...base, calibration: { mode: "required", accuracy: null } }).parts.find((p) => p.key === "calibration")).toMatchObject({ ratio: 0, points: 0 });
    expect(computeGrade({ ...base, received: [] })).toMatchObject({ computed: null, points: null, pending: "awaiting_reviews" });
    expect(computeGrade({ ...base, received: [], instructor: s(3, 2) }).computed).toBe(62.5); // 75 × 0.5 + 25
    expect(computeGrade({ ...base, submitted: false, received: [], reviewing: { owed: 0, onTime: 0, late: 0 } })).toMatchObject({ computed: 0, pending: null });
  });

  it("gives a perfect student exactly 100 however the weights divide", () => {
    const g = computeGrade({ ...base, received: [s(5, 3)], weights: { submission: 1, reviewing: 1, calibration: 1, helpfulness: 0 }, calibration: { mode: "optional", accuracy: 1 } });
    expect(g.computed).toBe(100);
    expect(g.parts.map((p) => p.points)).toEqual([33.4, 33.3, 33.3]);
  });
});
