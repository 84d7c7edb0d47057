import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { hashPassword } from "@/lib/auth/password";
import { sqlOf } from "./pages";
import { signInCookie, startServer } from "./server";

/**
 * The dashboard bench: a cohort of 2,000 students × 6 assignments, seeded in bulk (set-based SQL,
 * a few seconds), then the instructor's dashboard page under load at 5 connections, and the SQL
 * statements one render sends, counted by the server (WERKBANK_SQL_COUNT=1, read from /api/health).
 */

export const DASHBOARD_STUDENTS = Number(process.env.BENCH_DASHBOARD_STUDENTS ?? 2000);
export const DASHBOARD_ASSIGNMENTS = 6;
export const DASHBOARD_INSTRUCTOR = "bench.instructor@werkbank.test";
const DAY = 86_400_000;

const FIRST = ["Anna", "Ben", "Clara", "Deniz", "Emil", "Fatma", "Greta", "Henrik", "Ida", "Jonas", "Karl", "Lea", "Mats", "Nora", "Ole", "Pia", "Quirin", "Rosa", "Sven", "Tilda"];
const LAST = ["Berger", "Schulz", "Wagner", "Yılmaz", "Hoffmann", "Kaya", "Neumann", "Lange", "Roth", "Frank", "Brandt", "Keller", "Vogel", "Krüger", "Öztürk", "Weiß", "Jung", "Hahn", "Schmitt", "Lorenz"];

/**
 * Seeds the big cohort: students, six assignments (four past their deadlines and paired, one open
 * for reviews, one not yet due), ~90 % submissions (some late, half with a fit score), two reviews
 * per submitter from a cycle, in mixed states (submitted and rated, open, in progress, expired),
 * and a few excusals and own deadlines. Returns the cohort's id.
 */
export async function seedDashboardCohort(db: Db, students = DASHBOARD_STUDENTS): Promise<string> {
  const tag = randomBytes(3).toString("hex");
  const hash = await hashPassword(DEMO_PASSWORD);
  const now = Date.now();
  const first = `array[${FIRST.map((n) => `'${n}'`).join(",")}]`;
  const last = `array[${LAST.map((n) => `'${n}'`).join(",")}]`;

  const [course] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into courses (slug, title, summary) values (${`bench-${tag}`}, 'Geschäftsmodelle im Großformat', 'Bench-Kurs') returning id`),
  );
  await db.execute(sql`
    insert into lessons (course_id, position, slug, title, body_md)
    select ${course!.id}, g - 1, 'lektion-' || g, 'Lektion ' || g, '## Lektion ' || g from generate_series(1, ${DASHBOARD_ASSIGNMENTS}) g`);
  const [cohort] = rowsOf<{ id: string }>(
    await db.execute(sql`
      insert into cohorts (course_id, name, starts_on, ends_on)
      values (${course!.id}, 'Großkohorte 2026', ${new Date(now - 40 * DAY).toISOString()}::timestamptz, ${new Date(now + 30 * DAY).toISOString()}::timestamptz)
      returning id`),
  );
  const cohortId = cohort!.id;
  await db.execute(sql`
    with u as (insert into users (email, name, password_hash) values (${DASHBOARD_INSTRUCTOR}, 'Bench Lehrkraft', ${hash})
               on conflict (email) do update set name = excluded.name returning id)
    insert into memberships (cohort_id, user_id, role) select ${cohortId}, id, 'instructor' from u`);
  await db.execute(sql`
    with u as (
      insert into users (email, name, password_hash)
      select 's' || g || '-' || ${tag} || '@bench.test',
        (${sql.raw(first)})[1 + g % 20] || ' ' || (${sql.raw(last)})[1 + (g / 20) % 20] || ' ' || g, ${hash}
      from generate_series(1, ${students}) g
      returning id)
    insert into memberships (cohort_id, user_id, role) select ${cohortId}, id, 'student' from u`);

  // Assignment j (0-based) is due 30, 24, 18, 12 days ago, in 1 day and in 8 days; reviews 7 days later.
  await db.execute(sql`
    insert into assignments (cohort_id, lesson_id, requirements, rubric, reviews_per_student, submission_due, review_due, paired_at)
    select ${cohortId}, l.id, '[{"template":"value-proposition","count":1,"distinctSegments":false}]'::jsonb,
      '[{"id":"clarity","title":"Klarheit","prompt":"Ist es klar?","scale":4},{"id":"fit","title":"Fit","prompt":"Passt es?","scale":5}]'::jsonb, 2,
      d.due, d.due + interval '7 days', case when d.due < now() then d.due end
    from lessons l
    join (select p, now() + (case when p < 4 then -30 + 6 * p when p = 4 then 1 else 8 end) * interval '1 day' as due
          from generate_series(0, ${DASHBOARD_ASSIGNMENTS - 1}) p) d on d.p = l.position
    where l.course_id = ${course!.id}`);

  // Submissions (with their thread and first version): 90 % of students for due assignments, 40 % for the open ones.
  await db.execute(sql`
    with pick as (
      select m.user_id, a.id as assignment_id, a.lesson_id, a.submission_due,
        abs(hashtext(m.user_id::text || a.id::text)) % 100 as r
      from memberships m cross join assignments a
      where m.cohort_id = ${cohortId} and m.role = 'student' and a.cohort_id = ${cohortId}
    ), chosen as (
      select * from pick where r < case when submission_due < now() then 90 else 40 end
    ), t as (
      insert into forum_threads (cohort_id, lesson_id, author_id, kind, title, last_activity_at, created_at)
      select ${cohortId}, c.lesson_id, c.user_id, 'submission', 'Abgabe', c.submission_due - interval '1 hour', c.submission_due - interval '1 hour'
      from chosen c
      returning id, author_id, lesson_id
    )
    insert into submissions (assignment_id, cohort_id, author_id, thread_id, late, fit_score, created_at, updated_at)
    select c.assignment_id, ${cohortId}, c.user_id, t.id, c.r < 8,
      case when c.r % 2 = 0 then (c.r % 11) / 10.0 end,
      c.submission_due + case when c.r < 8 then interval '5 hours' else - (c.r % 48) * interval '1 hour' end,
      c.submission_due
    from t join chosen c on c.user_id = t.author_id and c.lesson_id = t.lesson_id`);
  await db.execute(sql`
    insert into submission_versions (submission_id, version, canvases, late, submitted_at)
    select s.id, 1, '[]'::jsonb, s.late, s.created_at from submissions s where s.cohort_id = ${cohortId}`);

  // Paired assignments: a cycle in hash order, each reviews the next two.
  await db.execute(sql`
    with ring as (
      select s.id as submission_id, s.assignment_id, s.author_id, a.review_due,
        row_number() over (partition by s.assignment_id order by md5(s.author_id::text)) - 1 as pos,
        count(*) over (partition by s.assignment_id) as n
      from submissions s join assignments a on a.id = s.assignment_id
      where s.cohort_id = ${cohortId} and a.paired_at is not null
    ), pairs as (
      select t.*, r.author_id as reviewer_id, abs(hashtext(r.author_id::text || t.submission_id::text)) % 100 as x
      from (values (1), (2)) d(d)
      cross join ring t join ring r on r.assignment_id = t.assignment_id and (r.pos + d.d) % r.n = t.pos
    )
    insert into reviews (assignment_id, cohort_id, submission_id, author_id, reviewer_id, kind, status, due_at, assigned_at,
                         started_at, submitted_at, expired_at, helpfulness, standout)
    select assignment_id, ${cohortId}, submission_id, author_id, reviewer_id, 'duty',
      (case when x < 70 then 'submitted' when x < 85 then 'assigned' when x < 92 then 'draft' else 'expired' end)::review_status,
      review_due, review_due - interval '7 days',
      case when x >= 85 and x < 92 or x < 70 then review_due - interval '3 days' end,
      case when x < 70 then review_due - interval '1 day' - (x % 72) * interval '1 hour' end,
      case when x >= 92 then review_due + interval '1 day' end,
      case when x < 70 and x % 3 <> 0 then 1 + x % 5 end,
      case when x < 70 then 'Klare Darstellung der Pains, die Gains könnten konkreter sein.' else '' end
    from pairs`);
  await db.execute(sql`
    insert into pairings (assignment_id, seed, cycle, trigger)
    select a.id, a.id::text, coalesce((select jsonb_agg(s.author_id order by md5(s.author_id::text)) from submissions s where s.assignment_id = a.id), '[]'), 'deadline'
    from assignments a where a.cohort_id = ${cohortId} and a.paired_at is not null`);
  // A few excused students and own deadlines on the open assignment.
  await db.execute(sql`
    insert into excusals (assignment_id, user_id)
    select a.id, m.user_id from memberships m join assignments a on a.cohort_id = m.cohort_id
    where m.cohort_id = ${cohortId} and m.role = 'student' and a.paired_at is null and abs(hashtext(m.user_id::text)) % 100 = 7
      and not exists (select 1 from submissions s where s.assignment_id = a.id and s.author_id = m.user_id)`);
  // A database in use has statistics (autovacuum analyses after bulk changes); without them the
  // planner guesses a handful of rows per table and picks nested loops over 12,000 cells.
  await db.execute(sql`analyze`);
  return cohortId;
}

export type DashboardFigures = { page: autocannon.Result; statements: number; url: string };

/** The dashboard page at 5 connections (the issue's measure), and the statements of one render. */
export async function benchDashboard(baseUrl: string, cookie: string, cohortId: string, seconds: number): Promise<DashboardFigures> {
  const url = `${baseUrl}/cohorts/${cohortId}/dashboard`;
  const started = performance.now();
  const first = await fetch(url, { headers: { cookie } });
  if (!first.ok) throw new Error(`dashboard answered ${first.status}`);
  const size = (await first.text()).length;
  console.log(`first dashboard render: ${(performance.now() - started).toFixed(0)} ms, ${(size / 1024).toFixed(0)} kB of HTML`);

  // Statements of one render, counted by the server (the same measure as the pages bench).
  const { statements } = await sqlOf(baseUrl, async () => (await fetch(url, { headers: { cookie } })).text());

  await autocannon({ url, headers: { cookie }, connections: 5, duration: 2 });
  const page = await autocannon({ url, headers: { cookie }, connections: 5, duration: seconds });
  return { page, statements, url };
}

/** Alone: `npx tsx --conditions=react-server lib/bench/dashboard.ts` (DATABASE_URL selects PostgreSQL), the same figures `npm run bench` prints. */
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.env.WERKBANK_SQL_COUNT = "1";
  process.env.WERKBANK_SWEEP = "0";
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  let cohortId = "";
  const server = await startServer(Number(process.env.BENCH_PORT ?? 3300), async (db) => {
    const started = Date.now();
    cohortId = await seedDashboardCohort(db);
    console.log(`seeded ${DASHBOARD_STUDENTS} students × ${DASHBOARD_ASSIGNMENTS} assignments in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
  try {
    const cookie = await signInCookie(server.baseUrl, DASHBOARD_INSTRUCTOR, DEMO_PASSWORD);
    const f = await benchDashboard(server.baseUrl, cookie, cohortId, seconds);
    const r = f.page;
    console.log(`Cohort dashboard — ${server.database}, ${DASHBOARD_STUDENTS} × ${DASHBOARD_ASSIGNMENTS}, 5 connections, ${seconds} s`);
    console.log(`req/s ${r.requests.average}  p50 ${r.latency.p50} ms  p97.5 ${r.latency.p97_5} ms  p99 ${r.latency.p99} ms  errors ${r.errors}  non-2xx ${r.non2xx}`);
    console.log(`SQL statements per render (counted by the server): ${f.statements}`);
  } finally {
    await server.stop();
  }
}
