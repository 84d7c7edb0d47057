import { and, asc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { gradeOverrides, instructorAssessments, memberships, reviews, selfAssessments, submissions, users } from "@/db/schema";
import { gradeCell, gradingAssignment } from "./queries";

const reviewer = alias(users, "grade_reviewer");
const author = alias(users, "grade_author");
const assessor = alias(users, "grade_assessor");
const overrider = alias(users, "grade_overrider");

/**
 * Everything behind one student's grade in one assignment, for the cohort's instructors: the grade
 * and its parts, the reviews received (scores per criterion) and given (on time, rated), the
 * self-assessment, the instructor's assessment and the override. Null when the assignment is not
 * the cohort's or the user no student of it. The caller authorises (instructors only).
 */
export async function gradeDetail(db: DbOrTx, cohortId: string, assignmentId: string, userId: string, now = new Date()) {
  const a = await gradingAssignment(db, assignmentId);
  if (!a || a.cohortId !== cohortId) return null;
  // Three statements side by side: the student with everything that is at most one row (their
  // submission, self-assessment, the instructor's assessment, the override), the grade, the reviews.
  const [[row], cell, both] = await Promise.all([
    db
      .select({
        person: { id: users.id, name: users.name, email: users.email },
        submission: { id: submissions.id, threadId: submissions.threadId, late: submissions.late, createdAt: submissions.createdAt },
        self: { scores: selfAssessments.scores, comment: selfAssessments.comment, createdAt: selfAssessments.createdAt },
        assessment: { scores: instructorAssessments.scores, comment: instructorAssessments.comment, updatedAt: instructorAssessments.updatedAt, byName: assessor.name },
        override: { points: gradeOverrides.points, reason: gradeOverrides.reason, updatedAt: gradeOverrides.updatedAt, byName: overrider.name },
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(submissions, and(eq(submissions.assignmentId, assignmentId), eq(submissions.authorId, userId)))
      .leftJoin(selfAssessments, and(eq(selfAssessments.assignmentId, assignmentId), eq(selfAssessments.userId, userId)))
      .leftJoin(instructorAssessments, eq(instructorAssessments.submissionId, submissions.id))
      .leftJoin(assessor, eq(assessor.id, instructorAssessments.byId))
      .leftJoin(gradeOverrides, and(eq(gradeOverrides.assignmentId, assignmentId), eq(gradeOverrides.userId, userId)))
      .leftJoin(overrider, eq(overrider.id, gradeOverrides.byId))
      .where(and(eq(memberships.cohortId, cohortId), eq(memberships.userId, userId), eq(memberships.role, "student")))
      .limit(1),
    gradeCell(db, a, userId, now),
    db
      .select({
        id: reviews.id,
        reviewerId: reviews.reviewerId,
        reviewerName: reviewer.name,
        authorId: reviews.authorId,
        authorName: author.name,
        kind: reviews.kind,
        status: reviews.status,
        scores: reviews.scores,
        dueAt: reviews.dueAt,
        submittedAt: reviews.submittedAt,
        helpfulness: reviews.helpfulness,
        sentBackCount: reviews.sentBackCount,
      })
      .from(reviews)
      .innerJoin(reviewer, eq(reviewer.id, reviews.reviewerId))
      .innerJoin(author, eq(author.id, reviews.authorId))
      .where(and(eq(reviews.assignmentId, assignmentId), or(eq(reviews.authorId, userId), eq(reviews.reviewerId, userId))))
      .orderBy(asc(reviews.assignedAt), asc(reviews.id)),
  ]);
  const person = row?.person;
  const submission = row?.submission;
  // Left joins: a missing row comes back as nulls; each is whole or absent.
  const s = row?.self;
  const self = s?.scores && s.createdAt ? { scores: s.scores, comment: s.comment ?? "", createdAt: s.createdAt } : null;
  const i = row?.assessment;
  const assessment = i?.scores && i.updatedAt ? { scores: i.scores, comment: i.comment ?? "", updatedAt: i.updatedAt, byName: i.byName } : null;
  const o = row?.override;
  const override = o && o.points !== null && o.reason !== null && o.updatedAt ? { points: o.points, reason: o.reason, updatedAt: o.updatedAt, byName: o.byName } : null;
  if (!person || !cell) return null;
  return {
    assignment: a,
    person,
    cell,
    submission: submission ?? null,
    /** Reviews of their submission that count (submitted), with the reviewers' names. */
    received: both.filter((r) => r.authorId === userId && r.status === "submitted"),
    /** Reviews they were handed, in any state. */
    given: both.filter((r) => r.reviewerId === userId),
    self: self ?? null,
    assessment: assessment ?? null,
    override: override ?? null,
  };
}

export type GradeDetail = NonNullable<Awaited<ReturnType<typeof gradeDetail>>>;
