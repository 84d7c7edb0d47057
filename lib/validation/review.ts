import { z } from "zod";
import { userText } from "./text";
import { HELPFULNESS_COMMENT_MAX, REVIEW_ANCHORS_MAX, REVIEW_COMMENT_MAX, REVIEW_STANDOUT_MAX, SEND_BACK_NOTE_MAX } from "@/lib/pairing/types";

const answer = z.object({
  score: z.number().int().min(1).max(5).nullable(),
  comment: userText().max(REVIEW_COMMENT_MAX, "reviewCommentTooLong"),
});

const anchor = z.object({
  canvasIndex: z.number().int().min(0).max(20),
  noteId: z.string().min(1).max(64),
  text: userText().max(600),
});

/** A review's content as the review form sends it (JSON, not FormData: it autosaves as a draft). */
export const reviewContentSchema = z.object({
  cohortId: z.uuid(),
  reviewId: z.uuid(),
  baseVersion: z.number().int().positive(),
  scores: z.record(z.string().max(40), answer).refine((s) => Object.keys(s).length <= 8),
  standout: userText().max(REVIEW_STANDOUT_MAX, "reviewStandoutTooLong"),
  anchors: z.array(anchor).max(REVIEW_ANCHORS_MAX, "reviewTooManyAnchors"),
});

export const helpfulnessSchema = z.object({
  cohortId: z.uuid(),
  reviewId: z.uuid(),
  rating: z.coerce.number().int().min(1, "helpfulnessRange").max(5, "helpfulnessRange"),
  /** What helped, what was missing: optional. */
  comment: userText().trim().max(HELPFULNESS_COMMENT_MAX, "helpfulnessCommentTooLong").optional(),
});

/** An instructor sends a submitted review back to its reviewer, saying what to improve. */
export const sendBackSchema = z.object({
  cohortId: z.uuid(),
  reviewId: z.uuid(),
  note: userText().trim().min(1, "sendBackNoteRequired").max(SEND_BACK_NOTE_MAX, "sendBackNoteTooLong"),
});

export const takeFromPoolSchema = z.object({ cohortId: z.uuid(), assignmentId: z.uuid(), submissionId: z.uuid() });
export const pairNowSchema = z.object({ cohortId: z.uuid(), assignmentId: z.uuid() });
