import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, forumPosts, forumThreads, lessons, reviews, submissions, users } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import type { RubricCriterion } from "@/lib/assignments/types";
import { calibrationGate } from "@/lib/calibration/queries";
import { recordAudit } from "@/lib/cohorts/audit";
import { actorRole, type Actor } from "@/lib/cohorts/membership";
import { notify } from "@/lib/notifications/store";
import { MIN_REVIEW_WINDOW_MS, type ReviewAnchor, type ReviewScores } from "@/lib/pairing/types";
import { reviewQualityErrors } from "./quality";
import { hidesReviewers } from "./anonymity";
import { requireUnlocked } from "./visibility";

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
  const role = await actorRole(tx, row.assignment.cohortId, actor);
  if (!role) throw new ActionError("not_found", "notFound");
  // Calibration required (and an example ready): a student reviews an example before their first peer review.
  if (role === "student" && row.assignment.calibration === "required") {
    const gate = await calibrationGate(tx, row.assignment, actor.id);
    if (gate.required && !gate.done) throw new ActionError("forbidden", "calibrationRequired");
  }
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
 * Submits the review: every criterion scored, each comment and the summary at least as long as the
 * assignment asks. It is posted into the submission's thread as an assigned review and the author
 * hears of it (without the reviewer's name when reviewers are anonymous). A review sent back for
 * revision comes back into its old post, which shows again.
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
  const short = reviewQualityErrors(assignment, { scores, standout: input.standout });
  if (short) throw new ActionError("invalid", "reviewTooShort", short, { comment: assignment.minCommentChars, summary: assignment.minSummaryChars });
  const [version] = await tx
    .select({ v: submissions.currentVersion })
    .from(submissions)
    .where(eq(submissions.id, review.submissionId))
    .limit(1);
  const content = { scores, standout: input.standout, anchors: input.anchors };
  const bodyMd = reviewMarkdown(assignment.rubric, content);
  const resubmitted = review.postId !== null;
  const [post] = resubmitted
    ? await tx
        .update(forumPosts)
        .set({ bodyMd, hidden: false, editedAt: now })
        .where(eq(forumPosts.id, review.postId!))
        .returning({ id: forumPosts.id })
    : await tx.insert(forumPosts).values({ threadId, authorId: actor.id, bodyMd, createdAt: now }).returning({ id: forumPosts.id });
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
    .set({ replyCount: resubmitted ? forumThreads.replyCount : sql`${forumThreads.replyCount} + 1`, lastActivityAt: now })
    .where(eq(forumThreads.id, threadId));
  await notify(tx, [
    {
      userId: review.authorId,
      kind: "review_received",
      actorId: hidesReviewers(assignment.anonymity) ? null : actor.id,
      cohortId: assignment.cohortId,
      threadId,
      postId: post!.id,
      assignmentId: assignment.id,
      subject: lessonTitle,
      createdAt: now,
    },
  ]);
  return { threadId, postId: post!.id };
}

/** The recipient rates a review they can see (1–5), optionally saying what helped and what was missing; rating again changes it. */
export async function rateHelpfulness(
  tx: DbOrTx,
  actor: Actor,
  input: { reviewId: string; rating: number; comment?: string },
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
  await requireUnlocked(tx, row.assignment, actor.id, now);
  await tx
    .update(reviews)
    .set({ helpfulness: input.rating, helpfulnessComment: input.comment ?? row.review.helpfulnessComment, updatedAt: now })
    .where(eq(reviews.id, row.review.id));
  return { threadId: row.threadId, cohortId: row.assignment.cohortId };
}

/**
 * An instructor of the cohort sends a submitted review back with a note: it is the reviewer's draft
 * again (due no sooner than the usual review window from now), its post is hidden from the thread
 * and it no longer counts — for the author's "received", the reviewer's "given" and grades — until
 * it is resubmitted. The reviewer and the author are told; the audit log keeps who and why.
 */
export async function sendBackReview(
  tx: DbOrTx,
  actor: Actor,
  input: { reviewId: string; note: string },
  now = new Date(),
): Promise<{ threadId: string; cohortId: string }> {
  const [row] = await tx
    .select({ review: reviews, assignment: assignments, lessonTitle: lessons.title, threadId: submissions.threadId, reviewerName: users.name })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .innerJoin(submissions, eq(submissions.id, reviews.submissionId))
    .innerJoin(users, eq(users.id, reviews.reviewerId))
    .where(eq(reviews.id, input.reviewId))
    .limit(1)
    .for("update", { of: reviews });
  if (!row || (await actorRole(tx, row.review.cohortId, actor)) !== "instructor") throw new ActionError("not_found", "notFound");
  if (row.review.status !== "submitted") throw new ActionError("conflict", "reviewNotSubmitted");
  const { review, assignment } = row;
  const due = new Date(Math.max(review.dueAt.getTime(), now.getTime() + MIN_REVIEW_WINDOW_MS));
  await tx
    .update(reviews)
    .set({
      status: "draft",
      submittedAt: null,
      dueAt: due,
      helpfulness: null,
      helpfulnessComment: "",
      sentBackAt: now,
      sentBackNote: input.note,
      sentBackById: actor.id,
      sentBackCount: sql`${reviews.sentBackCount} + 1`,
      version: sql`${reviews.version} + 1`,
      updatedAt: now,
    })
    .where(eq(reviews.id, review.id));
  if (review.postId) await tx.update(forumPosts).set({ hidden: true }).where(eq(forumPosts.id, review.postId));
  await notify(tx, [
    {
      userId: review.reviewerId,
      kind: "review_sent_back",
      actorId: actor.id,
      cohortId: assignment.cohortId,
      assignmentId: assignment.id,
      subject: row.lessonTitle,
      createdAt: now,
    },
    {
      userId: review.authorId,
      kind: "review_revising",
      actorId: null,
      cohortId: assignment.cohortId,
      threadId: row.threadId,
      assignmentId: assignment.id,
      subject: row.lessonTitle,
      createdAt: now,
    },
  ]);
  await recordAudit(tx, {
    cohortId: assignment.cohortId,
    actorId: actor.id,
    action: "review_sent_back",
    subjectId: review.reviewerId,
    assignmentId: assignment.id,
    details: { reviewer: row.reviewerName, note: input.note.slice(0, 500), due: due.toISOString() },
  }, now);
  return { threadId: row.threadId, cohortId: assignment.cohortId };
}
