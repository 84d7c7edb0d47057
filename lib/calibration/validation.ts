import { z } from "zod";
import { RUBRIC_MAX } from "@/lib/assignments/types";
import { REVIEW_COMMENT_MAX, REVIEW_STANDOUT_MAX } from "@/lib/pairing/types";
import { userText } from "@/lib/validation/text";
import { EXAMPLE_CANVASES_MAX, EXAMPLE_TITLE_MAX } from "./limits";


const uuid = z.uuid();

const title = userText()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, "calibrationTitleRequired").max(EXAMPLE_TITLE_MAX, "calibrationTitleTooLong"));

const answer = z.object({
  score: z.number().int().min(1).max(5).nullable(),
  comment: userText().max(REVIEW_COMMENT_MAX, "reviewCommentTooLong"),
});
const scores = z.record(z.string().max(40), answer).refine((s) => Object.keys(s).length <= RUBRIC_MAX);
const standout = userText().max(REVIEW_STANDOUT_MAX, "reviewStandoutTooLong");

/** A new example from the instructor's own canvases (a form post: one or several canvasIds). */
export const createExampleSchema = z.object({
  cohortId: uuid,
  assignmentId: uuid,
  title,
  canvasIds: z
    .union([uuid, z.array(uuid)], { error: "calibrationChooseCanvas" })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]))
    .pipe(z.array(uuid).min(1, "calibrationChooseCanvas").max(EXAMPLE_CANVASES_MAX, "calibrationTooManyCanvases")),
});

/** The instructor's scores, whys and summary for an example (JSON from the scoring form). */
export const saveExampleSchema = z.object({ cohortId: uuid, exampleId: uuid, title, scores, standout });

/** `assignmentId` only says where to go afterwards (the example may be gone already). */
export const deleteExampleSchema = z.object({ cohortId: uuid, assignmentId: uuid, exampleId: uuid });

/** A student's review of an example. */
export const attemptSchema = z.object({ cohortId: uuid, exampleId: uuid, scores, standout });
