import { describe, expect, it } from "vitest";
import { assignmentSchema } from "./assignment";

/** What the assignment editor posts (FormData keys as strings); unchecked checkboxes send nothing. */
const form = (over: Record<string, string | undefined> = {}) => ({
  cohortId: "6514ac71-6b17-4d39-b9fc-ae620b1c9790",
  lessonId: "7514ac71-6b17-4d39-b9fc-ae620b1c9790",
  timeZone: "Europe/Berlin",
  baseVersion: "0",
  requirements: JSON.stringify([{ template: "empathy-map", count: 1, distinctSegments: false }]),
  rubric: JSON.stringify([{ id: "clarity", title: "Klarheit", prompt: "", scale: 4 }]),
  instructionsMd: "",
  submissionDue: "2026-11-30T20:00",
  reviewDue: "2026-12-07T20:00",
  reviewsPerStudent: "2",
  pairingMode: "deadline",
  anonymity: "double",
  ...over,
});

describe("assignment form schema", () => {
  it("takes a form whose checkboxes are all unchecked (absent) as false", () => {
    const parsed = assignmentSchema.safeParse(form());
    expect(parsed.success && parsed.data).toMatchObject({ selfAssessment: false, hideReceivedUntilGiven: false });
  });

  it("takes checked boxes as true", () => {
    const parsed = assignmentSchema.safeParse(form({ selfAssessment: "on", hideReceivedUntilGiven: "on" }));
    expect(parsed.success && parsed.data).toMatchObject({ selfAssessment: true, hideReceivedUntilGiven: true });
  });

  it("asks for an explicit anonymity mode, named at its field", () => {
    const parsed = assignmentSchema.safeParse(form({ anonymity: undefined }));
    expect(parsed.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["anonymity", "anonymityRequired"]]);
    expect(assignmentSchema.safeParse(form({ anonymity: "reviewers" })).data).toMatchObject({ anonymity: "reviewers" });
  });

  it("takes the review minimums, the calibration mode and the grade settings; refuses weights out of range or all zero", () => {
    const parsed = assignmentSchema.safeParse(
      form({ minCommentChars: "40", minSummaryChars: "100", calibration: "required", gradeAggregate: "median", weight_submission: "50", weight_reviewing: "30", weight_calibration: "", weight_helpfulness: "20" }),
    );
    expect(parsed.data).toMatchObject({
      minCommentChars: 40,
      minSummaryChars: 100,
      calibration: "required",
      gradeAggregate: "median",
      gradeWeights: { submission: 50, reviewing: 30, calibration: 0, helpfulness: 20 },
    });
    const bad = assignmentSchema.safeParse(form({ minCommentChars: "-1", weight_reviewing: "101" }));
    expect(bad.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["minCommentChars", "minCharsRange"],
      ["weight_reviewing", "weightRange"],
    ]);
    const zero = assignmentSchema.safeParse(form({ weight_submission: "0", weight_reviewing: "0", weight_calibration: "0", weight_helpfulness: "0" }));
    expect(zero.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["gradeWeights", "weightsAllZero"]]);
  });

  it("refuses a review deadline before the submission deadline, naming the field", () => {
    const parsed = assignmentSchema.safeParse(form({ reviewDue: "2026-11-29T20:00" }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["reviewDue", "reviewDueBeforeSubmission"]]);
  });
});
