import { sql } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "@/db";
import type { assignments } from "@/db/schema";
import type { CalibrationMode, GradeAggregate, GradeWeights, RubricCriterion } from "@/lib/assignments/types";
import { date, gradeCell, json, loadCells, type RawCell } from "./cells";
import { round1 } from "./compute";
import type { GradeCell, GradebookAssignment, GradebookRow, GradingSettings } from "./types";

export { assignmentCells, gradeCell } from "./cells";
export type { GradeCell, GradebookAssignment, GradebookRow, GradeState, GradingSettings } from "./types";

/**
 * The gradebook's reads: the cohort's assignments (one statement) and every student × assignment
 * with what its grade needs (one statement, whatever the cohort's size). The grades themselves are
 * computed here with computeGrade, the one definition of a grade.
 */

export const GRADEBOOK_PAGE_SIZE = 50;

/** The grading settings of an assignment row as the schema has it (the lesson page has it loaded already). */
export function gradingSettings(row: typeof assignments.$inferSelect): GradingSettings {
  return {
    id: row.id,
    cohortId: row.cohortId,
    rubric: row.rubric,
    aggregate: row.gradeAggregate,
    weights: row.gradeWeights,
    calibration: row.calibration,
    gradesReleasedAt: row.gradesReleasedAt,
  };
}

type HeadRow = {
  cohortName: string;
  courseTitle: string;
  timeZone: string;
  students: number;
  id: string | null;
  lessonTitle: string | null;
  lessonSlug: string | null;
  position: number | null;
  rubric: RubricCriterion[] | string | null;
  aggregate: GradeAggregate | null;
  weights: GradeWeights | string | null;
  calibration: CalibrationMode | null;
  submissionDue: string | Date | null;
  reviewDue: string | Date | null;
  gradesReleasedAt: string | Date | null;
};

/** Released grades on their way to a linked LMS course (lib/lti/scores.ts), per assignment. */
export type LmsSync = { sent: number; pending: number; failed: number; lastError: string | null };


/** An assignment row of the raw queries (the gradebook's head, one assignment by id) as the grade code reads it. */
function gradebookAssignment(r: Omit<HeadRow, "cohortName" | "courseTitle" | "timeZone" | "students">): GradebookAssignment {
  return {
    id: r.id!,
    lessonTitle: r.lessonTitle!,
    lessonSlug: r.lessonSlug!,
    position: Number(r.position),
    rubric: json(r.rubric) ?? [],
    aggregate: r.aggregate!,
    weights: json(r.weights)!,
    calibration: r.calibration!,
    submissionDue: date(r.submissionDue)!,
    reviewDue: date(r.reviewDue)!,
    gradesReleasedAt: date(r.gradesReleasedAt),
  };
}

/** The cohort, its course, how many students, and its assignments in lesson order: one statement. Null for an unknown cohort. */
export async function gradebookHead(db: DbOrTx, cohortId: string) {
  const rows = rowsOf<HeadRow & { lmsSync: LmsSync | string | null }>(
    await db.execute(sql`
      select c.name as "cohortName", co.title as "courseTitle", c.time_zone as "timeZone",
        (select count(*)::int from memberships m where m.cohort_id = c.id and m.role = 'student') as students,
        a.id, l.title as "lessonTitle", l.slug as "lessonSlug", l.position, a.rubric, a.grade_aggregate as aggregate,
        a.grade_weights as weights, a.calibration, a.submission_due as "submissionDue", a.review_due as "reviewDue",
        a.grades_released_at as "gradesReleasedAt",
        (select json_build_object('sent', count(*) filter (where s.status = 'sent'), 'pending', count(*) filter (where s.status = 'pending'),
            'failed', count(*) filter (where s.status = 'failed'), 'lastError', max(s.last_error) filter (where s.status = 'failed'))
          from lti_score_syncs s where s.assignment_id = a.id having count(*) > 0) as "lmsSync"
      from cohorts c
      join courses co on co.id = c.course_id
      left join assignments a on a.cohort_id = c.id
      left join lessons l on l.id = a.lesson_id
      where c.id = ${cohortId}
      order by l.position`),
  );
  const [first] = rows;
  if (!first) return null;
  const assignments = rows.filter((r) => r.id).map(gradebookAssignment);
  const lms = new Map(rows.filter((r) => r.id && r.lmsSync).map((r) => [r.id!, json<LmsSync>(r.lmsSync)!]));
  return { cohortName: first.cohortName, courseTitle: first.courseTitle, timeZone: first.timeZone, students: Number(first.students), assignments, lms };
}

/** Rows by student in name order; the total is the mean of the graded assignments. */
function toRows(cells: Array<{ raw: RawCell; cell: GradeCell }>): GradebookRow[] {
  const rows: GradebookRow[] = [];
  for (const { raw, cell } of cells) {
    let row = rows.at(-1);
    if (row?.userId !== raw.userId) rows.push((row = { userId: raw.userId, name: raw.name, email: raw.email, cells: [], total: null, graded: 0 }));
    row.cells.push(cell);
  }
  for (const row of rows) {
    const points = row.cells.map((c) => c.grade?.points).filter((p): p is number => typeof p === "number");
    row.graded = points.length;
    row.total = points.length === 0 ? null : round1(points.reduce((s, p) => s + p, 0) / points.length);
  }
  return rows;
}

export type Gradebook = NonNullable<Awaited<ReturnType<typeof gradebookHead>>> & { rows: GradebookRow[]; page: number; pages: number };

/**
 * One page of the gradebook (students in name order; `pageSize: null` = all of them, the CSV):
 * two statements whatever the number of students and assignments. Null for an unknown cohort.
 * The caller authorises (instructors only).
 */
export async function gradebook(db: DbOrTx, cohortId: string, opts: { page?: number; pageSize?: number | null } = {}, now = new Date()): Promise<Gradebook | null> {
  const head = await gradebookHead(db, cohortId);
  if (!head) return null;
  const size = opts.pageSize === null ? null : (opts.pageSize ?? GRADEBOOK_PAGE_SIZE);
  const pages = size === null ? 1 : Math.max(1, Math.ceil(head.students / size));
  const page = Math.min(Math.max(1, opts.page ?? 1), pages);
  if (head.assignments.length === 0 || head.students === 0) return { ...head, rows: [], page, pages };
  const users =
    size === null
      ? undefined
      : sql`select m2.user_id from memberships m2 join users u2 on u2.id = m2.user_id where m2.cohort_id = ${cohortId} and m2.role = 'student'
          order by lower(u2.name), u2.id limit ${size} offset ${(page - 1) * size}`;
  const cells = await loadCells(db, cohortId, head.assignments, { users }, now);
  return { ...head, rows: toRows(cells), page, pages };
}

type AssignmentRow = Omit<HeadRow, "cohortName" | "courseTitle" | "timeZone" | "students"> & { cohortId: string };

/** One assignment with its grading settings (and cohort), by id. */
export async function gradingAssignment(db: DbOrTx, assignmentId: string): Promise<(GradebookAssignment & { cohortId: string }) | null> {
  const [r] = rowsOf<AssignmentRow>(
    await db.execute(sql`
      select a.id, a.cohort_id as "cohortId", l.title as "lessonTitle", l.slug as "lessonSlug", l.position, a.rubric,
        a.grade_aggregate as aggregate, a.grade_weights as weights, a.calibration, a.submission_due as "submissionDue",
        a.review_due as "reviewDue", a.grades_released_at as "gradesReleasedAt"
      from assignments a join lessons l on l.id = a.lesson_id
      where a.id = ${assignmentId}`),
  );
  return r ? { ...gradebookAssignment(r), cohortId: r.cohortId } : null;
}

/**
 * The student's own grade in an assignment, for their lesson page: only once the grades are
 * released, and only their own (the caller passes the session's user). One statement (none before
 * the release); null when there is nothing to show.
 */
export async function studentGrade(db: DbOrTx, a: GradingSettings, userId: string, now = new Date()) {
  if (!a.gradesReleasedAt) return null;
  const cell = await gradeCell(db, a, userId, now);
  if (!cell || cell.state !== "graded" || !cell.grade) return null;
  return { releasedAt: a.gradesReleasedAt, grade: cell.grade };
}
