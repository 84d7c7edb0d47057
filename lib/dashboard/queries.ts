import { asc, eq, sql, type SQL } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "@/db";
import { assignments, cohorts, courses, lessons } from "@/db/schema";
import type { DashboardCharts } from "./types";
import type { Anonymity } from "@/lib/assignments/types";

/**
 * The cohort dashboard's reads. Each is one SQL statement whatever the cohort's size: the matrix
 * aggregates every student × assignment in the database and returns one page of rows, so a cohort
 * of 2,000 costs one round trip, not 2,000.
 */

export const MATRIX_FILTERS = ["all", "waiting", "blocking", "late", "missing", "excused"] as const;
export type MatrixFilter = (typeof MATRIX_FILTERS)[number];
export const MATRIX_SORTS = ["name", "submitted", "given", "received", "fit", "helpfulness", "blocking", "waiting"] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number];
export const PAGE_SIZE = 25;

export type MatrixQuery = { q: string; filter: MatrixFilter; sort: MatrixSort; dir: "asc" | "desc"; page: number; pageSize?: number | null };

export type CellStatus = "on_time" | "late" | "missing" | "pending" | "excused";

export type MatrixCell = {
  assignmentId: string;
  status: CellStatus;
  /** Reviews this student submitted (duty and extra) / duty reviews handed to them. */
  given: number;
  owed: number;
  /** Reviews of their submission submitted / still open. */
  received: number;
  waiting: number;
  /** Reviews they owe that are open, and of those, past due. */
  open: number;
  overdue: number;
  fit: number | null;
  /** Mean helpfulness their reviews got here, with how many ratings. */
  helpfulness: number | null;
  extendedUntil: Date | null;
};

export type MatrixRow = {
  userId: string;
  name: string;
  email: string;
  submitted: number;
  late: number;
  missing: number;
  excused: number;
  given: number;
  owed: number;
  received: number;
  /** Open reviews they owe: the students they keep waiting. */
  blocking: number;
  overdue: number;
  /** Open reviews of their work: reviewers they wait on. */
  waiting: number;
  fit: number | null;
  helpfulness: number | null;
  cells: MatrixCell[];
};

export type DashboardAssignment = {
  id: string;
  lessonTitle: string;
  lessonSlug: string;
  position: number;
  k: number;
  submissionDue: Date;
  reviewDue: Date;
  pairedAt: Date | null;
  anonymity: Anonymity;
  /** Students who submitted so far. */
  submitted: number;
};

/** The cohort, its course and its assignments in lesson order: the matrix's columns. */
export async function dashboardHead(db: DbOrTx, cohortId: string) {
  const rows = await db
    .select({
      cohortName: cohorts.name,
      timeZone: cohorts.timeZone,
      startsOn: cohorts.startsOn,
      endsOn: cohorts.endsOn,
      courseTitle: courses.title,
      assignmentId: assignments.id,
      lessonTitle: lessons.title,
      lessonSlug: lessons.slug,
      position: lessons.position,
      k: assignments.reviewsPerStudent,
      submissionDue: assignments.submissionDue,
      reviewDue: assignments.reviewDue,
      pairedAt: assignments.pairedAt,
      anonymity: assignments.anonymity,
      submitted: sql<number>`(select count(*) from submissions s where s.assignment_id = ${assignments.id})`.mapWith(Number),
    })
    .from(cohorts)
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .leftJoin(assignments, eq(assignments.cohortId, cohorts.id))
    .leftJoin(lessons, eq(lessons.id, assignments.lessonId))
    .where(eq(cohorts.id, cohortId))
    .orderBy(asc(lessons.position));
  const [first] = rows;
  if (!first) return null;
  const list: DashboardAssignment[] = rows
    .filter((r) => r.assignmentId)
    .map((r) => ({
      id: r.assignmentId!,
      lessonTitle: r.lessonTitle!,
      lessonSlug: r.lessonSlug!,
      position: r.position!,
      k: r.k!,
      submissionDue: r.submissionDue!,
      reviewDue: r.reviewDue!,
      pairedAt: r.pairedAt,
      anonymity: r.anonymity!,
      submitted: r.submitted,
    }));
  return {
    cohortName: first.cohortName,
    timeZone: first.timeZone,
    startsOn: first.startsOn,
    endsOn: first.endsOn,
    courseTitle: first.courseTitle,
    assignments: list,
  };
}

const SORT_SQL: Record<MatrixSort, string> = {
  name: "lower(t.name)",
  submitted: "t.submitted",
  given: "t.given",
  received: "t.received",
  fit: "t.fit",
  helpfulness: "t.helpfulness",
  blocking: "t.blocking",
  waiting: "t.waiting",
};

const FILTER_SQL: Record<MatrixFilter, string> = {
  all: "true",
  waiting: "t.waiting > 0",
  blocking: "t.blocking > 0",
  late: "(t.late > 0 or t.overdue > 0)",
  missing: "t.missing > 0",
  excused: "t.excused > 0",
};

/** Escapes LIKE's wildcards so that a search for "50%" means those characters. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The cohort's assignments, as a subquery the planner can estimate (a CTE of six rows it cannot). */
const cohortAssignments = (cohortId: string) => sql`(select id from assignments where cohort_id = ${cohortId})`;

/**
 * Per student of the cohort: every total the matrix sorts and filters on. Each part is one grouped
 * pass over a base table (submissions, reviews by reviewer, reviews by author, the student ×
 * assignment grid for missing and excused), joined by hash: a few tens of milliseconds for 2,000
 * students × 6 assignments on PostgreSQL, where a plan over materialised CTEs took seconds.
 */
function studentTotals(cohortId: string, now: Date): SQL {
  const at = now.toISOString();
  return sql`
    select u.id, u.name, u.email,
      coalesce(gr.submitted, 0)::int as submitted, coalesce(gr.late, 0)::int as late,
      coalesce(gr.missing, 0)::int as missing, coalesce(gr.excused, 0)::int as excused,
      coalesce(g.given, 0)::int as given, coalesce(g.owed, 0)::int as owed,
      coalesce(g.open, 0)::int as blocking, coalesce(g.overdue, 0)::int as overdue,
      coalesce(rc.received, 0)::int as received, coalesce(rc.waiting, 0)::int as waiting,
      gr.fit::float8 as fit, g.help_sum::float8 / nullif(g.help_n, 0) as helpfulness
    from memberships m
    join users u on u.id = m.user_id
    left join (
      select m2.user_id,
        count(*) filter (where x.user_id is null and s.id is not null) as submitted,
        count(*) filter (where x.user_id is null and s.late) as late,
        count(*) filter (where x.user_id is null and s.id is null and greatest(a.submission_due, e.until) < ${at}::timestamptz) as missing,
        count(*) filter (where x.user_id is not null) as excused,
        avg(s.fit_score) filter (where x.user_id is null) as fit
      from memberships m2
      cross join assignments a
      left join submissions s on s.assignment_id = a.id and s.author_id = m2.user_id
      left join excusals x on x.assignment_id = a.id and x.user_id = m2.user_id
      left join deadline_extensions e on e.assignment_id = a.id and e.user_id = m2.user_id
      where m2.cohort_id = ${cohortId} and m2.role = 'student' and a.cohort_id = ${cohortId}
      group by m2.user_id
    ) gr on gr.user_id = m.user_id
    left join (
      select reviewer_id,
        count(*) filter (where kind = 'duty') as owed,
        count(*) filter (where status = 'submitted') as given,
        count(*) filter (where status in ('assigned', 'draft')) as open,
        count(*) filter (where status in ('assigned', 'draft') and due_at < ${at}::timestamptz) as overdue,
        sum(helpfulness) filter (where status = 'submitted') as help_sum,
        count(helpfulness) filter (where status = 'submitted') as help_n
      from reviews where assignment_id in ${cohortAssignments(cohortId)}
      group by reviewer_id
    ) g on g.reviewer_id = m.user_id
    left join (
      select author_id,
        count(*) filter (where status = 'submitted') as received,
        count(*) filter (where status in ('assigned', 'draft')) as waiting
      from reviews where assignment_id in ${cohortAssignments(cohortId)}
      group by author_id
    ) rc on rc.author_id = m.user_id
    where m.cohort_id = ${cohortId} and m.role = 'student'`;
}

type RawCell = {
  userId: string;
  assignmentId: string;
  status: CellStatus;
  given: number;
  owed: number;
  received: number;
  waiting: number;
  open: number;
  overdue: number;
  fit: number | null;
  helpSum: number;
  helpN: number;
  until: string | Date | null;
};

/**
 * The cells of some students (`users`: a query of their ids, one page of the matrix): their state in
 * every assignment of the cohort, one row per student and assignment.
 */
function cellsSql(cohortId: string, users: SQL, at: string): SQL {
  return sql`
    select p.user_id as "userId", a.id as "assignmentId", l.position,
      case when x.user_id is not null then 'excused'
           when s.id is not null then case when s.late then 'late' else 'on_time' end
           when greatest(a.submission_due, e.until) < ${at}::timestamptz then 'missing'
           else 'pending' end as status,
      coalesce(g.given, 0)::int as given, coalesce(g.owed, 0)::int as owed,
      coalesce(g.open, 0)::int as open, coalesce(g.overdue, 0)::int as overdue,
      coalesce(rc.received, 0)::int as received, coalesce(rc.waiting, 0)::int as waiting,
      s.fit_score::float8 as fit, coalesce(g.help_sum, 0)::int as "helpSum", coalesce(g.help_n, 0)::int as "helpN", e.until
    from (${users}) as p(user_id)
    cross join assignments a
    join lessons l on l.id = a.lesson_id
    left join submissions s on s.assignment_id = a.id and s.author_id = p.user_id
    left join excusals x on x.assignment_id = a.id and x.user_id = p.user_id
    left join deadline_extensions e on e.assignment_id = a.id and e.user_id = p.user_id
    left join (
      select reviewer_id, assignment_id,
        count(*) filter (where kind = 'duty') as owed,
        count(*) filter (where status = 'submitted') as given,
        count(*) filter (where status in ('assigned', 'draft')) as open,
        count(*) filter (where status in ('assigned', 'draft') and due_at < ${at}::timestamptz) as overdue,
        sum(helpfulness) filter (where status = 'submitted') as help_sum,
        count(helpfulness) filter (where status = 'submitted') as help_n
      from reviews where reviewer_id in (${users}) and assignment_id in ${cohortAssignments(cohortId)}
      group by reviewer_id, assignment_id
    ) g on g.reviewer_id = p.user_id and g.assignment_id = a.id
    left join (
      select s2.author_id, r.assignment_id,
        count(*) filter (where r.status = 'submitted') as received,
        count(*) filter (where r.status in ('assigned', 'draft')) as waiting
      from submissions s2 join reviews r on r.submission_id = s2.id
      where s2.author_id in (${users}) and s2.cohort_id = ${cohortId}
      group by s2.author_id, r.assignment_id
    ) rc on rc.author_id = p.user_id and rc.assignment_id = a.id
    where a.cohort_id = ${cohortId}`;
}

function toCell(c: RawCell): MatrixCell {
  return {
    assignmentId: c.assignmentId,
    status: c.status,
    given: c.given,
    owed: c.owed,
    received: c.received,
    waiting: c.waiting,
    open: c.open,
    overdue: c.overdue,
    fit: c.fit === null ? null : Number(c.fit),
    helpfulness: c.helpN > 0 ? c.helpSum / c.helpN : null,
    extendedUntil: c.until ? new Date(c.until) : null,
  };
}

/** Totals over all the cohort's students (not just those the search or filter shows): the dashboard's headline. */
export type StudentSummary = { students: number; expectedSubmissions: number; submitted: number; late: number; missing: number };

/**
 * One page of the matrix, filtered, searched and sorted in the database, with the number of
 * matching students, the whole cohort's submission totals and each row's cells: one statement.
 * `pageSize: null` returns every matching row (the CSV export).
 */
export async function cohortMatrix(
  db: DbOrTx,
  cohortId: string,
  query: MatrixQuery,
  now = new Date(),
): Promise<{ rows: MatrixRow[]; total: number; summary: StudentSummary }> {
  const q = query.q.trim();
  const search = q ? sql`(t.name ilike ${likePattern(q)} or t.email ilike ${likePattern(q)})` : sql`true`;
  const dir = query.dir === "desc" ? "desc" : "asc";
  // Missing values (no fit score, no ratings) sort last both ways.
  const order = sql.raw(`${SORT_SQL[query.sort]} ${dir} nulls last, lower(t.name) asc, t.id asc`);
  const size = query.pageSize === null ? null : (query.pageSize ?? PAGE_SIZE);
  const offset = size === null ? 0 : Math.max(0, query.page - 1) * size;
  const paging = size === null ? sql`` : sql`limit ${size} offset ${offset}`;
  // The summary rides on the first row; a page past the end gets it from a row of its own (rn = 0).
  // Each row carries its cells (one per assignment, in lesson order): one statement for the whole page.
  const result = await db.execute(sql`
    with t as (${studentTotals(cohortId, now)}),
    s as (
      select count(*)::int as students, (count(*) * (select count(*) from assignments where cohort_id = ${cohortId}) - coalesce(sum(excused), 0))::int as "expectedSubmissions",
        coalesce(sum(submitted), 0)::int as submitted, coalesce(sum(late), 0)::int as late, coalesce(sum(missing), 0)::int as missing
      from t
    ),
    page as (
      select t.id as "userId", t.name, t.email, t.submitted, t.late, t.missing, t.excused, t.given, t.owed, t.received,
        t.blocking, t.overdue, t.waiting, t.fit, t.helpfulness, count(*) over ()::int as total,
        row_number() over (order by ${order}) as rn
      from t
      where ${search} and ${sql.raw(FILTER_SQL[query.filter])}
      order by rn ${paging}
    ),
    cells as (${cellsSql(cohortId, sql`select "userId" from page`, now.toISOString())})
    select page.*, to_json(s) as summary,
      (select coalesce(json_agg(cells order by cells.position), '[]'::json) from cells where cells."userId" = page."userId") as cells
    from page cross join s
    union all
    select null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, to_json(s), null from s
      where not exists (select 1 from page)
    order by rn`);
  const raw = rowsOf<Omit<MatrixRow, "cells"> & { total: number | null; rn: unknown; summary: StudentSummary | string; cells: RawCell[] | string | null }>(
    result,
  );
  const first = raw[0]!;
  const summary = typeof first.summary === "string" ? (JSON.parse(first.summary) as StudentSummary) : first.summary;
  const rows = raw.filter((r) => r.userId !== null).map(({ rn: _rn, ...r }) => r);
  return {
    summary,
    total: rows[0] ? Number(rows[0].total) : await countStudents(db, cohortId, query),
    rows: rows.map(({ total: _total, summary: _summary, cells, ...r }) => ({
      ...r,
      fit: r.fit === null ? null : Number(r.fit),
      helpfulness: r.helpfulness === null ? null : Number(r.helpfulness),
      cells: (typeof cells === "string" ? (JSON.parse(cells) as RawCell[]) : (cells ?? [])).map(toCell),
    })),
  };
}

/** A page past the end has no rows to carry the total: it is counted once more (rare). */
async function countStudents(db: DbOrTx, cohortId: string, query: MatrixQuery): Promise<number> {
  if (query.page <= 1) return 0;
  const { total } = await cohortMatrix(db, cohortId, { ...query, page: 1 });
  return total;
}

export type OpenReview = {
  id: string;
  assignmentId: string;
  lessonTitle: string;
  reviewerId: string;
  reviewerName: string;
  reviewerRole: "student" | "instructor" | null;
  authorId: string;
  authorName: string;
  status: "assigned" | "draft";
  /** An instructor sent it back for revision: a draft again. */
  sentBack: boolean;
  kind: "duty" | "extra";
  assignedAt: Date;
  dueAt: Date;
  /** All open reviews this reviewer owes in the cohort: the students they keep waiting. */
  reviewerOpen: number;
};

/**
 * "Who waits on whom": every open review of the cohort, the reviewer with the oldest open review
 * first and their reviews together, one page at a time.
 */
export async function openReviews(db: DbOrTx, cohortId: string, opts: { page: number; pageSize?: number; reviewerId?: string | null }) {
  const size = opts.pageSize ?? 25;
  const only = opts.reviewerId ? sql`and r.reviewer_id = ${opts.reviewerId}` : sql``;
  const result = await db.execute(sql`
    with o as (
      select r.id, r.assignment_id, r.reviewer_id, r.author_id, r.status, r.kind, r.assigned_at, r.due_at, r.sent_back_at,
        min(r.assigned_at) over (partition by r.reviewer_id) as first_at,
        count(*) over (partition by r.reviewer_id) as reviewer_open
      from reviews r
      where r.assignment_id in (select id from assignments where cohort_id = ${cohortId})
        and r.status in ('assigned', 'draft') ${only}
    ),
    page as (select o.*, count(*) over () as total from o order by first_at, reviewer_id, assigned_at, due_at, id limit ${size} offset ${Math.max(0, opts.page - 1) * size})
    select p.id, p.assignment_id as "assignmentId", l.title as "lessonTitle", p.reviewer_id as "reviewerId", ru.name as "reviewerName",
      m.role as "reviewerRole", p.author_id as "authorId", au.name as "authorName", p.status, p.kind,
      p.assigned_at as "assignedAt", p.due_at as "dueAt", p.sent_back_at is not null as "sentBack", p.reviewer_open::int as "reviewerOpen", p.total::int as total
    from page p
    join assignments a on a.id = p.assignment_id
    join lessons l on l.id = a.lesson_id
    join users ru on ru.id = p.reviewer_id
    join users au on au.id = p.author_id
    left join memberships m on m.cohort_id = ${cohortId} and m.user_id = p.reviewer_id
    order by p.first_at, p.reviewer_id, p.assigned_at, p.due_at, p.id`);
  const raw = rowsOf<OpenReview & { total: number; assignedAt: string | Date; dueAt: string | Date }>(result);
  return {
    total: raw[0] ? Number(raw[0].total) : 0,
    rows: raw.map(({ total: _t, ...r }) => ({ ...r, assignedAt: new Date(r.assignedAt), dueAt: new Date(r.dueAt) })) as OpenReview[],
  };
}

export type DashboardSummary = {
  students: number;
  expectedSubmissions: number;
  submitted: number;
  late: number;
  missing: number;
  reviewsSubmitted: number;
  reviewsOpen: number;
  reviewsOverdue: number;
  reviewsExpired: number;
};

type ReviewSummary = Omit<DashboardSummary, keyof StudentSummary>;
export type ReviewOverview = { summary: ReviewSummary; charts: Omit<DashboardCharts, "expectedSubmissions"> };

/**
 * The review side of the cohort's headline and the chart series, in one statement: daily first
 * submissions and submitted reviews (cumulated here), the fit-score histogram, the review totals.
 * The per-student figures come from cohortMatrix's summary (withStudents): both statements run
 * side by side and the per-student totals are computed once.
 */
export async function dashboardOverview(db: DbOrTx, cohortId: string, now = new Date()): Promise<ReviewOverview> {
  const at = now.toISOString();
  // The cohort's own time zone and dates are read in the statement: the page need not wait for its head first.
  const cohort = { id: cohortId, timeZone: sql`(select time_zone from cohorts where id = ${cohortId})` };
  const result = await db.execute(sql`
    with sub_days as (
      select to_char(d, 'YYYY-MM-DD') as day, n from (
        select (s.created_at at time zone ${cohort.timeZone})::date as d, count(*)::int as n
        from submissions s where s.assignment_id in ${cohortAssignments(cohort.id)} group by 1) x
    ),
    rev_days as (
      select to_char(d, 'YYYY-MM-DD') as day, n from (
        select (r.submitted_at at time zone ${cohort.timeZone})::date as d, count(*)::int as n
        from reviews r where r.assignment_id in ${cohortAssignments(cohort.id)} and r.status = 'submitted' group by 1) x
    ),
    fit as (
      select least(width_bucket(round(s.fit_score::numeric, 4), 0, 1, 10), 10) as bucket, count(*)::int as n
      from submissions s where s.assignment_id in ${cohortAssignments(cohort.id)} and s.fit_score is not null group by 1
    ),
    rv as (
      select count(*) filter (where status = 'submitted')::int as submitted,
        count(*) filter (where status in ('assigned', 'draft'))::int as open,
        count(*) filter (where status in ('assigned', 'draft') and due_at < ${at}::timestamptz)::int as overdue,
        count(*) filter (where status = 'expired')::int as expired
      from reviews where assignment_id in ${cohortAssignments(cohort.id)}
    ),
    per_assignment as (
      select a.id, a.reviews_per_student as k,
        (select count(*) from submissions s where s.assignment_id = a.id)::int as subs,
        (select count(*) from reviews r where r.assignment_id = a.id and r.status <> 'expired')::int as live
      from assignments a where a.cohort_id = ${cohort.id}
    )
    select
      c.time_zone as "timeZone", c.starts_on as "startsOn", c.ends_on as "endsOn",
      (select submitted from rv) as "reviewsSubmitted",
      (select open from rv) as "reviewsOpen",
      (select overdue from rv) as "reviewsOverdue",
      (select expired from rv) as "reviewsExpired",
      (select coalesce(sum(greatest(k * subs, live)), 0) from per_assignment)::int as "expectedReviews",
      (select coalesce(json_agg(json_build_array(day, n)), '[]') from sub_days) as "subDays",
      (select coalesce(json_agg(json_build_array(day, n)), '[]') from rev_days) as "revDays",
      (select coalesce(json_agg(json_build_array(bucket, n)), '[]') from fit) as "fitBuckets"
    from cohorts c where c.id = ${cohortId}`);
  const [row] = rowsOf<
    ReviewSummary & {
      timeZone: string;
      startsOn: Date | string;
      endsOn: Date | string;
      expectedReviews: number;
      subDays: [string, number][];
      revDays: [string, number][];
      fitBuckets: [number, number][];
    }
  >(result);
  const r = row!;
  const parse = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);
  const subDays = new Map(parse(r.subDays));
  const revDays = new Map(parse(r.revDays));
  const fitBuckets = parse(r.fitBuckets);

  const days = dayRange({ timeZone: r.timeZone, startsOn: new Date(r.startsOn), endsOn: new Date(r.endsOn) }, now, [...subDays.keys(), ...revDays.keys()]);
  let submitted = 0;
  let reviewed = 0;
  // Events before the first day shown still count toward the running totals.
  for (const [day, n] of subDays) if (days.length && day < days[0]!) submitted += n;
  for (const [day, n] of revDays) if (days.length && day < days[0]!) reviewed += n;
  const completion = days.map((day) => {
    submitted += subDays.get(day) ?? 0;
    reviewed += revDays.get(day) ?? 0;
    return { day, submitted, reviewed };
  });
  const buckets = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, count: 0 }));
  for (const [bucket, n] of fitBuckets) buckets[Math.min(9, Math.max(0, bucket - 1))]!.count += n;
  const { expectedReviews, subDays: _s, revDays: _r, fitBuckets: _f, timeZone: _z, startsOn: _b, endsOn: _e, ...summary } = r;
  return {
    summary,
    charts: {
      completion,
      expectedReviews,
      fitBuckets: buckets,
      fitCount: buckets.reduce((n, b) => n + b.count, 0),
    },
  };
}

/** The whole overview: the review side with the per-student figures of the matrix's summary. */
export function withStudents(o: ReviewOverview, students: StudentSummary): { summary: DashboardSummary; charts: DashboardCharts } {
  return { summary: { ...o.summary, ...students }, charts: { ...o.charts, expectedSubmissions: students.expectedSubmissions } };
}

/** Calendar days (YYYY-MM-DD in the cohort's zone) from the cohort's start, or its first event, to today or its end: at most 120. */
function dayRange(cohort: { timeZone: string; startsOn: Date; endsOn: Date }, now: Date, eventDays: string[]): string[] {
  const fmt = new Intl.DateTimeFormat("en-CA", { timeZone: cohort.timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const first = [fmt.format(cohort.startsOn), ...eventDays].sort()[0]!;
  const last = fmt.format(now < cohort.endsOn ? now : cohort.endsOn);
  const end = last < first ? first : last;
  const out: string[] = [];
  const d = new Date(`${end}T12:00:00Z`);
  const stop = new Date(`${first}T12:00:00Z`);
  while (d >= stop && out.length < 120) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() - 1);
  }
  return out.reverse();
}

export type Candidate = { id: string; name: string; role: "student" | "instructor"; volunteer: boolean; open: number };

/**
 * Members who could take over an open review: not its author, not already on that submission;
 * volunteers (students who gave all they owe here) first, then the least loaded. Instructors of the
 * review's cohort (and admins) only; anyone else gets nothing.
 */
export async function reassignCandidates(db: DbOrTx, actor: { id: string; isAdmin: boolean }, reviewId: string, q: string, limit = 20): Promise<Candidate[]> {
  const pattern = q.trim() ? likePattern(q.trim()) : "%";
  const result = await db.execute(sql`
    with r as (select id, assignment_id, cohort_id, submission_id, author_id from reviews where id = ${reviewId}),
    allowed as (
      select 1 from r where ${actor.isAdmin}
         or exists (select 1 from memberships m where m.cohort_id = r.cohort_id and m.user_id = ${actor.id} and m.role = 'instructor')
    ),
    load as (
      select x.reviewer_id,
        count(*) filter (where x.status in ('assigned', 'draft'))::int as open,
        count(*) filter (where x.kind = 'duty' and x.status <> 'submitted')::int as owing
      from reviews x where x.assignment_id = (select assignment_id from r) group by 1
    )
    select u.id, u.name, m.role,
      (m.role = 'student' and s.id is not null and coalesce(l.owing, 0) = 0) as volunteer,
      coalesce(l.open, 0) as open
    from r
    join memberships m on m.cohort_id = r.cohort_id
    join users u on u.id = m.user_id
    left join submissions s on s.assignment_id = r.assignment_id and s.author_id = u.id
    left join load l on l.reviewer_id = u.id
    where exists (select 1 from allowed)
      and u.id <> r.author_id
      and not exists (select 1 from reviews y where y.submission_id = r.submission_id and y.reviewer_id = u.id)
      and (u.name ilike ${pattern} or u.email ilike ${pattern})
    order by volunteer desc, (m.role = 'instructor') asc, open asc, lower(u.name), u.id
    limit ${limit}`);
  return rowsOf<Candidate>(result);
}
