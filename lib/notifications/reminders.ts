import { and, count, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, excusals, lessons, memberships, reminders, reviews, submissions } from "@/db/schema";
import { notify, type NotificationInput } from "./store";

const DAY_MS = 86_400_000;
const CHUNK = 4000;

type Due = { assignmentId: string; userId: string; cohortId: string; title: string; count: number };
export type ReminderResult = { submission: number; review: number };

/**
 * "Due in 24 hours", once per person, assignment and deadline: students who have not submitted
 * (and are not excused) before the submission deadline; reviewers with open reviews before theirs.
 * The reminder row decides "once": of two sweeps at the same moment only one insert returns it, and
 * only what an insert returned is notified. A fixed number of queries, whatever the number of people.
 *
 * The notification names which deadline it warns of (deadlineKind), so the email links to the right page.
 * Review reminders carry no thread: in anonymous assignments a link to the submission would name its author.
 */
export async function sendDeadlineReminders(db: DbOrTx, now = new Date()): Promise<ReminderResult> {
  const until = new Date(now.getTime() + DAY_MS);
  // A transaction of its own (a savepoint inside the caller's): reminder rows and notifications together or not at all.
  return db.transaction(async (tx) => {
    const submission = await claim(tx, "submission", await dueSubmissions(tx, now, until), now);
    const review = await claim(tx, "review", await dueReviews(tx, now, until), now);
    const rows = (deadlineKind: "submission" | "review", dues: Due[]) =>
      dues.map(
        (d): NotificationInput => ({
          userId: d.userId,
          kind: "deadline",
          deadlineKind,
          cohortId: d.cohortId,
          assignmentId: d.assignmentId,
          count: d.count,
          subject: d.title,
          createdAt: now,
        }),
      );
    await notify(tx, [...rows("submission", submission), ...rows("review", review)]);
    return { submission: submission.length, review: review.length };
  });
}

/** Student members without a submission of an assignment due within (now, until], not reminded yet. */
async function dueSubmissions(tx: DbOrTx, now: Date, until: Date): Promise<Due[]> {
  const rows = await tx
    .select({ assignmentId: assignments.id, userId: memberships.userId, cohortId: assignments.cohortId, title: lessons.title })
    .from(assignments)
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .innerJoin(memberships, and(eq(memberships.cohortId, assignments.cohortId), eq(memberships.role, "student")))
    .leftJoin(submissions, and(eq(submissions.assignmentId, assignments.id), eq(submissions.authorId, memberships.userId)))
    .leftJoin(excusals, and(eq(excusals.assignmentId, assignments.id), eq(excusals.userId, memberships.userId)))
    .leftJoin(
      reminders,
      and(eq(reminders.assignmentId, assignments.id), eq(reminders.userId, memberships.userId), eq(reminders.kind, "submission")),
    )
    .where(
      and(
        gt(assignments.submissionDue, now),
        lte(assignments.submissionDue, until),
        isNull(submissions.id),
        isNull(excusals.userId),
        isNull(reminders.userId),
      ),
    )
    // One order for every sweep: concurrent inserts of the same keys then wait on each other instead of deadlocking.
    .orderBy(assignments.id, memberships.userId);
  return rows.map((r) => ({ ...r, count: 1 }));
}

/** Reviewers with open reviews due within (now, until], one row per assignment (count: how many), not reminded yet. */
function dueReviews(tx: DbOrTx, now: Date, until: Date): Promise<Due[]> {
  return tx
    .select({ assignmentId: reviews.assignmentId, userId: reviews.reviewerId, cohortId: reviews.cohortId, title: lessons.title, count: count() })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .leftJoin(excusals, and(eq(excusals.assignmentId, reviews.assignmentId), eq(excusals.userId, reviews.reviewerId)))
    .leftJoin(
      reminders,
      and(eq(reminders.assignmentId, reviews.assignmentId), eq(reminders.userId, reviews.reviewerId), eq(reminders.kind, "review")),
    )
    .where(
      and(
        inArray(reviews.status, ["assigned", "draft"]),
        gt(reviews.dueAt, now),
        lte(reviews.dueAt, until),
        isNull(excusals.userId),
        isNull(reminders.userId),
      ),
    )
    .groupBy(reviews.assignmentId, reviews.reviewerId, reviews.cohortId, lessons.title)
    .orderBy(reviews.assignmentId, reviews.reviewerId);
}

/** Inserts the reminder rows; returns the dues whose row this call wrote (not another sweep's). */
async function claim(tx: DbOrTx, kind: "submission" | "review", due: Due[], now: Date): Promise<Due[]> {
  const won = new Set<string>();
  for (let i = 0; i < due.length; i += CHUNK) {
    const rows = await tx
      .insert(reminders)
      .values(due.slice(i, i + CHUNK).map((d) => ({ assignmentId: d.assignmentId, userId: d.userId, kind, sentAt: now })))
      .onConflictDoNothing()
      .returning({ assignmentId: reminders.assignmentId, userId: reminders.userId });
    for (const r of rows) won.add(`${r.assignmentId}:${r.userId}`);
  }
  return due.filter((d) => won.has(`${d.assignmentId}:${d.userId}`));
}
