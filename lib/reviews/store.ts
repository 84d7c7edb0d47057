import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, forumPosts, forumThreads, lessons, reviews, submissions } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import type { RubricCriterion } from "@/lib/assignments/types";
import { actorRole, type Actor } from "@/lib/cohorts/membership";
import { notify } from "@/lib/notifications/store";
import { REVIEW_MIN_CHARS, type ReviewAnchor, type ReviewScores } from "@/lib/pairing/types";
import { reviewLength } from "./length";
import { unlockedFor } from "./visibility";

/**
 * Writing reviews: drafts (versioned, so a second tab gets a conflict), submitting into the
 * submission's thread, and the recipient's helpfulness rating. Only the assigned reviewer writes;
 * only the submission's author rates.
 */

export type ReviewContent = { scores: ReviewScores; standout: string; anchors: ReviewAnchor[] };

/** Keeps only answers to criteria of the rubric, with scores on their scale. */
function cleanScores(rubric: RubricCriterion[], scores: ReviewScores): ReviewScores {
  const out: ReviewScores = {};
  for (const c of rubric) {
    const a = scores[c.id];
    if (!a) continue;
    const score = a.score !== null && Number.isInteger(a.score) && a.score >= 1 && a.score <= c.scale ? a.score : null;
    out[c.id] = { score, comment: a.comment };
  }
  return out;
}

async function ownOpenReview(tx: DbOrTx, actor: Actor, reviewId: string) {
  const [row] = await tx
    .select({ review: reviews, assignment: assignments, lessonTitle: lessons.title, threadId: submissions.threadId })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .innerJoin(submissions, eq(submissions.id, reviews.submissionId))
    .where(eq(reviews.id, reviewId))
    .limit(1);
  // Someone else's review does not exist for the actor.
  if (!row || row.review.reviewerId !== actor.id) throw new ActionError("not_found", "notFound");
  if (row.review.status === "submitted") throw new ActionError("conflict", "reviewAlreadySubmitted");
  if (row.review.status === "expired") throw new ActionError("forbidden", "reviewExpired");
  if (!(await actorRole(tx, row.assignment.cohortId, actor))) throw new ActionError("not_found", "notFound");
  return row;
}

/** Saves the draft if nobody saved since `baseVersion`; returns the new version. */
export async function saveDraft(
  tx: DbOrTx,
  actor: Actor,
  input: ReviewContent & { reviewId: string; baseVersion: number },
  now = new Date(),
): Promise<{ version: number }> {
  const { review, assignment } = await ownOpenReview(tx, actor, input.reviewId);
  const [row] = await tx
    .update(reviews)
    .set({
      scores: cleanScores(assignment.rubric, input.scores),
      standout: input.standout,
      anchors: input.anchors,
      status: "draft",
      startedAt: review.startedAt ?? now,
      version: sql`${reviews.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(reviews.id, review.id), eq(reviews.version, input.baseVersion)))
    .returning({ version: reviews.version });
  if (!row) throw new ActionError("conflict", "reviewChanged");
  return row;
}

/** The review as Markdown, for the thread's plain text (search, exports); the thread renders the structured review. */
export function reviewMarkdown(rubric: RubricCriterion[], content: ReviewContent): string {
  const parts = rubric.map((c) => {
    const a = content.scores[c.id];
    return `**${c.title}** — ${a?.score ?? "–"}/${c.scale}\n\n${a?.comment.trim() ?? ""}`.trim();
  });
  if (content.standout.trim()) parts.push(content.standout.trim());
  if (content.anchors.length > 0) parts.push(content.anchors.map((n) => `> ${n.text.replace(/\n/g, " ")}`).join("\n"));
  return parts.join("\n\n").slice(0, 20_000);
}

/**
 * Submits the review: every criterion scored, the minimum length reached. It is posted into the
 * submission's thread as an assigned review and the author hears of it (without the reviewer's
 * name when the assignment is anonymous).
 */
export async function submitReview(
  tx: DbOrTx,
  actor: Actor,
  input: ReviewContent & { reviewId: string; baseVersion: number },
  now = new Date(),
): Promise<{ threadId: string; postId: string }> {
  const { review, assignment, lessonTitle, threadId } = await ownOpenReview(tx, actor, input.reviewId);
  const scores = cleanScores(assignment.rubric, input.scores);
  const unscored = assignment.rubric.filter((c) => scores[c.id]?.score == null);
  if (unscored.length > 0) {
    throw new ActionError("invalid", "reviewUnscored", Object.fromEntries(unscored.map((c) => [`score-${c.id}`, "reviewScoreMissing"])));
  }
  if (reviewLength({ scores, standout: input.standout }) < REVIEW_MIN_CHARS) {
    throw new ActionError("invalid", "reviewTooShort", { standout: "reviewTooShortField" });
  }
  const [version] = await tx
    .select({ v: submissions.currentVersion })
    .from(submissions)
    .where(eq(submissions.id, review.submissionId))
    .limit(1);
  const content = { scores, standout: input.standout, anchors: input.anchors };
  const [post] = await tx
    .insert(forumPosts)
    .values({ threadId, authorId: actor.id, bodyMd: reviewMarkdown(assignment.rubric, content), createdAt: now })
    .returning({ id: forumPosts.id });
  const [row] = await tx
    .update(reviews)
    .set({
      ...content,
      status: "submitted",
      startedAt: review.startedAt ?? now,
      submittedAt: now,
      reviewedVersion: version?.v ?? null,
      postId: post!.id,
      version: sql`${reviews.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(reviews.id, review.id), eq(reviews.version, input.baseVersion)))
    .returning({ id: reviews.id });
  // The insert above rolls back with the transaction when the draft was stale.
  if (!row) throw new ActionError("conflict", "reviewChanged");
  await tx
    .update(forumThreads)
    .set({ replyCount: sql`${forumThreads.replyCount} + 1`, lastActivityAt: now })
    .where(eq(forumThreads.id, threadId));
  await notify(tx, [
    {
      userId: review.authorId,
      kind: "review_received",
      actorId: assignment.anonymous ? null : actor.id,
      cohortId: assignment.cohortId,
      threadId,
      postId: post!.id,
      assignmentId: assignment.id,
      subject: lessonTitle,
    },
  ]);
  return { threadId, postId: post!.id };
}

/** The recipient rates a review they can see (1–5); rating again changes it. */
export async function rateHelpfulness(
  tx: DbOrTx,
  actor: Actor,
  input: { reviewId: string; rating: number },
  now = new Date(),
): Promise<{ threadId: string; cohortId: string }> {
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) throw new ActionError("invalid", "helpfulnessRange");
  const [row] = await tx
    .select({ review: reviews, assignment: assignments, threadId: submissions.threadId })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .innerJoin(submissions, eq(submissions.id, reviews.submissionId))
    .where(eq(reviews.id, input.reviewId))
    .limit(1);
  if (!row || row.review.authorId !== actor.id || row.review.status !== "submitted") throw new ActionError("not_found", "notFound");
  if (!(await unlockedFor(tx, row.assignment, actor.id, now))) throw new ActionError("forbidden", "reviewsLocked");
  await tx.update(reviews).set({ helpfulness: input.rating, updatedAt: now }).where(eq(reviews.id, row.review.id));
  return { threadId: row.threadId, cohortId: row.assignment.cohortId };
}
