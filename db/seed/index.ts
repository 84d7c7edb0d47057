import { and, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { assignments, cohorts, courses, lessons, memberships, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { demoAssignment, demoCourse, demoLessons, demoPracticeAssignment } from "./course-content";
import { DEMO_PASSWORD, demoAccounts, demoCohorts } from "./demo-accounts";
import { seedPracticeRun } from "./practice-run";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Idempotent: inserts what is missing and leaves existing rows alone, so an instructor's later
 * edits survive a restart. Runs in one transaction.
 */
export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  // Hash outside the transaction (argon2 is slow on purpose), and only for accounts that are missing.
  const existing = await db
    .select({ email: users.email })
    .from(users)
    .where(inArray(users.email, demoAccounts.map((a) => a.email)));
  const have = new Set(existing.map((row) => row.email));
  const missing = demoAccounts.filter((a) => !have.has(a.email));
  const hashes = await Promise.all(missing.map(() => hashPassword(DEMO_PASSWORD)));

  return db.transaction(async (tx) => {
    if (missing.length > 0) {
      await tx
        .insert(users)
        .values(missing.map((a, i) => ({ email: a.email, name: a.name, passwordHash: hashes[i], isAdmin: a.role === "admin" })))
        .onConflictDoNothing();
    }
    const byEmail = await userIds(tx);

    await tx
      .insert(courses)
      .values({ ...demoCourse, locale: "de", createdBy: byEmail.get("admin@werkbank.test") })
      .onConflictDoNothing();
    const [course] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.slug, demoCourse.slug));
    if (!course) throw new Error("demo course missing after insert");

    await tx
      .insert(lessons)
      .values(demoLessons.map((l, position) => ({ ...l, position, courseId: course.id })))
      .onConflictDoNothing();

    const now = Date.now();
    const cohortRows = {
      main: { ...demoCohorts.main, startsOn: new Date(now - 14 * DAY), endsOn: new Date(now + 70 * DAY) },
      other: { ...demoCohorts.other, startsOn: new Date(now - 200 * DAY), endsOn: new Date(now + 30 * DAY) },
    };
    await tx
      .insert(cohorts)
      .values(Object.values(cohortRows).map((c) => ({ ...c, courseId: course.id })))
      .onConflictDoNothing();
    const cohortIds = new Map(
      (
        await tx
          .select({ id: cohorts.id, code: cohorts.inviteCode })
          .from(cohorts)
          .where(and(eq(cohorts.courseId, course.id), inArray(cohorts.inviteCode, [demoCohorts.main.inviteCode, demoCohorts.other.inviteCode])))
      ).map((c) => [c.code, c.id]),
    );

    const memberRows = demoAccounts.flatMap((a) =>
      a.cohort && a.role !== "admin"
        ? [{ cohortId: cohortIds.get(demoCohorts[a.cohort].inviteCode)!, userId: byEmail.get(a.email)!, role: a.role }]
        : [],
    );
    await tx.insert(memberships).values(memberRows).onConflictDoNothing();

    // The value-proposition lesson's assignment: due in a week in the running cohort, long past in the older one.
    const [lesson] = await tx
      .select({ id: lessons.id })
      .from(lessons)
      .where(and(eq(lessons.courseId, course.id), eq(lessons.slug, demoAssignment.lessonSlug)));
    // Double-blind, with minimums a real review reaches and the grade's default weights (issue 16).
    const { lessonSlug: _slug, ...content } = demoAssignment;
    const assignment = { ...content, anonymity: "double" as const, minCommentChars: 30, minSummaryChars: 80 };
    const dueIn = (days: number) => new Date(Math.ceil((now + days * DAY) / 3_600_000) * 3_600_000);
    await tx
      .insert(assignments)
      .values([
        { ...assignment, cohortId: cohortIds.get(demoCohorts.main.inviteCode)!, lessonId: lesson!.id, submissionDue: dueIn(7), reviewDue: dueIn(14) },
        { ...assignment, cohortId: cohortIds.get(demoCohorts.other.inviteCode)!, lessonId: lesson!.id, submissionDue: dueIn(-60), reviewDue: dueIn(-50) },
      ])
      .onConflictDoNothing();

    // The finished practice run of the running cohort: calibrated, self-assessed, graded and released.
    const [practiceLesson] = await tx
      .select({ id: lessons.id })
      .from(lessons)
      .where(and(eq(lessons.courseId, course.id), eq(lessons.slug, demoPracticeAssignment.lessonSlug)));
    const mainCohortId = cohortIds.get(demoCohorts.main.inviteCode)!;
    const { lessonSlug: _practiceSlug, ...practice } = demoPracticeAssignment;
    const [practiceAssignment] = await tx
      .insert(assignments)
      .values({
        ...practice,
        anonymity: "double",
        minCommentChars: 30,
        minSummaryChars: 80,
        calibration: "required",
        selfAssessment: true,
        gradeAggregate: "median",
        cohortId: mainCohortId,
        lessonId: practiceLesson!.id,
        submissionDue: dueIn(-9),
        reviewDue: dueIn(-4),
      })
      .onConflictDoNothing()
      .returning({ id: assignments.id });
    if (practiceAssignment) {
      await seedPracticeRun(tx, {
        assignmentId: practiceAssignment.id,
        cohortId: mainCohortId,
        instructorId: byEmail.get("lena.keller@werkbank.test")!,
        userIds: byEmail,
        now,
      });
    }
    return { created: missing.length > 0 };
  });
}

async function userIds(tx: DbOrTx): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, demoAccounts.map((a) => a.email)));
  return new Map(rows.map((r) => [r.email, r.id]));
}
