import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "@/db";
import type { ReviewScores } from "@/lib/pairing/types";
import { computeGrade } from "./compute";
import type { GradeCell, GradingSettings } from "./types";

/**
 * Student × assignment cells with the inputs of their grades, read in one statement and graded with
 * computeGrade: the gradebook, one student's lesson page, the release's "who has a grade".
 */

export const date = (v: string | Date | null) => (v === null ? null : new Date(v));
export const json = <T>(v: T | string | null): T | null => (typeof v === "string" ? (JSON.parse(v) as T) : v);

/** The scores of a review without its comments (a gradebook of thousands needs the numbers only). */
const scoresOnly = (column: SQL) => sql`(select coalesce(jsonb_object_agg(e.key, e.value -> 'score'), '{}'::jsonb) from jsonb_each(${column}) e)`;

export type RawCell = {
  userId: string;
  name: string;
  email: string;
  assignmentId: string;
  submissionId: string | null;
  late: boolean | null;
  excused: boolean;
  dueAt: string | Date;
  instructorScores: Record<string, number | null> | string | null;
  overridePoints: number | null;
  overrideReason: string | null;
  accuracy: number | null;
  received: Array<Record<string, number | null>> | string | null;
  owed: number;
  onTime: number;
  lateReviews: number;
  ratings: number[] | string | null;
};

/**
 * Every (student, assignment) of the cohort with the inputs of its grade; `users` narrows the
 * students (a query of ids), `assignmentId` the assignments. Each input is one grouped pass over its
 * table, joined by hash. The `real` columns are rounded on the way out (0.9 stays 0.9, not 0.8999999761).
 */
function cellsSql(cohortId: string, opts: { users?: SQL; assignmentId?: string }): SQL {
  const inCohort = sql`(select id from assignments where cohort_id = ${cohortId}${opts.assignmentId ? sql` and id = ${opts.assignmentId}` : sql``})`;
  const people = opts.users ?? sql`select user_id from memberships where cohort_id = ${cohortId} and role = 'student'`;
  return sql`
    select u.id as "userId", u.name, u.email, a.id as "assignmentId",
      s.id as "submissionId", s.late, (x.user_id is not null) as excused,
      greatest(a.submission_due, e.until) as "dueAt",
      ${scoresOnly(sql`ia.scores`)} as "instructorScores",
      round(o.points::numeric, 1)::float8 as "overridePoints", o.reason as "overrideReason",
      round(cal.accuracy::numeric, 4)::float8 as accuracy,
      rc.received,
      coalesce(g.owed, 0)::int as owed, coalesce(g.on_time, 0)::int as "onTime", coalesce(g.late, 0)::int as "lateReviews", g.ratings
    from memberships m
    join users u on u.id = m.user_id
    join assignments a on a.id in ${inCohort}
    join lessons l on l.id = a.lesson_id
    left join submissions s on s.assignment_id = a.id and s.author_id = m.user_id
    left join excusals x on x.assignment_id = a.id and x.user_id = m.user_id
    left join deadline_extensions e on e.assignment_id = a.id and e.user_id = m.user_id
    left join instructor_assessments ia on ia.submission_id = s.id
    left join grade_overrides o on o.assignment_id = a.id and o.user_id = m.user_id
    left join (
      select assignment_id, user_id, max(accuracy) as accuracy
      from calibration_attempts where assignment_id in ${inCohort} and user_id in (${people})
      group by assignment_id, user_id
    ) cal on cal.assignment_id = a.id and cal.user_id = m.user_id
    left join (
      -- In a fixed order: the whole gradebook and one student's cell must list the same scores alike.
      select r.submission_id, json_agg(${scoresOnly(sql`r.scores`)} order by r.submitted_at, r.id) as received
      from reviews r where r.assignment_id in ${inCohort} and r.author_id in (${people}) and r.status = 'submitted'
      group by r.submission_id
    ) rc on rc.submission_id = s.id
    left join (
      select reviewer_id, assignment_id,
        count(*) filter (where kind = 'duty') as owed,
        count(*) filter (where status = 'submitted' and submitted_at <= due_at) as on_time,
        count(*) filter (where status = 'submitted' and submitted_at > due_at) as late,
        json_agg(helpfulness order by submitted_at, id) filter (where status = 'submitted' and helpfulness is not null) as ratings
      from reviews where assignment_id in ${inCohort} and reviewer_id in (${people})
      group by reviewer_id, assignment_id
    ) g on g.reviewer_id = m.user_id and g.assignment_id = a.id
    where m.cohort_id = ${cohortId} and m.role = 'student' and m.user_id in (${people})
    order by lower(u.name), u.id, l.position`;
}

const toScores = (raw: Record<string, number | null>): ReviewScores =>
  Object.fromEntries(Object.entries(raw).map(([id, score]) => [id, { score: typeof score === "number" ? score : null, comment: "" }]));

/** One cell's grade from its raw inputs and its assignment's settings. */
function toCell(c: RawCell, a: Omit<GradingSettings, "cohortId">, now: Date): GradeCell {
  const base = { assignmentId: c.assignmentId, userId: c.userId, submissionId: c.submissionId, late: Boolean(c.late) };
  if (c.excused) return { ...base, state: "excused", grade: null };
  const override = c.overridePoints === null ? null : { points: Number(c.overridePoints), reason: c.overrideReason ?? "" };
  const instructor = json(c.instructorScores);
  const grade = computeGrade({
    rubric: a.rubric,
    aggregate: a.aggregate,
    weights: a.weights,
    submitted: c.submissionId !== null,
    received: (json(c.received) ?? []).map(toScores),
    instructor: c.submissionId !== null && instructor && Object.keys(instructor).length > 0 ? toScores(instructor) : null,
    reviewing: { owed: c.owed, onTime: c.onTime, late: c.lateReviews },
    calibration: a.calibration === "off" ? null : { mode: a.calibration, accuracy: c.accuracy === null ? null : Number(c.accuracy) },
    helpfulness: (json(c.ratings) ?? []).map(Number),
    override,
  });
  // Not submitted while their deadline is still ahead: nothing to grade yet (unless overridden).
  if (c.submissionId === null && new Date(c.dueAt) > now && !override) return { ...base, state: "open", grade: null };
  return { ...base, state: grade.points === null ? "pending" : "graded", grade };
}

export async function loadCells(db: DbOrTx, cohortId: string, list: Array<Omit<GradingSettings, "cohortId">>, opts: { users?: SQL; assignmentId?: string }, now: Date) {
  const byId = new Map(list.map((a) => [a.id, a]));
  const raw = rowsOf<RawCell>(await db.execute(cellsSql(cohortId, opts)));
  return raw.filter((c) => byId.has(c.assignmentId)).map((c) => ({ raw: c, cell: toCell(c, byId.get(c.assignmentId)!, now) }));
}

/** One student's cell in one assignment (no authorisation: callers check). Null when they are no student of its cohort. */
export async function gradeCell(db: DbOrTx, a: GradingSettings, userId: string, now = new Date()): Promise<GradeCell | null> {
  const cells = await loadCells(db, a.cohortId, [a], { users: sql`select ${userId}::uuid`, assignmentId: a.id }, now);
  return cells[0]?.cell ?? null;
}

/** Every student's cell in one assignment: who has a grade to be told of at release. */
export async function assignmentCells(db: DbOrTx, a: GradingSettings, now = new Date()): Promise<GradeCell[]> {
  return (await loadCells(db, a.cohortId, [a], { assignmentId: a.id }, now)).map((c) => c.cell);
}
