import { sql } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "@/db";

/**
 * The cohort's reserve pool for its instructors: every submission that still needs reviewers, with
 * its author's name (instructors always see names), how many reviews it has and needs, and since
 * when it has been waiting.
 */

export type PoolSlot = {
  assignmentId: string;
  lessonTitle: string;
  submissionId: string;
  authorId: string;
  authorName: string;
  /** Reviews that count: assigned, started or submitted (expired ones don't). */
  have: number;
  k: number;
  /** Since when it has had fewer than k reviews, without a break (waitingSince). */
  since: Date;
};

type Interval = { assignedAt: Date; expiredAt: Date | null };

/**
 * Since when a submission has been short of reviewers, from its reviews' own times. A slot enters the
 * pool when the submission joins the pairing short of reviewers (n ≤ k at pairing; a late submitter
 * with no free place in the cycle joins when it submits) or when a review expires; it leaves when
 * someone takes it (a new review's assignedAt). Replaying those steps gives the last moment the count
 * fell below k and stayed there. A review deleted when its reviewer left the cohort leaves no time
 * behind; the count before then reads too low, so such a slot can look older than it is, never younger.
 */
export function waitingSince(enteredAt: Date, k: number, reviews: Interval[]): Date {
  const start = enteredAt.getTime();
  const steps = new Map<number, number>([[start, 0]]);
  const step = (at: number, by: number) => steps.set(Math.max(at, start), (steps.get(Math.max(at, start)) ?? 0) + by);
  for (const r of reviews) {
    step(r.assignedAt.getTime(), 1);
    if (r.expiredAt) step(r.expiredAt.getTime(), -1);
  }
  let count = 0;
  let since: number | null = null;
  for (const at of [...steps.keys()].sort((x, y) => x - y)) {
    count += steps.get(at)!;
    if (count >= k) since = null;
    else since ??= at;
  }
  return new Date(since ?? start);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long a slot has waited, in the unit a person would say: minutes, then hours up to two days, then days. */
export function waitedFor(since: Date, now: Date): { unit: "minutes" | "hours" | "days"; count: number } {
  const ms = Math.max(0, now.getTime() - since.getTime());
  if (ms < HOUR) return { unit: "minutes", count: Math.floor(ms / MINUTE) };
  if (ms < 2 * DAY) return { unit: "hours", count: Math.floor(ms / HOUR) };
  return { unit: "days", count: Math.floor(ms / DAY) };
}

type Raw = Omit<PoolSlot, "since"> & { enteredAt: string | Date; events: string | [string, string | null][] };

/**
 * One statement for the whole cohort. The pool is what the pairing core derives (withPool): active
 * submitters in the kept cycle or outside it, each with fewer than k reviews that are not expired.
 * Oldest first.
 */
export async function reservePoolSlots(db: DbOrTx, cohortId: string): Promise<PoolSlot[]> {
  const result = await db.execute(sql`
    with pa as (
      select a.id, a.reviews_per_student as k, p.created_at as paired_at, p.cycle, p.outside, l.title
      from assignments a
      join pairings p on p.assignment_id = a.id
      join lessons l on l.id = a.lesson_id
      where a.cohort_id = ${cohortId}
    )
    select pa.id as "assignmentId", pa.title as "lessonTitle", pa.k, s.id as "submissionId", s.author_id as "authorId",
      u.name as "authorName", r.have::int as have, greatest(s.created_at, pa.paired_at) as "enteredAt",
      coalesce(r.events, '[]'::json) as events
    from pa
    join submissions s on s.assignment_id = pa.id
    join memberships m on m.cohort_id = s.cohort_id and m.user_id = s.author_id and m.role = 'student'
    join users u on u.id = s.author_id
    cross join lateral (
      select count(*) filter (where x.status <> 'expired') as have,
        json_agg(json_build_array(x.assigned_at, case when x.status = 'expired' then coalesce(x.expired_at, x.updated_at) end)) as events
      from reviews x where x.submission_id = s.id
    ) r
    where (pa.cycle @> to_jsonb(s.author_id::text) or pa.outside @> to_jsonb(s.author_id::text))
      and r.have < pa.k
      and not exists (select 1 from excusals e where e.assignment_id = pa.id and e.user_id = s.author_id)`);
  const slots = rowsOf<Raw>(result).map(({ enteredAt, events, ...r }) => {
    const list = typeof events === "string" ? (JSON.parse(events) as [string, string | null][]) : events;
    const intervals = list.map(([assigned, expired]) => ({ assignedAt: new Date(assigned), expiredAt: expired ? new Date(expired) : null }));
    return { ...r, have: Number(r.have), k: Number(r.k), since: waitingSince(new Date(enteredAt), Number(r.k), intervals) };
  });
  return slots.sort((x, y) => x.since.getTime() - y.since.getTime() || (x.submissionId < y.submissionId ? -1 : 1));
}
