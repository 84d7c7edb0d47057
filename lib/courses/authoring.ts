import { and, asc, eq, exists, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { assignments, cohorts, courses, lessons, memberships } from "@/db/schema";
import { ActionError, isUniqueViolation } from "@/lib/actions-core";
import type { Actor } from "@/lib/cohorts/membership";
import {
  courseCreateSchema,
  courseUpdateSchema,
  lessonCreateSchema,
  lessonUpdateSchema,
  type CourseCreateInput,
  type CourseUpdateInput,
  type LessonCreateInput,
  type LessonUpdateInput,
} from "@/lib/validation/course";

// Course authoring: admins, the course's creator and the instructors of any cohort running it.
// Everyone else is told the course does not exist. Write functions take the caller's transaction.

const notFound = () => new ActionError("not_found", "notFound");

/** Parses again in the data layer (callers other than the form exist); every field's first problem is reported. */
function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[String(issue.path[0] ?? "_form")] ??= issue.message;
  throw new ActionError("invalid", "checkFields", fields);
}

function instructsCourse(actorId: string): SQL {
  return exists(
    sql`(select 1 from ${cohorts} join ${memberships} on ${memberships.cohortId} = ${cohorts.id}
         where ${cohorts.courseId} = ${courses.id} and ${memberships.userId} = ${actorId} and ${memberships.role} = 'instructor')`,
  );
}

/** The condition on `courses` under which the actor may edit the row. */
function editableBy(actor: Actor): SQL {
  return actor.isAdmin ? sql`true` : or(eq(courses.createdBy, actor.id), instructsCourse(actor.id))!;
}

/** Compared at millisecond precision: what a Date sent to the browser and back can hold. */
const stamp = (column: typeof courses.updatedAt | typeof lessons.updatedAt) => sql`date_trunc('milliseconds', ${column})`;
/** The next updatedAt: now, and always later than the previous one, so an old stamp never matches again. */
const nextStamp = (column: typeof courses.updatedAt | typeof lessons.updatedAt) =>
  sql`greatest(date_trunc('milliseconds', clock_timestamp()), date_trunc('milliseconds', ${column}) + interval '1 millisecond')`;

/** Admins and instructors of some cohort author new courses. */
export async function canCreateCourse(db: DbOrTx, actor: Actor): Promise<boolean> {
  if (actor.isAdmin) return true;
  const [row] = await db
    .select({ one: sql`1` })
    .from(memberships)
    .where(and(eq(memberships.userId, actor.id), eq(memberships.role, "instructor")))
    .limit(1);
  return Boolean(row);
}

export async function canEditCourse(db: DbOrTx, actor: Actor, courseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.id, courseId), editableBy(actor)))
    .limit(1);
  return Boolean(row);
}

/**
 * Authorises on the course row and locks it: lesson writes of one course (positions, slugs)
 * run one after another.
 */
async function lockEditable(tx: DbOrTx, actor: Actor, courseId: string) {
  const [row] = await tx
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.id, courseId), editableBy(actor)))
    .for("update")
    .limit(1);
  if (!row) throw notFound();
  return row;
}

export type EditableCourse = { id: string; title: string; locale: string; lessonCount: number };

/** The courses the actor may edit, by title. */
export async function editableCourses(db: DbOrTx, actor: Actor): Promise<EditableCourse[]> {
  return db
    .select({
      id: courses.id,
      title: courses.title,
      locale: courses.locale,
      lessonCount: sql<number>`(select count(*) from lessons l where l.course_id = courses.id)`.mapWith(Number),
    })
    .from(courses)
    .where(editableBy(actor))
    .orderBy(asc(courses.title), asc(courses.id));
}

export async function createCourse(tx: DbOrTx, actor: Actor, input: CourseCreateInput) {
  const values = parse(courseCreateSchema, input);
  if (!(await canCreateCourse(tx, actor))) throw notFound();
  const taken = await tx.select({ id: courses.id }).from(courses).where(eq(courses.slug, values.slug)).limit(1);
  if (taken.length > 0) throw new ActionError("invalid", "checkFields", { slug: "authoring.errors.courseSlugTaken" });
  try {
    const [row] = await tx
      .insert(courses)
      .values({ ...values, createdBy: actor.id })
      .returning();
    return row!;
  } catch (error) {
    // Someone took the slug between the check and the insert.
    if (isUniqueViolation(error, "courses_slug_unique")) {
      throw new ActionError("invalid", "checkFields", { slug: "authoring.errors.courseSlugTaken" });
    }
    throw error;
  }
}

const CONFLICT = "authoring.errors.conflict";

/** Saves title, summary and language, unless someone saved the course after `updatedAt` (a conflict). */
export async function updateCourse(tx: DbOrTx, actor: Actor, input: CourseUpdateInput) {
  const { courseId, updatedAt, ...values } = parse(courseUpdateSchema, input);
  await lockEditable(tx, actor, courseId);
  const [row] = await tx
    .update(courses)
    .set({ ...values, updatedAt: nextStamp(courses.updatedAt) })
    .where(and(eq(courses.id, courseId), sql`${stamp(courses.updatedAt)} = ${updatedAt}::timestamptz`))
    .returning();
  if (!row) throw new ActionError("conflict", CONFLICT);
  return row;
}

async function slugTaken(tx: DbOrTx, courseId: string, slug: string, exceptLessonId?: string): Promise<boolean> {
  const rows = await tx
    .select({ id: lessons.id })
    .from(lessons)
    .where(and(eq(lessons.courseId, courseId), eq(lessons.slug, slug), exceptLessonId ? ne(lessons.id, exceptLessonId) : undefined))
    .limit(1);
  return rows.length > 0;
}

const slugTakenError = () => new ActionError("invalid", "checkFields", { slug: "authoring.errors.lessonSlugTaken" });

/** A new lesson at the end of the course, with an empty body. */
export async function createLesson(tx: DbOrTx, actor: Actor, input: LessonCreateInput) {
  const { courseId, title, slug } = parse(lessonCreateSchema, input);
  await lockEditable(tx, actor, courseId);
  if (await slugTaken(tx, courseId, slug)) throw slugTakenError();
  const [row] = await tx
    .insert(lessons)
    .values({
      courseId,
      title,
      slug,
      position: sql`(select coalesce(max(${lessons.position}) + 1, 0) from ${lessons} where ${lessons.courseId} = ${courseId})`,
    })
    .returning();
  return row!;
}

/** Saves title, slug and body, unless someone saved the lesson after `updatedAt` (a conflict). */
export async function updateLesson(tx: DbOrTx, actor: Actor, input: LessonUpdateInput) {
  const { courseId, lessonId, updatedAt, ...values } = parse(lessonUpdateSchema, input);
  await lockEditable(tx, actor, courseId);
  const [current] = await tx
    .select({ id: lessons.id })
    .from(lessons)
    .where(and(eq(lessons.id, lessonId), eq(lessons.courseId, courseId)));
  if (!current) throw notFound();
  if (await slugTaken(tx, courseId, values.slug, lessonId)) throw slugTakenError();
  const [row] = await tx
    .update(lessons)
    .set({ ...values, updatedAt: nextStamp(lessons.updatedAt) })
    .where(and(eq(lessons.id, lessonId), sql`${stamp(lessons.updatedAt)} = ${updatedAt}::timestamptz`))
    .returning();
  if (!row) throw new ActionError("conflict", CONFLICT);
  return row;
}

/**
 * Writes positions 0..n-1 in the given order. Positions are unique per course and PostgreSQL checks
 * that row by row, so every row first moves above all current positions, then to its place.
 */
async function writePositions(tx: DbOrTx, courseId: string, orderedIds: string[]): Promise<void> {
  if (orderedIds.length === 0) return;
  const index = sql.join(
    orderedIds.map((id, i) => sql`when ${id}::uuid then ${i}::int`),
    sql` `,
  );
  const inCourse = and(eq(lessons.courseId, courseId), inArray(lessons.id, orderedIds));
  await tx
    .update(lessons)
    .set({
      position: sql`(case ${lessons.id} ${index} end) + (select max(${lessons.position}) + 1 from ${lessons} where ${lessons.courseId} = ${courseId})`,
    })
    .where(inCourse);
  await tx
    .update(lessons)
    .set({ position: sql`case ${lessons.id} ${index} end` })
    .where(inCourse);
}

/** Puts the course's lessons in the given order; the list must name each of its lessons exactly once. */
export async function reorderLessons(tx: DbOrTx, actor: Actor, input: { courseId: string; lessonIds: string[] }): Promise<void> {
  await lockEditable(tx, actor, input.courseId);
  const current = await tx.select({ id: lessons.id }).from(lessons).where(eq(lessons.courseId, input.courseId));
  const requested = new Set(input.lessonIds);
  const exact =
    requested.size === input.lessonIds.length &&
    requested.size === current.length &&
    current.every((l) => requested.has(l.id));
  if (!exact) throw new ActionError("conflict", "authoring.errors.lessonsChanged");
  await writePositions(tx, input.courseId, input.lessonIds);
}

export type LessonUsage = { assignments: number; threads: number; progress: number };

// Spelled out: drizzle leaves columns of a one-table select unqualified, which a subquery would rebind.
const usageColumns = {
  assignments: sql<number>`(select count(*) from assignments u where u.lesson_id = lessons.id)`.mapWith(Number),
  threads: sql<number>`(select count(*) from forum_threads u where u.lesson_id = lessons.id)`.mapWith(Number),
  progress: sql<number>`(select count(*) from lesson_progress u where u.lesson_id = lessons.id)`.mapWith(Number),
};

/** Why a lesson cannot be deleted (a catalog key), or null when nothing in any cohort depends on it. */
export function deleteRefusal(usage: LessonUsage): string | null {
  if (usage.assignments > 0) return "authoring.errors.lessonHasAssignment";
  if (usage.threads > 0) return "authoring.errors.lessonHasThreads";
  if (usage.progress > 0) return "authoring.errors.lessonHasProgress";
  return null;
}

/** Deletes a lesson no cohort uses (no assignment, forum thread or progress), and closes the gap. */
export async function deleteLesson(tx: DbOrTx, actor: Actor, input: { courseId: string; lessonId: string }): Promise<void> {
  await lockEditable(tx, actor, input.courseId);
  const [lesson] = await tx
    .select({ id: lessons.id, ...usageColumns })
    .from(lessons)
    .where(and(eq(lessons.id, input.lessonId), eq(lessons.courseId, input.courseId)));
  if (!lesson) throw notFound();
  const refusal = deleteRefusal(lesson);
  if (refusal) throw new ActionError("conflict", refusal);
  await tx.delete(lessons).where(eq(lessons.id, lesson.id));
  const rest = await tx.select({ id: lessons.id }).from(lessons).where(eq(lessons.courseId, input.courseId)).orderBy(asc(lessons.position));
  await writePositions(
    tx,
    input.courseId,
    rest.map((l) => l.id),
  );
}

/** The course's cohorts, marking those whose assignments the actor edits (all of them for an admin). */
async function courseCohorts(db: DbOrTx, actor: Actor, courseId: string) {
  const rows = await db
    .select({ id: cohorts.id, name: cohorts.name, startsOn: cohorts.startsOn, role: memberships.role })
    .from(cohorts)
    .leftJoin(memberships, and(eq(memberships.cohortId, cohorts.id), eq(memberships.userId, actor.id)))
    .where(eq(cohorts.courseId, courseId))
    .orderBy(sql`${cohorts.startsOn} desc`, asc(cohorts.name));
  return rows.map(({ role, ...c }) => ({ ...c, member: role !== null || actor.isAdmin, instructs: role === "instructor" || actor.isAdmin }));
}

/**
 * Everything the course editor shows, or null when the actor may not edit the course: the course,
 * its lessons with what depends on them, its cohorts, and which of the actor's cohorts have an
 * assignment for which lesson. Four queries, whatever the number of lessons.
 */
export async function courseForEditing(db: DbOrTx, actor: Actor, courseId: string) {
  const [course] = await db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      summary: courses.summary,
      locale: courses.locale,
      updatedAt: courses.updatedAt,
    })
    .from(courses)
    .where(and(eq(courses.id, courseId), editableBy(actor)));
  if (!course) return null;
  const [lessonRows, cohortRows] = await Promise.all([
    db
      .select({ id: lessons.id, slug: lessons.slug, title: lessons.title, position: lessons.position, ...usageColumns })
      .from(lessons)
      .where(eq(lessons.courseId, courseId))
      .orderBy(asc(lessons.position)),
    courseCohorts(db, actor, courseId),
  ]);
  const instructed = cohortRows.filter((c) => c.instructs).map((c) => c.id);
  const withAssignment =
    instructed.length > 0 && lessonRows.length > 0
      ? await db
          .select({ cohortId: assignments.cohortId, lessonId: assignments.lessonId })
          .from(assignments)
          .where(and(inArray(assignments.cohortId, instructed), inArray(assignments.lessonId, lessonRows.map((l) => l.id))))
      : [];
  const has = new Set(withAssignment.map((a) => `${a.cohortId}:${a.lessonId}`));
  return {
    course,
    cohorts: cohortRows,
    lessons: lessonRows.map(({ assignments: a, threads, progress, ...lesson }) => ({
      ...lesson,
      deleteRefusal: deleteRefusal({ assignments: a, threads, progress }),
      assignmentIn: instructed.filter((cohortId) => has.has(`${cohortId}:${lesson.id}`)),
    })),
  };
}

/** One lesson with its body for the lesson editor, or null when the actor may not edit its course. */
export async function lessonForEditing(db: DbOrTx, actor: Actor, courseId: string, lessonId: string) {
  const [row] = await db
    .select({
      course: { id: courses.id, title: courses.title, locale: courses.locale },
      lesson: {
        id: lessons.id,
        slug: lessons.slug,
        title: lessons.title,
        bodyMd: lessons.bodyMd,
        position: lessons.position,
        updatedAt: lessons.updatedAt,
      },
    })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(and(eq(lessons.id, lessonId), eq(courses.id, courseId), editableBy(actor)));
  if (!row) return null;
  const cohortRows = await courseCohorts(db, actor, courseId);
  return { ...row, cohorts: cohortRows.filter((c) => c.member) };
}
