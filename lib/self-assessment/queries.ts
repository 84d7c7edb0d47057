import { and, desc, eq, sql } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "@/db";
import { assignments, lessons, reviews, selfAssessments, submissions, submissionVersions } from "@/db/schema";
import type { Actor } from "@/lib/cohorts/membership";
import type { ReviewScores } from "@/lib/pairing/types";
import { receivedLockFor } from "@/lib/reviews/visibility";

/**
 * Per student of an assignment, their self-assessment and the mean of the scores they received,
 * both on 0…1 as compareSelfPeer has them (a criterion's lowest point 0, its highest 1; the peer
 * side is the mean over criteria of each criterion's mean received score). One statement; students
 * with neither are absent. For the instructor's views (dashboard, gradebook): it ignores who may
 * read what.
 */
export async function selfVsPeer(db: DbOrTx, assignmentId: string): Promise<Map<string, { self: number | null; peer: number | null }>> {
  const point = (scores: ReturnType<typeof sql>) => sql`least(1, greatest(0, ((${scores})::numeric - 1) / nullif(r.scale - 1, 0)))`;
  const rows = rowsOf<{ userId: string; self: number | string | null; peer: number | string | null }>(
    await db.execute(sql`
      with rubric as (
        select c->>'id' as cid, (c->>'scale')::numeric as scale
        from ${assignments} a, jsonb_array_elements(a.rubric) c
        where a.id = ${assignmentId}
      ),
      own as (
        select s.user_id, avg(${point(sql`s.scores->r.cid->>'score'`)}) as v
        from ${selfAssessments} s join rubric r on (s.scores->r.cid->>'score') is not null
        where s.assignment_id = ${assignmentId}
        group by s.user_id
      ),
      per_criterion as (
        select rv.author_id as user_id, r.cid, r.scale, avg((rv.scores->r.cid->>'score')::numeric) as m
        from ${reviews} rv join rubric r on (rv.scores->r.cid->>'score') is not null
        where rv.assignment_id = ${assignmentId} and rv.status = 'submitted'
        group by rv.author_id, r.cid, r.scale
      ),
      peer as (
        select r.user_id, avg(${point(sql`r.m`)}) as v from per_criterion r group by r.user_id
      )
      select coalesce(own.user_id, peer.user_id) as "userId", own.v::float8 as self, peer.v::float8 as peer
      from own full join peer on peer.user_id = own.user_id`),
  );
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  return new Map(rows.map((r) => [r.userId, { self: num(r.self), peer: num(r.peer) }]));
}

/**
 * The self-assessment page of one assignment for the signed-in student: the assignment (only if it
 * asks for a self-assessment, in this cohort), their own submission in its newest version, their
 * self-assessment if given, why their received reviews are hidden, and, once they may read them,
 * the scores received. At most four statements; null when there is no such page.
 */
export async function selfAssessmentPage(db: DbOrTx, actor: Actor, cohortId: string, assignmentId: string) {
  const [row] = await db
    .select({
      assignment: assignments,
      lessonTitle: lessons.title,
      lessonSlug: lessons.slug,
      submission: { id: submissions.id, threadId: submissions.threadId, currentVersion: submissions.currentVersion },
      self: { scores: selfAssessments.scores, comment: selfAssessments.comment, createdAt: selfAssessments.createdAt },
    })
    .from(assignments)
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .leftJoin(submissions, and(eq(submissions.assignmentId, assignments.id), eq(submissions.authorId, actor.id)))
    .leftJoin(selfAssessments, and(eq(selfAssessments.assignmentId, assignments.id), eq(selfAssessments.userId, actor.id)))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.cohortId, cohortId)))
    .limit(1);
  if (!row || !row.assignment.selfAssessment) return null;
  const base = { ...row, version: null, lock: null, received: null };
  if (!row.submission) return base;

  const [[version], lock] = await Promise.all([
    db
      .select({ version: submissionVersions.version, canvases: submissionVersions.canvases, submittedAt: submissionVersions.submittedAt })
      .from(submissionVersions)
      .where(eq(submissionVersions.submissionId, row.submission.id))
      .orderBy(desc(submissionVersions.version))
      .limit(1),
    receivedLockFor(db, row.assignment, actor.id),
  ]);
  // The scores received are review content: only once the student may read the reviews.
  const received: ReviewScores[] | null = lock.unlocked
    ? (
        await db
          .select({ scores: reviews.scores })
          .from(reviews)
          .where(and(eq(reviews.submissionId, row.submission.id), eq(reviews.status, "submitted")))
      ).map((r) => r.scores)
    : null;
  return { ...base, version: version ?? null, lock, received };
}

export type SelfAssessmentPageData = NonNullable<Awaited<ReturnType<typeof selfAssessmentPage>>>;

/**
 * A student's submissions in a cohort whose assignment asks for a self-assessment they have not
 * given yet, with how many received reviews wait behind it. One statement.
 */
export async function pendingSelfAssessments(db: DbOrTx, cohortId: string, userId: string) {
  return db
    .select({
      assignmentId: assignments.id,
      lessonTitle: lessons.title,
      waiting: sql<number>`(select count(*) from ${reviews} r where r.submission_id = ${submissions.id} and r.status = 'submitted')`.mapWith(Number),
    })
    .from(submissions)
    .innerJoin(assignments, eq(assignments.id, submissions.assignmentId))
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .where(
      and(
        eq(submissions.cohortId, cohortId),
        eq(submissions.authorId, userId),
        eq(assignments.selfAssessment, true),
        sql`not exists (select 1 from ${selfAssessments} sa where sa.assignment_id = ${assignments.id} and sa.user_id = ${userId})`,
      ),
    )
    .orderBy(lessons.position);
}
