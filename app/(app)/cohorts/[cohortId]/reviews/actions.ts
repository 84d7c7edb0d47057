"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { pairNow, takeFromPool } from "@/lib/pairing/store";
import { rateHelpfulness, saveDraft, sendBackReview, submitReview } from "@/lib/reviews/store";
import { helpfulnessSchema, pairNowSchema, reviewContentSchema, sendBackSchema, takeFromPoolSchema } from "@/lib/validation/review";

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
  handler: ({ reviewId, rating, comment }, { user, tx }) => rateHelpfulness(tx, user!, { reviewId, rating, comment }),
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

/** An instructor sends a submitted review back to its reviewer for revision. */
export const sendBackReviewAction = defineAction({
  schema: sendBackSchema,
  handler: ({ reviewId, note }, { user, tx }) => sendBackReview(tx, user!, { reviewId, note }),
  revalidate: (_d, { cohortId }) => [`/cohorts/${cohortId}/*`, "/notifications"],
});
