import { z } from "zod";
import { userText } from "./text";
import {
  DEFAULT_GRADE_WEIGHTS,
  INSTRUCTIONS_MAX,
  MIN_COMMENT_MAX,
  MIN_SUMMARY_MAX,
  REQUIREMENTS_MAX,
  REVIEWS_MAX,
  REVIEWS_MIN,
  RUBRIC_MAX,
} from "@/lib/assignments/types";
import { TEMPLATE_KINDS } from "@/lib/canvas/templates";
import { zonedToInstant } from "@/lib/time";

const requirement = z.object({
  template: z.enum(TEMPLATE_KINDS as [string, ...string[]]),
  count: z.coerce.number().int().min(1, "requirementCount").max(6, "requirementCount"),
  distinctSegments: z.boolean(),
});

const criterion = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  title: userText().trim().min(1, "rubricTitleRequired").max(120, "rubricTitleTooLong"),
  prompt: userText().trim().max(500, "rubricPromptTooLong"),
  scale: z.coerce.number().int().min(2, "rubricScale").max(5, "rubricScale"),
});

/** Lists travel as JSON text from the editor's dynamic rows. */
const jsonList = <T extends z.ZodType>(item: T, max: number, tooMany: string, empty: string) =>
  z
    .string()
    .max(50_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "invalid" });
        return z.NEVER;
      }
    })
    .pipe(z.array(item).min(1, empty).max(max, tooMany));

// An unchecked checkbox sends nothing: the key must be optional, not merely allow undefined.
const checkbox = z
  .enum(["on", "true", "false"])
  .optional()
  .transform((v) => v === "on" || v === "true");

/** A relative grade weight, 0–100 (empty counts as 0). */
const weight = (fallback: number) =>
  z
    .union([z.literal(""), z.coerce.number("weightRange").int("weightRange").min(0, "weightRange").max(100, "weightRange")])
    .default(fallback)
    .transform((v) => (v === "" ? 0 : v));

export const assignmentSchema = z
  .object({
    cohortId: z.uuid(),
    lessonId: z.uuid(),
    baseVersion: z.coerce.number().int().min(0).default(0),
    timeZone: z.string().min(1).max(64),
    instructionsMd: userText().max(INSTRUCTIONS_MAX, "instructionsTooLong"),
    requirements: jsonList(requirement, REQUIREMENTS_MAX, "requirementsTooMany", "requirementsEmpty"),
    rubric: jsonList(criterion, RUBRIC_MAX, "rubricTooMany", "rubricEmpty"),
    reviewsPerStudent: z.coerce.number().int().min(REVIEWS_MIN, "reviewsRange").max(REVIEWS_MAX, "reviewsRange"),
    submissionDue: z.string(),
    reviewDue: z.string(),
    anonymity: z.enum(["named", "reviewers", "double"], "anonymityRequired"),
    hideReceivedUntilGiven: checkbox,
    pairingMode: z.enum(["deadline", "rolling"]),
    minCommentChars: z.coerce.number("minCharsRange").int("minCharsRange").min(0, "minCharsRange").max(MIN_COMMENT_MAX, "minCharsRange").default(20),
    minSummaryChars: z.coerce.number("minCharsRange").int("minCharsRange").min(0, "minCharsRange").max(MIN_SUMMARY_MAX, "minCharsRange").default(60),
    calibration: z.enum(["off", "optional", "required"]).default("off"),
    selfAssessment: checkbox,
    gradeAggregate: z.enum(["mean", "median"]).default("mean"),
    weight_submission: weight(DEFAULT_GRADE_WEIGHTS.submission),
    weight_reviewing: weight(DEFAULT_GRADE_WEIGHTS.reviewing),
    weight_calibration: weight(DEFAULT_GRADE_WEIGHTS.calibration),
    weight_helpfulness: weight(DEFAULT_GRADE_WEIGHTS.helpfulness),
  })
  .transform((input, ctx) => {
    const submissionDue = zonedToInstant(input.submissionDue, input.timeZone);
    const reviewDue = zonedToInstant(input.reviewDue, input.timeZone);
    if (!submissionDue) ctx.addIssue({ code: "custom", path: ["submissionDue"], message: "dateInvalid" });
    if (!reviewDue) ctx.addIssue({ code: "custom", path: ["reviewDue"], message: "dateInvalid" });
    if (submissionDue && reviewDue && reviewDue <= submissionDue) {
      ctx.addIssue({ code: "custom", path: ["reviewDue"], message: "reviewDueBeforeSubmission" });
    }
    const { weight_submission, weight_reviewing, weight_calibration, weight_helpfulness, ...rest } = input;
    const gradeWeights = { submission: weight_submission, reviewing: weight_reviewing, calibration: weight_calibration, helpfulness: weight_helpfulness };
    if (Object.values(gradeWeights).every((w) => w === 0)) ctx.addIssue({ code: "custom", path: ["gradeWeights"], message: "weightsAllZero" });
    if (!submissionDue || !reviewDue) return z.NEVER;
    const ids = new Set(input.rubric.map((c) => c.id));
    if (ids.size !== input.rubric.length) ctx.addIssue({ code: "custom", path: ["rubric"], message: "invalid" });
    return { ...rest, gradeWeights, submissionDue, reviewDue };
  });

export const submitSchema = z.object({
  cohortId: z.uuid(),
  assignmentId: z.uuid(),
  canvasIds: z
    .union([z.uuid(), z.array(z.uuid())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  comment: userText().max(20_000, "postTooLong").optional(),
});
