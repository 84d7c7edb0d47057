"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { pairNow, takeFromPool } from "@/lib/pairing/store";
import { rateHelpfulness, saveDraft, submitReview } from "@/lib/reviews/store";
import { helpfulnessSchema, pairNowSchema, reviewContentSchema, takeFromPoolSchema } from "@/lib/validation/review";

/** Keeps the draft; a save from a stale tab is a conflict. */
export const saveReviewDraftAction = defineAction({
  schema: reviewContentSchema,
  handler: ({ cohortId: _c, ...input }, { user, tx }) => saveDraft(tx, user!, input),
});

/** Submits the review into the submission's thread, then opens it there. */
export const submitReviewAction = defineAction({
  schema: reviewContentSchema,
  handler: ({ cohortId: _c, ...input }, { user, tx }) => submitReview(tx, user!, input),
  revalidate: (_d, { cohortId }) => [`/cohorts/${cohortId}/*`, "/notifications"],
  after: (data, { cohortId }) => redirect(`/cohorts/${cohortId}/forum/${data.threadId}?reviewed=1&post=${data.postId}#post-${data.postId}`),
});

export const rateHelpfulnessAction = defineAction({
  schema: helpfulnessSchema,
  handler: ({ reviewId, rating }, { user, tx }) => rateHelpfulness(tx, user!, { reviewId, rating }),
  revalidate: (d) => [`/cohorts/${d.cohortId}/forum/${d.threadId}`],
});

/** "Help a peer": take a review from the reserve pool and start on it. */
export const takeFromPoolAction = defineAction({
  schema: takeFromPoolSchema,
  handler: ({ assignmentId, submissionId }, { user, tx }) => takeFromPool(tx, user!, { assignmentId, submissionId }),
  revalidate: (_d, { cohortId }) => [`/cohorts/${cohortId}/*`],
  after: (data, { cohortId }) => redirect(`/cohorts/${cohortId}/reviews/${data.reviewId}`),
});

/** The instructor pairs the submissions so far, before the deadline. */
export const pairNowAction = defineAction({
  schema: pairNowSchema,
  handler: ({ assignmentId }, { user, tx }) => pairNow(tx, user!, assignmentId),
  revalidate: (_d, { cohortId }) => [`/cohorts/${cohortId}/*`],
});
