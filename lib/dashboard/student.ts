import { and, asc, eq, inArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { assignments, deadlineExtensions, excusals, lessons, memberships, reviews, selfAssessments, submissions, submissionVersions, users } from "@/db/schema";
import { compareSelfPeer } from "@/lib/self-assessment/compare";

const other = alias(users, "drill_other");

/**
 * One student of a cohort for the instructor's drill-down: every assignment with their submission
 * and its versions, their excusal or own deadline, the reviews they gave and received, and (where the
 * assignment asks for one) their self-assessment beside the scores they received. Three statements. Null when they aren't a member of the cohort.
 */
export async function studentDetail(db: DbOrTx, cohortId: string, userId: string) {
  const [person] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.joinedAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.cohortId, cohortId), eq(memberships.userId, userId)))
    .limit(1);
  if (!person) return null;

  const [list, given] = await Promise.all([
    db
      .select({
        id: assignments.id,
        lessonTitle: lessons.title,
        lessonSlug: lessons.slug,
        k: assignments.reviewsPerStudent,
        submissionDue: assignments.submissionDue,
        reviewDue: assignments.reviewDue,
        pairedAt: assignments.pairedAt,
        submissionId: submissions.id,
        threadId: submissions.threadId,
        late: submissions.late,
        fitScore: submissions.fitScore,
        currentVersion: submissions.currentVersion,
        excusedAt: excusals.createdAt,
        extendedUntil: deadlineExtensions.until,
        rubric: assignments.rubric,
        selfAssessmentOn: assignments.selfAssessment,
        selfScores: selfAssessments.scores,
        selfComment: selfAssessments.comment,
        selfAt: selfAssessments.createdAt,
      })
      .from(assignments)
      .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
      .leftJoin(submissions, and(eq(submissions.assignmentId, assignments.id), eq(submissions.authorId, userId)))
      .leftJoin(excusals, and(eq(excusals.assignmentId, assignments.id), eq(excusals.userId, userId)))
      .leftJoin(deadlineExtensions, and(eq(deadlineExtensions.assignmentId, assignments.id), eq(deadlineExtensions.userId, userId)))
      .leftJoin(selfAssessments, and(eq(selfAssessments.assignmentId, assignments.id), eq(selfAssessments.userId, userId)))
      .where(eq(assignments.cohortId, cohortId))
      .orderBy(asc(lessons.position)),
    db
      .select({
        id: reviews.id,
        assignmentId: reviews.assignmentId,
        reviewerId: reviews.reviewerId,
        authorId: reviews.authorId,
        otherName: other.name,
        kind: reviews.kind,
        status: reviews.status,
        dueAt: reviews.dueAt,
        assignedAt: reviews.assignedAt,
        submittedAt: reviews.submittedAt,
        helpfulness: reviews.helpfulness,
        scores: reviews.scores,
        postId: reviews.postId,
        threadId: submissions.threadId,
      })
      .from(reviews)
      .innerJoin(submissions, eq(submissions.id, reviews.submissionId))
      .innerJoin(other, or(and(eq(reviews.reviewerId, userId), eq(other.id, reviews.authorId)), and(eq(reviews.authorId, userId), eq(other.id, reviews.reviewerId))))
      .where(and(eq(reviews.cohortId, cohortId), or(eq(reviews.reviewerId, userId), eq(reviews.authorId, userId))))
      .orderBy(asc(reviews.assignedAt), asc(reviews.id)),
  ]);
  const submissionIds = list.map((a) => a.submissionId).filter((id): id is string => Boolean(id));
  const versions = submissionIds.length
    ? await db
        .select({ submissionId: submissionVersions.submissionId, version: submissionVersions.version, submittedAt: submissionVersions.submittedAt, late: submissionVersions.late })
        .from(submissionVersions)
        .where(inArray(submissionVersions.submissionId, submissionIds))
        .orderBy(asc(submissionVersions.version))
    : [];

  return {
    person,
    assignments: list.map(({ rubric, selfAssessmentOn, selfScores, selfComment, selfAt, ...a }) => {
      const received = given.filter((r) => r.assignmentId === a.id && r.authorId === userId);
      return {
        ...a,
        versions: versions.filter((v) => v.submissionId === a.submissionId),
        given: given.filter((r) => r.assignmentId === a.id && r.reviewerId === userId),
        received,
        // Self vs peers where the assignment asks for a self-assessment: null self until the student gave it.
        selfAssessment: selfAssessmentOn
          ? {
              at: selfAt,
              comment: selfComment ?? "",
              comparison: compareSelfPeer(rubric, selfScores, received.filter((r) => r.status === "submitted").map((r) => r.scores)),
            }
          : null,
      };
    }),
  };
}

export type StudentDetail = NonNullable<Awaited<ReturnType<typeof studentDetail>>>;
