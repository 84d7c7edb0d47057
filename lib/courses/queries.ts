import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { cache } from "react";
import { rowsOf, type DbOrTx } from "@/db";
import { pageDb } from "@/db/replica";
import { cohorts, courses, lessonProgress, lessons } from "@/db/schema";
import type { CohortRole, SessionUser } from "@/lib/auth/session";

export type CohortCard = {
  cohortId: string;
  cohortName: string;
  startsOn: Date;
  endsOn: Date;
  courseTitle: string;
  courseSummary: string;
  role: CohortRole;
  lessonsTotal: number;
  lessonsDone: number;
  studentCount: number;
  nextLessonSlug: string | null;
  nextLessonTitle: string | null;
};

/** "My courses": the actor's cohorts (every cohort for an admin) with progress, in one query. For pages. */
export async function listMyCohorts(user: SessionUser): Promise<CohortCard[]> {
  const result = await (await pageDb()).execute(sql`
    select c.id as "cohortId", c.name as "cohortName", c.starts_on as "startsOn", c.ends_on as "endsOn",
           co.title as "courseTitle", co.summary as "courseSummary",
           coalesce(m.role::text, 'instructor') as "role",
           (select count(*)::int from lessons l where l.course_id = co.id) as "lessonsTotal",
           (select count(*)::int from lesson_progress p where p.cohort_id = c.id and p.user_id = ${user.id}) as "lessonsDone",
           (select count(*)::int from memberships s where s.cohort_id = c.id and s.role = 'student') as "studentCount",
           nl.slug as "nextLessonSlug", nl.title as "nextLessonTitle"
    from cohorts c
    join courses co on co.id = c.course_id
    left join memberships m on m.cohort_id = c.id and m.user_id = ${user.id}
    left join lateral (
      select l.slug, l.title from lessons l
      where l.course_id = co.id
        and not exists (select 1 from lesson_progress p
                        where p.cohort_id = c.id and p.user_id = ${user.id} and p.lesson_id = l.id)
      order by l.position limit 1
    ) nl on true
    where m.user_id is not null or ${user.isAdmin}
    order by c.starts_on desc, c.name`);
  return rowsOf<CohortCard>(result).map((row) => ({
    ...row,
    startsOn: new Date(row.startsOn),
    endsOn: new Date(row.endsOn),
  }));
}

export type LessonListItem = { id: string; slug: string; title: string; position: number; done: boolean };

/**
 * The cohort, its course and the lessons with the actor's progress in one statement; with `bodySlug`
 * the same statement also carries that lesson's body (the other lessons' bodies are never read).
 */
async function loadCourse(cohortId: string, userId: string, bodySlug: string | null) {
  const rows = await (await pageDb())
    .select({
      cohortId: cohorts.id,
      cohortName: cohorts.name,
      startsOn: cohorts.startsOn,
      endsOn: cohorts.endsOn,
      inviteCode: cohorts.inviteCode,
      timeZone: cohorts.timeZone,
      courseId: courses.id,
      courseTitle: courses.title,
      courseSummary: courses.summary,
      lessonId: lessons.id,
      slug: lessons.slug,
      title: lessons.title,
      position: lessons.position,
      done: sql<boolean>`${lessonProgress.lessonId} is not null`,
      bodyMd: bodySlug === null ? sql<string | null>`null` : sql<string | null>`case when ${lessons.slug} = ${bodySlug} then ${lessons.bodyMd} end`,
    })
    .from(cohorts)
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .leftJoin(lessons, eq(lessons.courseId, courses.id))
    .leftJoin(
      lessonProgress,
      and(eq(lessonProgress.lessonId, lessons.id), eq(lessonProgress.cohortId, cohortId), eq(lessonProgress.userId, userId)),
    )
    .where(eq(cohorts.id, cohortId))
    .orderBy(asc(lessons.position));
  const head = rows[0];
  if (!head) return null;
  const { cohortName, startsOn, endsOn, inviteCode, timeZone, courseId, courseTitle, courseSummary } = head;
  const list: LessonListItem[] = rows
    .filter((r) => r.lessonId !== null)
    .map((r) => ({ id: r.lessonId!, slug: r.slug!, title: r.title!, position: r.position!, done: Boolean(r.done) }));
  const body = rows.find((r) => r.bodyMd !== null)?.bodyMd ?? null;
  return { course: { cohortId, cohortName, startsOn, endsOn, inviteCode, timeZone, courseId, courseTitle, courseSummary, lessons: list }, body };
}

/**
 * A cohort's course and its lessons with the actor's progress, for pages. Call after requireCohortRole.
 * Cached per request: generateMetadata and the page share one read.
 */
export const getCohortCourse = cache(async function getCohortCourse(cohortId: string, userId: string) {
  return (await loadCourse(cohortId, userId, null))?.course ?? null;
});

/** One lesson of the cohort's course, its body, and its neighbours, in one statement, for pages. Call after requireCohortRole. */
export const getLesson = cache(async function getLesson(cohortId: string, slug: string, userId: string) {
  const loaded = await loadCourse(cohortId, userId, slug);
  if (!loaded) return null;
  const { course } = loaded;
  const index = course.lessons.findIndex((l) => l.slug === slug);
  const current = course.lessons[index];
  if (!current) return null;
  return {
    course,
    lesson: { ...current, bodyMd: loaded.body ?? "", number: index + 1 },
    previous: course.lessons[index - 1] ?? null,
    next: course.lessons[index + 1] ?? null,
  };
});

/** Whether a lesson belongs to the course the cohort runs. */
export async function lessonInCohort(tx: DbOrTx, cohortId: string, lessonId: string) {
  const [row] = await tx
    .select({ id: lessons.id })
    .from(lessons)
    .innerJoin(cohorts, eq(cohorts.courseId, lessons.courseId))
    .where(and(eq(cohorts.id, cohortId), eq(lessons.id, lessonId)))
    .limit(1);
  return Boolean(row);
}

