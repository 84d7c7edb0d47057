import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { assignments, courses, forumThreads, lessonProgress, lessons } from "@/db/schema";
import type { Actor } from "@/lib/cohorts/membership";
import de from "@/lib/i18n/messages/de.json";
import en from "@/lib/i18n/messages/en.json";
import { addMember, createCohort, createCourse, createUser } from "@/lib/test/factories";
import { refusal, refusalOf } from "@/lib/test/refusal";
import { LESSON_BODY_MAX, slugify } from "@/lib/validation/course";
import {
  canCreateCourse,
  canEditCourse,
  courseForEditing,
  createCourse as authorCourse,
  createLesson,
  deleteLesson,
  editableCourses,
  lessonForEditing,
  reorderLessons,
  updateCourse,
  updateLesson,
} from "./authoring";

const DAY = 86_400_000;
type Who = "admin" | "creator" | "instructor" | "otherInstructor" | "student" | "outsider";
const EDITORS: Who[] = ["admin", "creator", "instructor"];
const OTHERS: Who[] = ["otherInstructor", "student", "outsider"];

/**
 * A course with three lessons run by one cohort; its creator is nobody's instructor. Another course
 * is run by another cohort with an instructor of its own.
 */
async function world() {
  const db = getDb();
  const { course, lessons: list } = await createCourse(3);
  const cohort = await createCohort(course.id, { name: "Herbst" });
  const other = await createCourse(1);
  const otherCohort = await createCohort(other.course.id, { name: "Anderswo" });
  const people = {
    admin: await createUser({ isAdmin: true }),
    creator: await createUser(),
    instructor: await createUser(),
    otherInstructor: await createUser(),
    student: await createUser(),
    outsider: await createUser(),
  };
  await db.update(courses).set({ createdBy: people.creator.id }).where(eq(courses.id, course.id));
  await addMember(cohort.id, people.instructor.id, "instructor");
  await addMember(cohort.id, people.student.id, "student");
  await addMember(otherCohort.id, people.otherInstructor.id, "instructor");
  const actors = Object.fromEntries(Object.entries(people).map(([k, u]) => [k, { id: u.id, isAdmin: u.isAdmin }])) as Record<Who, Actor>;
  return { course, lessons: list, cohort, other, otherCohort, actors };
}

const stampOf = (d: Date) => d.toISOString();

async function courseRow(id: string) {
  const [row] = await getDb().select().from(courses).where(eq(courses.id, id));
  return row!;
}

async function lessonRow(id: string) {
  const [row] = await getDb().select().from(lessons).where(eq(lessons.id, id));
  return row!;
}

async function order(courseId: string) {
  return getDb()
    .select({ id: lessons.id, position: lessons.position })
    .from(lessons)
    .where(eq(lessons.courseId, courseId))
    .orderBy(asc(lessons.position));
}

function message(catalog: unknown, key: string): string {
  return key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], catalog) as string;
}

/** The key names a German and an English message, and they differ (both catalogs really have it). */
function expectLocalised(key: string | undefined) {
  expect(key).toMatch(/^authoring\.errors\./);
  const [g, e] = [message(de, key!), message(en, key!)];
  expect(typeof g === "string" && g.length > 0, `de ${key}`).toBe(true);
  expect(typeof e === "string" && e.length > 0, `en ${key}`).toBe(true);
  expect(g).not.toBe(e);
}

describe("who may author", () => {
  it("edits: admins, the creator and the course's instructors; not another course's instructor, a student or an outsider", async () => {
    const { course, lessons: list, actors } = await world();
    const db = getDb();
    for (const who of EDITORS) {
      expect(await canEditCourse(db, actors[who], course.id), who).toBe(true);
      expect(await courseForEditing(db, actors[who], course.id), who).not.toBeNull();
      expect(await lessonForEditing(db, actors[who], course.id, list[0]!.id), who).not.toBeNull();
      expect((await editableCourses(db, actors[who])).map((c) => c.id), who).toContain(course.id);
    }
    for (const who of OTHERS) {
      expect(await canEditCourse(db, actors[who], course.id), who).toBe(false);
      expect(await courseForEditing(db, actors[who], course.id), who).toBeNull();
      expect(await lessonForEditing(db, actors[who], course.id, list[0]!.id), who).toBeNull();
      expect((await editableCourses(db, actors[who])).map((c) => c.id), who).not.toContain(course.id);
    }
  });

  it("lists for an instructor the courses their cohorts run, for an admin every course", async () => {
    const { course, other, actors } = await world();
    const db = getDb();
    expect((await editableCourses(db, actors.otherInstructor)).map((c) => c.id)).toEqual([other.course.id]);
    expect((await editableCourses(db, actors.instructor)).map((c) => c.id)).toEqual([course.id]);
    expect(await editableCourses(db, actors.student)).toEqual([]);
    expect((await editableCourses(db, actors.admin)).map((c) => c.id)).toEqual(expect.arrayContaining([course.id, other.course.id]));
    const [listed] = await editableCourses(db, actors.creator);
    expect(listed).toMatchObject({ id: course.id, lessonCount: 3 });
  });

  it("creates courses: admins and instructors of any cohort; the new course is the actor's", async () => {
    const { actors } = await world();
    const db = getDb();
    const allowed: Who[] = ["admin", "instructor", "otherInstructor"];
    for (const who of allowed) {
      expect(await canCreateCourse(db, actors[who]), who).toBe(true);
      const row = await authorCourse(db, actors[who], { title: `Kurs ${who}`, slug: slugify(`kurs ${who} ${Date.now()}`), summary: "", locale: "en" });
      expect(row.createdBy).toBe(actors[who].id);
      expect(await canEditCourse(db, actors[who], row.id)).toBe(true);
    }
    // Having created a course once is not a licence: only an instructor role or admin is.
    for (const who of ["creator", "student", "outsider"] as Who[]) {
      expect(await canCreateCourse(db, actors[who]), who).toBe(false);
      const slug = `verboten-${who.toLowerCase()}`;
      expect(await refusal(authorCourse(db, actors[who], { title: "Nein", slug, summary: "", locale: "de" })), who).toBe("notFound");
      expect(await db.select().from(courses).where(eq(courses.slug, slug))).toEqual([]);
    }
  });

  it("updates the course: editors in turn; others are refused and change nothing", async () => {
    const { course, actors } = await world();
    const db = getDb();
    for (const who of OTHERS) {
      const before = await courseRow(course.id);
      const input = { courseId: course.id, title: "Übernommen", summary: "", locale: "en" as const, updatedAt: stampOf(before.updatedAt) };
      expect(await refusal(updateCourse(db, actors[who], input)), who).toBe("notFound");
      expect(await courseRow(course.id)).toEqual(before);
    }
    for (const who of EDITORS) {
      const before = await courseRow(course.id);
      const row = await updateCourse(db, actors[who], {
        courseId: course.id,
        title: `Titel von ${who}`,
        summary: "Kurz",
        locale: "en",
        updatedAt: stampOf(before.updatedAt),
      });
      expect(row).toMatchObject({ title: `Titel von ${who}`, summary: "Kurz", locale: "en" });
      expect(row.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    }
  });

  it("creates, edits, reorders and deletes lessons: editors only", async () => {
    const { course, lessons: list, actors } = await world();
    const db = getDb();
    for (const who of OTHERS) {
      const a = actors[who];
      const first = await lessonRow(list[0]!.id);
      const before = await order(course.id);
      expect(await refusal(createLesson(db, a, { courseId: course.id, title: "Neu", slug: `neu-${who.toLowerCase()}` })), who).toBe("notFound");
      expect(
        await refusal(
          updateLesson(db, a, { courseId: course.id, lessonId: first.id, title: "X", slug: first.slug, bodyMd: "x", updatedAt: stampOf(first.updatedAt) }),
        ),
        who,
      ).toBe("notFound");
      expect(await refusal(reorderLessons(db, a, { courseId: course.id, lessonIds: before.map((l) => l.id).reverse() })), who).toBe("notFound");
      expect(await refusal(deleteLesson(db, a, { courseId: course.id, lessonId: first.id })), who).toBe("notFound");
      expect(await order(course.id)).toEqual(before);
      expect(await lessonRow(first.id)).toEqual(first);
    }
    for (const who of EDITORS) {
      const a = actors[who];
      const created = await createLesson(db, a, { courseId: course.id, title: `Von ${who}`, slug: `von-${who}` });
      const positions = (await order(course.id)).map((l) => l.position);
      expect(created.position).toBe(Math.max(...positions));
      const edited = await updateLesson(db, a, {
        courseId: course.id,
        lessonId: created.id,
        title: `Von ${who}, überarbeitet`,
        slug: `von-${who}-neu`,
        bodyMd: "## Überschrift\n\nText.",
        updatedAt: stampOf(created.updatedAt),
      });
      expect(edited).toMatchObject({ title: `Von ${who}, überarbeitet`, slug: `von-${who}-neu`, bodyMd: "## Überschrift\n\nText." });
      const ids = (await order(course.id)).map((l) => l.id);
      await reorderLessons(db, a, { courseId: course.id, lessonIds: [created.id, ...ids.filter((id) => id !== created.id)] });
      expect((await order(course.id))[0]!.id).toBe(created.id);
      await deleteLesson(db, a, { courseId: course.id, lessonId: created.id });
      expect((await order(course.id)).map((l) => l.id)).not.toContain(created.id);
    }
  });

  it("treats a lesson of another course as not found, even for an editor of this one", async () => {
    const { course, other, actors } = await world();
    const foreign = await lessonRow(other.lessons[0]!.id);
    const db = getDb();
    expect(
      await refusal(
        updateLesson(db, actors.instructor, { courseId: course.id, lessonId: foreign.id, title: "X", slug: "x", bodyMd: "", updatedAt: stampOf(foreign.updatedAt) }),
      ),
    ).toBe("notFound");
    expect(await refusal(deleteLesson(db, actors.instructor, { courseId: course.id, lessonId: foreign.id }))).toBe("notFound");
    expect(await lessonForEditing(db, actors.instructor, course.id, foreign.id)).toBeNull();
    expect(await lessonRow(foreign.id)).toEqual(foreign);
  });
});

describe("stale saves", () => {
  it("refuses a course save based on an older version and writes nothing", async () => {
    const { course, actors } = await world();
    const db = getDb();
    const loaded = stampOf((await courseRow(course.id)).updatedAt);
    await updateCourse(db, actors.instructor, { courseId: course.id, title: "Erste Fassung", summary: "", locale: "de", updatedAt: loaded });
    const after = await courseRow(course.id);
    const error = await refusalOf(updateCourse(db, actors.creator, { courseId: course.id, title: "Zweite Fassung", summary: "weg", locale: "en", updatedAt: loaded }));
    expect(error.code).toBe("conflict");
    expectLocalised(error.messageKey);
    expect(await courseRow(course.id)).toEqual(after);
  });

  it("refuses a lesson save based on an older version, also twice within a millisecond", async () => {
    const { course, lessons: list, actors } = await world();
    const db = getDb();
    const lesson = await lessonRow(list[1]!.id);
    const base = { courseId: course.id, lessonId: lesson.id, title: lesson.title, slug: lesson.slug, updatedAt: stampOf(lesson.updatedAt) };
    const saved = await updateLesson(db, actors.instructor, { ...base, bodyMd: "Meins" });
    const error = await refusalOf(updateLesson(db, actors.admin, { ...base, bodyMd: "Deins" }));
    expect(error.code).toBe("conflict");
    expect((await lessonRow(lesson.id)).bodyMd).toBe("Meins");
    // With the stamp the first save returned, the next save goes through.
    const again = await updateLesson(db, actors.admin, { ...base, bodyMd: "Deins", updatedAt: stampOf(saved.updatedAt) });
    expect(again.bodyMd).toBe("Deins");
  });
});

describe("reordering", () => {
  it("writes positions 0..n-1 in the requested order", async () => {
    const { course, actors } = await world();
    const db = getDb();
    await createLesson(db, actors.instructor, { courseId: course.id, title: "Vier", slug: "vier" });
    const ids = (await order(course.id)).map((l) => l.id);
    const wanted = [ids[3]!, ids[1]!, ids[0]!, ids[2]!];
    await reorderLessons(db, actors.instructor, { courseId: course.id, lessonIds: wanted });
    expect(await order(course.id)).toEqual(wanted.map((id, position) => ({ id, position })));
  });

  it("refuses a list that is not exactly the course's lessons, and keeps the order", async () => {
    const { course, other, actors } = await world();
    const db = getDb();
    const before = await order(course.id);
    const ids = before.map((l) => l.id);
    const wrong = [
      ids.slice(0, 2), // one missing
      [...ids, other.lessons[0]!.id], // one of another course
      [ids[0]!, ids[0]!, ids[1]!, ids[2]!], // one twice
      [ids[0]!, ids[1]!, other.lessons[0]!.id], // one swapped for a foreign one
    ];
    for (const lessonIds of wrong) {
      const error = await refusalOf(reorderLessons(db, actors.instructor, { courseId: course.id, lessonIds }));
      expect(error.code).toBe("conflict");
      expectLocalised(error.messageKey);
      expect(await order(course.id)).toEqual(before);
    }
  });
});

describe("deleting a lesson", () => {
  it("is refused while a cohort has an assignment, a forum thread or progress on it, saying which", async () => {
    const { course, lessons: list, cohort, actors } = await world();
    const db = getDb();
    const [withAssignment, withThread, withProgress] = list.map((l) => l.id) as [string, string, string];
    await db.insert(assignments).values({
      cohortId: cohort.id,
      lessonId: withAssignment,
      requirements: [{ template: "empathy-map", count: 1, distinctSegments: false }],
      rubric: [{ id: "fit", title: "Fit", prompt: "", scale: 4 }],
      submissionDue: new Date(Date.now() + 7 * DAY),
      reviewDue: new Date(Date.now() + 14 * DAY),
    });
    await db.insert(forumThreads).values({ cohortId: cohort.id, lessonId: withThread, authorId: actors.student.id, title: "Frage" });
    await db.insert(lessonProgress).values({ cohortId: cohort.id, userId: actors.student.id, lessonId: withProgress });
    const expected = {
      [withAssignment]: "authoring.errors.lessonHasAssignment",
      [withThread]: "authoring.errors.lessonHasThreads",
      [withProgress]: "authoring.errors.lessonHasProgress",
    };
    for (const [lessonId, key] of Object.entries(expected)) {
      const error = await refusalOf(deleteLesson(db, actors.instructor, { courseId: course.id, lessonId }));
      expect(error.code).toBe("conflict");
      expect(error.messageKey).toBe(key);
      expectLocalised(error.messageKey);
    }
    expect(await order(course.id)).toHaveLength(3);

    // The editor knows beforehand, and shows the instructor's cohort's assignment.
    const editing = await courseForEditing(db, actors.instructor, course.id);
    expect(editing!.lessons.map((l) => l.deleteRefusal)).toEqual(Object.values(expected));
    expect(editing!.lessons.map((l) => l.assignmentIn)).toEqual([[cohort.id], [], []]);
    expect(editing!.cohorts).toEqual([expect.objectContaining({ id: cohort.id, instructs: true })]);
  });

  it("deletes an unused lesson and closes the gap in the positions", async () => {
    const { course, lessons: list, actors } = await world();
    const db = getDb();
    await deleteLesson(db, actors.creator, { courseId: course.id, lessonId: list[1]!.id });
    expect(await order(course.id)).toEqual([
      { id: list[0]!.id, position: 0 },
      { id: list[2]!.id, position: 1 },
    ]);
  });
});

describe("slugs and limits", () => {
  it("reports a slug another lesson of the course has as a field error; other courses do not count", async () => {
    const { course, other, lessons: list, actors } = await world();
    const db = getDb();
    const taken = await refusalOf(createLesson(db, actors.instructor, { courseId: course.id, title: "Doppelt", slug: list[0]!.slug }));
    expect(taken.code).toBe("invalid");
    expect(taken.fieldErrorKeys).toEqual({ slug: "authoring.errors.lessonSlugTaken" });
    expectLocalised(taken.fieldErrorKeys?.slug);

    const second = await lessonRow(list[1]!.id);
    const renamed = await refusalOf(
      updateLesson(db, actors.instructor, {
        courseId: course.id,
        lessonId: second.id,
        title: second.title,
        slug: list[0]!.slug,
        bodyMd: "geändert",
        updatedAt: stampOf(second.updatedAt),
      }),
    );
    expect(renamed.fieldErrorKeys).toEqual({ slug: "authoring.errors.lessonSlugTaken" });
    expect(await lessonRow(second.id)).toEqual(second);

    // Keeping its own slug is no collision; another course's slug is free to use.
    await updateLesson(db, actors.instructor, { courseId: course.id, lessonId: second.id, title: "T", slug: second.slug, bodyMd: "", updatedAt: stampOf(second.updatedAt) });
    await createLesson(db, actors.admin, { courseId: other.course.id, title: "Auch hier", slug: second.slug });

    const courseTaken = await refusalOf(authorCourse(db, actors.admin, { title: "Gleich", slug: course.slug, summary: "", locale: "de" }));
    expect(courseTaken.fieldErrorKeys).toEqual({ slug: "authoring.errors.courseSlugTaken" });
    expectLocalised(courseTaken.fieldErrorKeys?.slug);
  });

  it("reports titles, slugs and bodies beyond the limits as localised field errors and writes nothing", async () => {
    const { course, lessons: list, actors } = await world();
    const db = getDb();
    const lesson = await lessonRow(list[0]!.id);
    const base = { courseId: course.id, lessonId: lesson.id, title: lesson.title, slug: lesson.slug, bodyMd: "", updatedAt: stampOf(lesson.updatedAt) };
    const cases = [
      [{ title: "x".repeat(201) }, "title", "authoring.errors.titleTooLong"],
      [{ title: "   " }, "title", "authoring.errors.titleRequired"],
      [{ bodyMd: "x".repeat(LESSON_BODY_MAX + 1) }, "bodyMd", "authoring.errors.bodyTooLong"],
      [{ slug: "Große Idee" }, "slug", "authoring.errors.slugFormat"],
      [{ slug: "a".repeat(81) }, "slug", "authoring.errors.slugTooLong"],
    ] as const;
    for (const [patch, field, key] of cases) {
      const error = await refusalOf(updateLesson(db, actors.instructor, { ...base, ...patch }));
      expect(error.code).toBe("invalid");
      expect(error.fieldErrorKeys?.[field]).toBe(key);
      expectLocalised(key);
    }
    expect(await lessonRow(lesson.id)).toEqual(lesson);
    // Exactly at the limit is fine.
    const full = await updateLesson(db, actors.instructor, { ...base, bodyMd: "x".repeat(LESSON_BODY_MAX) });
    expect(full.bodyMd).toHaveLength(LESSON_BODY_MAX);

    const courseError = await refusalOf(
      updateCourse(db, actors.instructor, {
        courseId: course.id,
        title: "t".repeat(201),
        summary: "s".repeat(2001),
        locale: "de",
        updatedAt: stampOf((await courseRow(course.id)).updatedAt),
      }),
    );
    expect(courseError.fieldErrorKeys).toEqual({ title: "authoring.errors.titleTooLong", summary: "authoring.errors.summaryTooLong" });
    expectLocalised("authoring.errors.summaryTooLong");
  });
});

describe("slugify", () => {
  it("suggests readable slugs from German and English titles", () => {
    expect(slugify("Kanäle und Kundenbeziehungen")).toBe("kanaele-und-kundenbeziehungen");
    expect(slugify("  Größe & Maß: Café-Crème!  ")).toBe("groesse-mass-cafe-creme");
    expect(slugify("Step 2 — Value Proposition")).toBe("step-2-value-proposition");
    expect(slugify("!!!")).toBe("");
    const long = slugify("wort ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
