import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { lessonProgress } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { addMember, createCohort, createCourse, createUser } from "@/lib/test/factories";
import { getCohortCourse, getLesson, listMyCohorts } from "./queries";

const actor = (u: { id: string; email: string; name: string; isAdmin: boolean }): SessionUser => ({ ...u, locale: "de" });

async function setup() {
  const { course, lessons } = await createCourse(3);
  const cohort = await createCohort(course.id, { name: "Jetzt" });
  const other = await createCohort(course.id, { name: "Andere" });
  const student = await createUser();
  const classmate = await createUser();
  const teacher = await createUser();
  await addMember(cohort.id, student.id);
  await addMember(cohort.id, classmate.id);
  await addMember(cohort.id, teacher.id, "instructor");
  return { course, lessons, cohort, other, student, classmate, teacher };
}

describe("listMyCohorts", () => {
  it("shows a student their own cohorts with their own progress and the next lesson", async () => {
    const { lessons, cohort, student, classmate } = await setup();
    await getDb().insert(lessonProgress).values({ cohortId: cohort.id, userId: student.id, lessonId: lessons[0]!.id });
    await getDb().insert(lessonProgress).values([1, 2].map((i) => ({ cohortId: cohort.id, userId: classmate.id, lessonId: lessons[i]!.id })));

    const [card, ...rest] = await listMyCohorts(actor(student));
    expect(rest).toHaveLength(0);
    expect(card).toMatchObject({
      cohortName: "Jetzt",
      role: "student",
      lessonsTotal: 3,
      lessonsDone: 1,
      studentCount: 2,
      nextLessonSlug: "lesson-2",
    });
  });

  it("shows an instructor the cohorts they teach and an admin every cohort", async () => {
    const { teacher, cohort, other } = await setup();
    const admin = await createUser({ isAdmin: true });
    expect((await listMyCohorts(actor(teacher))).map((c) => [c.cohortName, c.role])).toEqual([["Jetzt", "instructor"]]);
    const adminSees = (await listMyCohorts(actor(admin))).map((c) => c.cohortId);
    expect(adminSees).toEqual(expect.arrayContaining([cohort.id, other.id]));
  });

  it("is empty for a user without cohorts", async () => {
    expect(await listMyCohorts(actor(await createUser()))).toEqual([]);
  });
});

describe("lessons of a cohort", () => {
  it("lists the lessons in order with the actor's done markers, and finds neighbours", async () => {
    const { lessons, cohort, student } = await setup();
    await getDb().insert(lessonProgress).values({ cohortId: cohort.id, userId: student.id, lessonId: lessons[1]!.id });
    const course = await getCohortCourse(cohort.id, student.id);
    expect(course?.lessons.map((l) => [l.slug, l.done])).toEqual([
      ["lesson-1", false],
      ["lesson-2", true],
      ["lesson-3", false],
    ]);
    const lesson = await getLesson(cohort.id, "lesson-2", student.id);
    expect(lesson).toMatchObject({
      lesson: { title: "Lektion 2", number: 2, done: true, bodyMd: expect.stringContaining("## Teil 2") },
      previous: { slug: "lesson-1" },
      next: { slug: "lesson-3" },
    });
    expect(await getLesson(cohort.id, "missing", student.id)).toBeNull();
  });
});
