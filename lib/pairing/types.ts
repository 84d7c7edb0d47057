/** A reviewer's answer to one rubric criterion: a point on its scale and a comment. */
export type CriterionAnswer = { score: number | null; comment: string };
/** Answers by rubric criterion id. */
export type ReviewScores = Record<string, CriterionAnswer>;
/** A note of the reviewed canvases that the review refers to (its text as it was, for when the note is gone). */
export type ReviewAnchor = { canvasIndex: number; noteId: string; text: string };

/** Reviews assigned after pairing get at least this long, even when the review deadline is closer. */
export const MIN_REVIEW_WINDOW_MS = 48 * 60 * 60 * 1000;
/** A review still open this long after its due time expires and its submission goes to the reserve pool. */
export const REVIEW_GRACE_MS = 24 * 60 * 60 * 1000;
export const HELPFULNESS_COMMENT_MAX = 1000;
export const SEND_BACK_NOTE_MAX = 2000;
export const REVIEW_COMMENT_MAX = 2000;
export const REVIEW_STANDOUT_MAX = 5000;
export const REVIEW_ANCHORS_MAX = 20;
