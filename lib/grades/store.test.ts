import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, type Tx } from "@/db";
import { assignments, auditLog, gradeOverrides, instructorAssessments, notifications, submissions } from "@/db/schema";
import { listAudit } from "@/lib/cohorts/audit";
import { addMember, createCohort, createCourse, createUser } from "@/lib/test/factories";
import { refusal, refusalOf } from "@/lib/test/refusal";
import { gradeCell, gradingAssignment, studentGrade } from "./queries";
import { assessSubmission, overrideGrade, releaseGrades, removeOverride, withdrawGrades } from "./store";
import { DAY, giveReviews, HOUR, pairedCohort } from "./test-fixtures";
import { overrideGradeSchema } from "./validation";

const full = { clarity: { score: 4, comment: "Sehr klar." }, fit: { score: 3, comment: "Teilweise." } };

/** Four paired students; all four review (so everyone has a grade); one more joined late and never submitted. */
async function world() {
  const w = await pairedCohort(4);
  for (const s of w.students) await giveReviews(w.assignment, s, new Date(w.due + HOUR), { clarity: 3, fit: 4 }, 4);
  const db = getDb();
  const { course } = await createCourse(1);
  const other = await createCohort(course.id);
  const otherInstructor = await createUser({ name: "Andere Lehrkraft" });
  await addMember(other.id, otherInstructor.id, "instructor");
  const otherStudent = await createUser({ name: "Anderer Student" });
  await addMember(other.id, otherStudent.id);
  const admin = await createUser({ name: "Admin", isAdmin: true });
  const [sub] = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(eq(submissions.assignmentId, w.assignment.id), eq(submissions.authorId, w.students[0]!.id)));
  return {
    ...w,
    submissionId: sub!.id,
    otherInstructor: { id: otherInstructor.id, isAdmin: false },
    otherStudent: { id: otherStudent.id, isAdmin: false },
    admin: { id: admin.id, isAdmin: true },
    now: new Date(w.assignment.reviewDue.getTime() + DAY),
  };
}

async function written(assignmentId: string, cohortId: string) {
  const db = getDb();
  const [a] = await db.select({ at: assignments.gradesReleasedAt }).from(assignments).where(eq(assignments.id, assignmentId));
  return {
    overrides: await db.select().from(gradeOverrides).where(eq(gradeOverrides.assignmentId, assignmentId)),
    assessments: await db.select().from(instructorAssessments).where(eq(instructorAssessments.assignmentId, assignmentId)),
    releasedAt: a!.at,
    audit: await db.select().from(auditLog).where(eq(auditLog.cohortId, cohortId)),
    notified: await db.select().from(notifications).where(and(eq(notifications.assignmentId, assignmentId), eq(notifications.kind, "grades_released"))),
  };
}

describe("grade writes", () => {
  it("refuse the student, a classmate, another cohort's instructor and student, and strangers; nothing is written", async () => {
    const { cohort, assignment: a, students, submissionId, otherInstructor, otherStudent, now } = await world();
    const db = getDb();
    const stranger = await createUser();
    const target = students[0]!;
    const actors = [target, students[1]!, otherInstructor, otherStudent, { id: stranger.id, isAdmin: false }];
    for (const actor of actors) {
      const who = { id: actor.id, isAdmin: false };
      const tries: Array<(tx: Tx) => Promise<unknown>> = [
        (tx) => overrideGrade(tx, who, { assignmentId: a.id, userId: target.id, points: 100, reason: "Ich will mehr" }, now),
        (tx) => removeOverride(tx, who, { assignmentId: a.id, userId: target.id }, now),
        (tx) => assessSubmission(tx, who, { submissionId, scores: full, comment: "" }, now),
        (tx) => assessSubmission(tx, who, { submissionId, scores: null }, now),
        (tx) => releaseGrades(tx, who, { assignmentId: a.id }, now),
        (tx) => withdrawGrades(tx, who, { assignmentId: a.id }, now),
      ];
      for (const attempt of tries) {
        const error = await refusalOf(db.transaction(attempt));
        expect([actor.id, error.code, error.messageKey]).toEqual([actor.id, "not_found", "notFound"]);
      }
    }
    expect(await written(a.id, cohort.id)).toEqual({ overrides: [], assessments: [], releasedAt: null, audit: [], notified: [] });
  });

  it("overrides with a reason, audited with old and new points; refuses bad input and writes nothing then", async () => {
    const { cohort, assignment: a, students, instructor, admin, otherStudent, now } = await world();
    const db = getDb();
    const target = students[0]!;
    const empty = await refusalOf(db.transaction((tx) => overrideGrade(tx, instructor, { assignmentId: a.id, userId: target.id, points: 80, reason: "   " }, now)));
    expect([empty.code, empty.messageKey, empty.fieldErrorKeys]).toEqual(["invalid", "checkFields", { reason: "gradeReasonRequired" }]);
    const high = await refusalOf(db.transaction((tx) => overrideGrade(tx, instructor, { assignmentId: a.id, userId: target.id, points: 101, reason: "Bonus" }, now)));
    expect(high.fieldErrorKeys).toEqual({ points: "gradePointsRange" });
    const long = await refusalOf(db.transaction((tx) => overrideGrade(tx, instructor, { assignmentId: a.id, userId: target.id, points: 50, reason: "x".repeat(1001) }, now)));
    expect(long.fieldErrorKeys).toEqual({ reason: "gradeReasonTooLong" });
    // Someone who is no student of this cohort has no grade here, for the instructor neither.
    expect(await refusal(db.transaction((tx) => overrideGrade(tx, instructor, { assignmentId: a.id, userId: otherStudent.id, points: 50, reason: "x" }, now)))).toBe("notFound");
    expect(await refusal(db.transaction((tx) => overrideGrade(tx, instructor, { assignmentId: a.id, userId: instructor.id, points: 50, reason: "x" }, now)))).toBe("notFound");
    expect(await written(a.id, cohort.id)).toMatchObject({ overrides: [], audit: [] });

    const ga = (await gradingAssignment(db, a.id))!;
    const computed = (await gradeCell(db, ga, target.id, now))!.grade!.computed!;
    await db.transaction((tx) => overrideGrade(tx, instructor, { assignmentId: a.id, userId: target.id, points: 85.55, reason: "  Mündliche Nachprüfung  " }, now));
    expect((await gradeCell(db, ga, target.id, now))!.grade).toMatchObject({ points: 85.6, computed, override: { points: 85.6, reason: "Mündliche Nachprüfung" } });
    await db.transaction((tx) => overrideGrade(tx, admin, { assignmentId: a.id, userId: target.id, points: 90, reason: "Korrigiert" }, new Date(now.getTime() + HOUR)));
    const log = await listAudit(db, cohort.id);
    expect(log.map((e) => [e.action, e.details])).toEqual([
      ["grade_overridden", { name: target.name, old: 85.6, new: 90, computed, reason: "Korrigiert" }],
      ["grade_overridden", { name: target.name, old: null, new: 85.6, computed, reason: "Mündliche Nachprüfung" }],
    ]);
    expect(log[0]).toMatchObject({ actorName: "Admin", subjectName: target.name });

    await db.transaction((tx) => removeOverride(tx, instructor, { assignmentId: a.id, userId: target.id }, new Date(now.getTime() + 2 * HOUR)));
    expect((await gradeCell(db, ga, target.id, now))!.grade).toMatchObject({ points: computed, override: null });
    expect((await listAudit(db, cohort.id))[0]).toMatchObject({ action: "grade_override_removed", details: { name: target.name, old: 90, reason: "Korrigiert" } });
    expect(await refusal(db.transaction((tx) => removeOverride(tx, instructor, { assignmentId: a.id, userId: target.id }, now)))).toBe("gradeNoOverride");
  });

  it("parses the override form: comma decimals, and a clear key for what is wrong", () => {
    const base = { cohortId: crypto.randomUUID(), assignmentId: crypto.randomUUID(), userId: crypto.randomUUID(), reason: "Grund" };
    expect(overrideGradeSchema.parse({ ...base, points: "85,5" }).points).toBe(85.5);
    const messages = (input: Record<string, unknown>) => {
      const r = overrideGradeSchema.safeParse({ ...base, ...input });
      return r.success ? [] : r.error.issues.map((i) => [i.path[0], i.message]);
    };
    expect(messages({ points: "101" })).toEqual([["points", "gradePointsRange"]]);
    expect(messages({ points: "-1" })).toEqual([["points", "gradePointsInvalid"]]);
    expect(messages({ points: "" })).toEqual([["points", "gradePointsRequired"]]);
    expect(messages({ points: "12", reason: "  " })).toEqual([["reason", "gradeReasonRequired"]]);
    expect(messages({ points: "12", reason: "x".repeat(1001) })).toEqual([["reason", "gradeReasonTooLong"]]);
  });

  it("assesses a submission: the instructor's scores replace the received ones until cleared", async () => {
    const { cohort, assignment: a, students, instructor, submissionId, now } = await world();
    const db = getDb();
    const ga = (await gradingAssignment(db, a.id))!;
    const before = (await gradeCell(db, ga, students[0]!.id, now))!.grade!;
    const missing = await refusalOf(db.transaction((tx) => assessSubmission(tx, instructor, { submissionId, scores: { clarity: full.clarity }, comment: "" }, now)));
    expect([missing.messageKey, missing.fieldErrorKeys]).toEqual(["assessmentIncomplete", { "score-fit": "reviewScoreMissing" }]);
    const offScale = await refusalOf(db.transaction((tx) => assessSubmission(tx, instructor, { submissionId, scores: { ...full, clarity: { score: 5, comment: "" } }, comment: "" }, now)));
    expect(offScale.fieldErrorKeys).toEqual({ "score-clarity": "reviewScoreMissing" });
    expect(await written(a.id, cohort.id)).toMatchObject({ assessments: [], audit: [] });

    const done = await db.transaction((tx) => assessSubmission(tx, instructor, { submissionId, scores: { ...full, extra: { score: 1, comment: "" } }, comment: " Gut gemacht. " }, now));
    // clarity 4/4 → 1, fit 3/5 → 0.5: 75 %.
    expect(done).toMatchObject({ userId: students[0]!.id, points: 75 });
    const [row] = await db.select().from(instructorAssessments).where(eq(instructorAssessments.submissionId, submissionId));
    expect(row).toMatchObject({ scores: full, comment: "Gut gemacht.", byId: instructor.id });
    const after = (await gradeCell(db, ga, students[0]!.id, now))!.grade!;
    expect(after.parts[0]).toMatchObject({ key: "submission", source: "instructor", ratio: 0.75 });
    expect(after.computed).not.toBe(before.computed);
    expect((await listAudit(db, cohort.id))[0]).toMatchObject({ action: "submission_assessed", subjectName: students[0]!.name, details: { cleared: false, percent: 75 } });

    await db.transaction((tx) => assessSubmission(tx, instructor, { submissionId, scores: null }, new Date(now.getTime() + HOUR)));
    expect((await gradeCell(db, ga, students[0]!.id, now))!.grade!.computed).toBe(before.computed);
    expect((await listAudit(db, cohort.id))[0]).toMatchObject({ action: "submission_assessed", details: { cleared: true } });
    expect(await refusal(db.transaction((tx) => assessSubmission(tx, instructor, { submissionId, scores: null }, now)))).toBe("assessmentMissing");
  });

  it("releases once: the time is set, every student with a grade is told once, and students see theirs until withdrawn", async () => {
    const { cohort, assignment: a, students, instructor, now } = await world();
    const db = getDb();
    expect(await studentGrade(db, (await gradingAssignment(db, a.id))!, students[0]!.id, now)).toBeNull();
    const done = await db.transaction((tx) => releaseGrades(tx, instructor, { assignmentId: a.id }, now));
    expect(done).toEqual({ cohortId: cohort.id, notified: 4 });
    const state = await written(a.id, cohort.id);
    expect(state.releasedAt).toEqual(now);
    expect(state.notified.map((n) => n.userId).sort()).toEqual(students.map((s) => s.id).sort());
    expect(state.notified.every((n) => n.subject === a.lessonTitle && n.actorId === null && n.cohortId === cohort.id)).toBe(true);
    expect(await refusal(db.transaction((tx) => releaseGrades(tx, instructor, { assignmentId: a.id }, new Date(now.getTime() + HOUR))))).toBe("gradesAlreadyReleased");
    expect((await written(a.id, cohort.id)).notified).toHaveLength(4);
    expect((await studentGrade(db, (await gradingAssignment(db, a.id))!, students[0]!.id, now))!.grade.points).toBeGreaterThan(0);
    expect((await listAudit(db, cohort.id))[0]).toMatchObject({ action: "grades_released", details: { students: 4 } });

    await db.transaction((tx) => withdrawGrades(tx, instructor, { assignmentId: a.id }, now));
    expect((await written(a.id, cohort.id)).releasedAt).toBeNull();
    expect(await studentGrade(db, (await gradingAssignment(db, a.id))!, students[0]!.id, now)).toBeNull();
    expect(await refusal(db.transaction((tx) => withdrawGrades(tx, instructor, { assignmentId: a.id }, now)))).toBe("gradesNotReleased");
    expect((await listAudit(db, cohort.id)).map((e) => e.action).sort()).toEqual(["grades_released", "grades_withdrawn"]);
  });

  it("releases all or nothing: a failure after the release leaves neither time nor notification", async () => {
    const { cohort, assignment: a, instructor, now } = await world();
    const db = getDb();
    const failed = await db
      .transaction(async (tx) => {
        await releaseGrades(tx, instructor, { assignmentId: a.id }, now);
        throw new Error("the connection dropped");
      })
      .catch((e: Error) => e.message);
    expect(failed).toBe("the connection dropped");
    expect(await written(a.id, cohort.id)).toMatchObject({ releasedAt: null, notified: [], audit: [] });
  });
});
