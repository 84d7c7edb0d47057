import { and, asc, desc, eq, isNotNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, lessons, pairings, reviews, selfAssessments, submissions, submissionVersions, users } from "@/db/schema";
import { actorRole, type Actor } from "@/lib/cohorts/membership";
import { rowsOf } from "@/db";
import { waitingSince } from "@/lib/dashboard/pool";
import { isUnlocked } from "./visibility";
import type { Anonymity } from "@/lib/assignments/types";

/** Open review tasks of a student in a cohort, soonest due first (the dashboard and lesson pages). */
export async function reviewTasks(db: DbOrTx, userId: string, cohortId: string) {
  return (await myReviews(db, userId, cohortId)).tasks;
}

export type ReviewTask = Awaited<ReturnType<typeof reviewTasks>>[number];

/**
 * A student's reviews in a cohort for the reviews page, in one statement: the open tasks (soonest
 * due first, as reviewTasks) and the ones done (newest first, as givenReviews, at most 50).
 */
export async function myReviews(db: DbOrTx, userId: string, cohortId: string) {
  const rows = await db
    .select({
      id: reviews.id,
      status: reviews.status,
      kind: reviews.kind,
      dueAt: reviews.dueAt,
      assignedAt: reviews.assignedAt,
      submittedAt: reviews.submittedAt,
      updatedAt: reviews.updatedAt,
      assignmentId: reviews.assignmentId,
      lessonId: lessons.id,
      lessonTitle: lessons.title,
      lessonSlug: lessons.slug,
      threadId: submissions.threadId,
      postId: reviews.postId,
      anonymity: assignments.anonymity,
      authorId: reviews.authorId,
      authorName: users.name,
      helpfulness: reviews.helpfulness,
    })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .innerJoin(submissions, eq(submissions.id, reviews.submissionId))
    .innerJoin(users, eq(users.id, reviews.authorId))
    .where(and(eq(reviews.reviewerId, userId), eq(reviews.cohortId, cohortId)));
  // As PostgreSQL orders: a missing time sorts after every time (so first when descending).
  const time = (d: Date | null) => d?.getTime() ?? Infinity;
  const tasks = rows
    .filter((r) => r.status === "assigned" || r.status === "draft")
    .sort((a, b) => time(a.dueAt) - time(b.dueAt) || time(a.assignedAt) - time(b.assignedAt) || a.id.localeCompare(b.id));
  const given = rows
    .filter((r) => r.status === "submitted" || r.status === "expired")
    .sort((a, b) => time(b.submittedAt) - time(a.submittedAt) || time(b.updatedAt) - time(a.updatedAt))
    .slice(0, 50);
  return { tasks, given };
}

/**
 * A review for its page: the reviewer's own, or any of the cohort for its instructors. Includes
 * the assignment's rubric and the newest version of the submission's canvases. Null for anyone else.
 */
export async function reviewForPage(db: DbOrTx, actor: Actor, cohortId: string, reviewId: string) {
  const [row] = await db
    .select({ review: reviews, assignment: assignments, lessonTitle: lessons.title, lessonSlug: lessons.slug, threadId: submissions.threadId, authorName: users.name })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .innerJoin(submissions, eq(submissions.id, reviews.submissionId))
    .innerJoin(users, eq(users.id, reviews.authorId))
    .where(and(eq(reviews.id, reviewId), eq(reviews.cohortId, cohortId)))
    .limit(1);
  if (!row) return null;
  const role = await actorRole(db, cohortId, actor);
  if (!role || (row.review.reviewerId !== actor.id && role !== "instructor")) return null;
  // The version reviewed once submitted; the newest one while the review is open.
  const [version] = await db
    .select()
    .from(submissionVersions)
    .where(
      and(
        eq(submissionVersions.submissionId, row.review.submissionId),
        row.review.reviewedVersion ? eq(submissionVersions.version, row.review.reviewedVersion) : undefined,
      ),
    )
    .orderBy(desc(submissionVersions.version))
    .limit(1);
  return { ...row, role, version: version ?? null };
}

/** What a student's lesson panel says about reviews: given x of k, received y, and whether they can read them. */
export async function reviewStanding(db: DbOrTx, userId: string, a: typeof assignments.$inferSelect, now = new Date()) {
  const result = await db.execute(sql`
    select
      (select count(*) from ${reviews} where ${reviews.assignmentId} = ${a.id} and ${reviews.reviewerId} = ${userId} and ${reviews.kind} = 'duty')::int as owed,
      (select count(*) from ${reviews} where ${reviews.assignmentId} = ${a.id} and ${reviews.reviewerId} = ${userId} and ${reviews.kind} = 'duty' and ${reviews.status} = 'submitted')::int as given,
      (select count(*) from ${reviews} where ${reviews.assignmentId} = ${a.id} and ${reviews.authorId} = ${userId} and ${reviews.status} = 'submitted')::int as received,
      (select count(*) from ${reviews} where ${reviews.assignmentId} = ${a.id} and ${reviews.authorId} = ${userId} and ${reviews.status} <> 'expired')::int as expected,
      exists(select 1 from ${pairings} where ${pairings.assignmentId} = ${a.id}) as paired,
      exists(select 1 from ${selfAssessments} where ${selfAssessments.assignmentId} = ${a.id} and ${selfAssessments.userId} = ${userId}) as "selfAssessed"`);
  const [row] = rowsOf<{ owed: number; given: number; received: number; expected: number; paired: boolean; selfAssessed: boolean }>(result);
  const { selfAssessed, ...r } = row ?? { owed: 0, given: 0, received: 0, expected: 0, paired: false, selfAssessed: false };
  // selfAssessed only where the assignment asks for a self-assessment (undefined otherwise).
  return { ...r, unlocked: isUnlocked(a, now, r.owed, r.given, selfAssessed), selfAssessed: a.selfAssessment ? selfAssessed : undefined };
}

/**
 * The submitted reviews of a submission thread, keyed by their post, for the thread page; and the
 * ones sent back for revision, whose post waits (hidden) for the resubmission.
 */
export async function threadReviews(db: DbOrTx, threadId: string) {
  return db
    .select({
      id: reviews.id,
      status: reviews.status,
      sentBackAt: reviews.sentBackAt,
      sentBackNote: reviews.sentBackNote,
      helpfulnessComment: reviews.helpfulnessComment,
      postId: reviews.postId,
      reviewerId: reviews.reviewerId,
      kind: reviews.kind,
      scores: reviews.scores,
      standout: reviews.standout,
      anchors: reviews.anchors,
      helpfulness: reviews.helpfulness,
      reviewedVersion: reviews.reviewedVersion,
      submittedAt: reviews.submittedAt,
    })
    .from(reviews)
    .innerJoin(submissions, eq(submissions.id, reviews.submissionId))
    .where(
      and(
        eq(submissions.threadId, threadId),
        or(eq(reviews.status, "submitted"), and(eq(reviews.status, "draft"), isNotNull(reviews.sentBackAt), isNotNull(reviews.postId))),
      ),
    )
    .orderBy(asc(reviews.submittedAt));
}

/** Everyone assigned to review a submission, in the order they were assigned: "Reviewer 1, 2, …" under anonymity. */
export async function submissionReviewers(db: DbOrTx, submissionId: string): Promise<string[]> {
  const rows = await db
    .select({ reviewerId: reviews.reviewerId })
    .from(reviews)
    .where(eq(reviews.submissionId, submissionId))
    .orderBy(asc(reviews.assignedAt), asc(reviews.id));
  return rows.map((r) => r.reviewerId);
}

export type PoolItem = {
  submissionId: string;
  assignmentId: string;
  authorId: string;
  authorName: string;
  anonymity: Anonymity;
  lessonTitle: string;
  missing: number;
  since: Date;
};

/**
 * The reserve pool of a cohort as one viewer sees it: submissions short of k reviewers that the
 * viewer could take (not their own, not one they review already), oldest first; and the
 * assignments in which a student may help (every review they owe submitted).
 */
export async function reservePool(db: DbOrTx, viewerId: string, cohortId: string, limit = 20) {
  // One statement: the pool's rows (with their reviews' times) and the assignments the viewer has given every review in.
  type Raw = Omit<PoolItem, "since" | "missing"> & { missing: number | string; k: number | string; enteredAt: string; events: [string, string | null][] | string };
  const [row] = rowsOf<{ items: Raw[] | string; helpIn: string[] | string }>(
    await db.execute(sql`
    select
      (select coalesce(json_agg(pool), '[]'::json) from (
        select s.id as "submissionId", s.assignment_id as "assignmentId", s.author_id as "authorId", u.name as "authorName",
               a.anonymity, l.title as "lessonTitle", a.reviews_per_student as k,
               a.reviews_per_student - coalesce(have.n, 0) as missing,
               greatest(s.created_at, p.created_at) as "enteredAt",
               coalesce(have.events, '[]'::json) as events
        from ${submissions} s
        join ${assignments} a on a.id = s.assignment_id
        join ${pairings} p on p.assignment_id = a.id
        join ${lessons} l on l.id = a.lesson_id
        join ${users} u on u.id = s.author_id
        join memberships m on m.cohort_id = s.cohort_id and m.user_id = s.author_id and m.role = 'student'
        left join lateral (
          select count(*) filter (where r.status <> 'expired') as n,
                 json_agg(json_build_array(r.assigned_at, case when r.status = 'expired' then coalesce(r.expired_at, r.updated_at) end)) as events
          from ${reviews} r where r.submission_id = s.id
        ) have on true
        where s.cohort_id = ${cohortId}
          and s.author_id <> ${viewerId}
          and coalesce(have.n, 0) < a.reviews_per_student
          and not exists (select 1 from excusals e where e.assignment_id = a.id and e.user_id = s.author_id)
          and not exists (select 1 from ${reviews} r2 where r2.submission_id = s.id and r2.reviewer_id = ${viewerId})
      ) pool) as items,
      (select coalesce(json_agg(s.assignment_id), '[]'::json) from ${submissions} s
        where s.cohort_id = ${cohortId} and s.author_id = ${viewerId}
          and not exists (select 1 from ${reviews} r where r.assignment_id = s.assignment_id and r.reviewer_id = ${viewerId}
                          and r.kind = 'duty' and r.status <> 'submitted')) as "helpIn"`),
  );
  const json = <T,>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);
  // Dated as the instructor's dashboard dates them (waitingSince): oldest first.
  const items: PoolItem[] = json(row!.items)
    .map(({ k, enteredAt, events, ...r }) => {
      const intervals = json(events).map(([assigned, expired]) => ({ assignedAt: new Date(assigned), expiredAt: expired ? new Date(expired) : null }));
      return { ...r, missing: Number(r.missing), since: waitingSince(new Date(enteredAt), Number(k), intervals) };
    })
    .sort((x, y) => x.since.getTime() - y.since.getTime() || (x.submissionId < y.submissionId ? -1 : 1))
    .slice(0, limit);
  const canHelpIn = new Set(json(row!.helpIn));
  return { items, canHelpIn };
}

/** Reviews a student gave or is giving in a cohort that are done, newest first (the reviews page's history). */
export async function givenReviews(db: DbOrTx, userId: string, cohortId: string) {
  return (await myReviews(db, userId, cohortId)).given;
}
