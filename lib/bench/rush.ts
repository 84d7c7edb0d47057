import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { encode } from "next-auth/jwt";
import postgres from "postgres";
import { actionId } from "./pages";

/**
 * The deadline rush (issue 15): 1,000 students of one cohort, seeded in bulk, behind nginx on N app
 * servers (npm run cluster: PgBouncer in transaction mode, PostgreSQL). Each student opens the
 * lesson, makes five autosaves and submits; the deadline passes and pairing runs; every student
 * opens their reviews page and submits one review. Per step: requests, errors, p50/p95/p99 and the
 * SQL statements per request as the servers counted them; then the database is checked for lost or
 * duplicated writes. Run once on two servers and once on one. `npx tsx --conditions=react-server lib/bench/rush.ts` runs just
 * this part; BENCH_RUSH_STUDENTS and BENCH_RUSH_WINDOW (seconds per step) change size and pace.
 */

const STUDENTS = Number(process.env.BENCH_RUSH_STUDENTS ?? 1000);
// Arrivals, not a fixed crowd: each step's requests are sent at an even pace over its window (an open
// model: a slow server does not slow the students down, so queueing shows in the latencies).
const WINDOW_S = Number(process.env.BENCH_RUSH_WINDOW ?? 45); // seconds per step (autosaves: twice that)
const AUTOSAVES = 5;
const PORT = Number(process.env.BENCH_RUSH_PORT ?? 3350);
const LESSON = "rush-lektion";
const COOKIE = "authjs.session-token";
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");

type Student = { id: string; cookie: string; canvasId: string; version: number; reviewId?: string; reviewVersion?: number };
type Step = { name: string; requests: number; errors: number; p50: number; p95: number; p99: number; seconds: number; statements: number; firstError?: string };
export type RushRun = { servers: number; steps: Step[]; pairingMs: number; pairingRequestMs: number; checks: Array<{ what: string; ok: boolean; detail: string }> };

function adminUrl(): string {
  return process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
}

function dbUrl(name: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

async function startCluster(servers: number, database: string, secrets: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["lib/cli/cluster.mjs", "--fresh", "--servers", String(servers), "--port", String(PORT), "--app-port", String(PORT + 1), "--pgbouncer-port", String(PORT + 20), "--database", database, "--postgres", adminUrl()],
    {
      cwd: root,
      env: { ...process.env, ...secrets, WERKBANK_SQL_COUNT: "1", DATABASE_URL: "", DATABASE_POOL_MAX: "20" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes("cluster is ready")) resolve(child);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`the cluster exited (${code}):\n${out.slice(-3000)}`)));
    setTimeout(() => reject(new Error(`the cluster did not start in 5 minutes:\n${out.slice(-3000)}`)), 300_000).unref();
  });
}

function stopCluster(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      resolve();
    }
    setTimeout(resolve, 20_000).unref();
  });
}

/** 1,000 students with a session each, an assignment due in an hour, one Empathy Map per student. */
async function seed(sql: postgres.Sql, secret: string): Promise<{ cohortId: string; assignmentId: string; students: Student[] }> {
  const [course] = await sql`select id from courses order by created_at limit 1`;
  const [lesson] = await sql`
    insert into lessons (course_id, position, slug, title, body_md)
    values (${course!.id}, 100, ${LESSON}, 'Deadline-Ansturm', '## Eine Empathy Map für den Ansturm') returning id`;
  const [cohort] = await sql`
    insert into cohorts (course_id, name, starts_on, ends_on)
    values (${course!.id}, 'Ansturm 2026', now() - interval '30 days', now() + interval '30 days') returning id`;
  const cohortId = cohort!.id as string;
  const users = await sql`
    with u as (
      insert into users (email, name, password_hash)
      select 'rush' || g || '@bench.test', 'Ansturm ' || g, 'no-password' from generate_series(1, ${STUDENTS}) g
      returning id)
    insert into memberships (cohort_id, user_id, role) select ${cohortId}, id, 'student' from u returning user_id`;
  const [assignment] = await sql`
    insert into assignments (cohort_id, lesson_id, requirements, rubric, reviews_per_student, submission_due, review_due)
    values (${cohortId}, ${lesson!.id}, '[{"template":"empathy-map","count":1,"distinctSegments":false}]'::jsonb,
      '[{"id":"clarity","title":"Klarheit","prompt":"Ist es klar?","scale":4},{"id":"depth","title":"Tiefe","prompt":"Geht es in die Tiefe?","scale":5}]'::jsonb,
      2, now() + interval '1 hour', now() + interval '8 days') returning id`;
  const canvases = await sql`
    insert into canvases (cohort_id, owner_id, template, title, document)
    select ${cohortId}, m.user_id, 'empathy-map', 'Meine Empathy Map',
      '{"blocks":{"pains":[{"id":"note0001","text":"Kein Frühstück vor dem Zug","tags":[],"segments":[]}]},"links":[]}'::jsonb
    from memberships m where m.cohort_id = ${cohortId} and m.role = 'student' returning id, owner_id`;
  const canvasOf = new Map(canvases.map((c) => [c.owner_id as string, c.id as string]));
  // Sessions as a sign-in makes them (argon2 a thousand times would measure the bench, not the rush).
  const tokens = users.map(() => randomBytes(32).toString("base64url"));
  await sql`
    insert into sessions (session_token, user_id, expires, session_version)
    select t, u, now() + interval '1 day', 1 from unnest(${tokens}::text[], ${users.map((u) => u.user_id as string)}::uuid[]) as x(t, u)`;
  await sql`analyze`;
  const students: Student[] = [];
  for (const [i, u] of users.entries()) {
    const jwt = await encode({ token: { uid: u.user_id, sid: tokens[i] }, secret, salt: COOKIE, maxAge: 86_400 });
    students.push({ id: u.user_id as string, cookie: `${COOKIE}=${jwt}`, canvasId: canvasOf.get(u.user_id as string)!, version: 1 });
  }
  return { cohortId, assignmentId: assignment!.id as string, students };
}

type Counted = { statements: number };
async function counts(ports: number[]): Promise<number> {
  let total = 0;
  for (const p of ports) {
    const body = (await (await fetch(`http://127.0.0.1:${p}/api/health`)).json()) as Partial<Counted>;
    total += body.statements ?? 0;
  }
  return total;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/**
 * Sends `work` for every item at an even pace over `windowS` seconds, whatever the answers take; a
 * request that throws or answers ≥ 400 is an error. Latency is measured from the planned start.
 */
async function step<T>(name: string, ports: number[], items: T[], windowS: number, work: (item: T) => Promise<void>): Promise<Step> {
  const before1 = await counts(ports);
  const before2 = await counts(ports);
  const healthCost = before2 - before1;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const interval = (windowS * 1000) / items.length;
  const started = performance.now();
  await Promise.all(
    items.map(async (item, i) => {
      const planned = started + i * interval;
      const wait = planned - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      try {
        await work(item);
      } catch (error) {
        errors++;
        firstError ??= String((error as Error).message).slice(0, 300);
      }
      latencies.push(performance.now() - planned);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = await counts(ports);
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: items.length,
    errors,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    seconds,
    statements: (after - before2 - healthCost) / items.length,
    firstError,
  };
}

async function runOnce(servers: number): Promise<RushRun> {
  const database = `werkbank_rush_${servers}`;
  const secrets = { AUTH_SECRET: randomBytes(33).toString("base64"), NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
  const cluster = await startCluster(servers, database, secrets);
  const sql = postgres(dbUrl(database), { max: 4, onnotice: () => {} });
  try {
    const ports = Array.from({ length: servers }, (_, i) => PORT + 1 + i);
    const base = `http://localhost:${PORT}`;
    const { cohortId, assignmentId, students } = await seed(sql, secrets.AUTH_SECRET);
    const save = actionId("saveCanvasAction", "canvases/actions.ts");
    const submit = actionId("submitAction", "[lessonSlug]/actions.ts");
    const review = actionId("submitReviewAction", "reviews/actions.ts");
    const lessonPath = `/cohorts/${cohortId}/lessons/${LESSON}`;
    const doc = (s: Student, n: number) =>
      JSON.stringify({ blocks: { pains: [{ id: "note0001", text: `Kein Frühstück vor dem Zug (${n})`, tags: [], segments: [] }] }, links: [] });

    const get = async (s: Student, url: string) => {
      const res = await fetch(`${base}${url}`, { headers: { cookie: s.cookie }, redirect: "manual" });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    };
    const act = async (s: Student, id: string, url: string, input: unknown) => {
      const res = await fetch(`${base}${url}`, {
        method: "POST",
        redirect: "manual",
        headers: { cookie: s.cookie, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", "next-action": id },
        body: JSON.stringify([null, input]),
      });
      const text = await res.text();
      if (res.status >= 400 || text.includes('"ok":false')) throw new Error(`action answered ${res.status}: ${text.slice(0, 200)}`);
      return text;
    };

    await get(students[0]!, lessonPath); // warm-up of each server's first render is part of the rush
    const steps: Step[] = [];
    steps.push(await step("open the lesson", ports, students, WINDOW_S, (s) => get(s, lessonPath)));
    // Round j of autosaves: every student once, then round j + 1.
    const saves = Array.from({ length: AUTOSAVES }, () => students).flat();
    // A student's autosaves follow one another (each carries the version the last one returned);
    // the students' saves interleave.
    const queue = new Map(students.map((s) => [s.id, Promise.resolve()]));
    steps.push(
      await step(`autosave ×${AUTOSAVES}`, ports, saves, 2 * WINDOW_S, (s) => {
        const run = queue.get(s.id)!.then(async () => {
          const text = await act(s, save, `/cohorts/${cohortId}/canvases/${s.canvasId}`, { canvasId: s.canvasId, cohortId, baseVersion: s.version, document: doc(s, s.version) });
          const v = text.match(/"version":(\d+)/);
          if (!v) throw new Error(`autosave did not save: ${text.slice(0, 200)}`);
          s.version = Number(v[1]);
        });
        queue.set(s.id, run.catch(() => {}));
        return run;
      }),
    );
    steps.push(await step("submit", ports, students, WINDOW_S, (s) => act(s, submit, lessonPath, { cohortId, assignmentId, canvasIds: [s.canvasId] }).then(() => {})));

    // The deadline passes: the first view of the lesson pairs (or a server's minute sweep, whichever is first).
    await sql`update assignments set submission_due = now() - interval '1 second' where id = ${assignmentId}`;
    const t0 = performance.now();
    await get(students[0]!, lessonPath);
    const pairingRequestMs = performance.now() - t0;
    for (;;) {
      const [a] = await sql`select paired_at from assignments where id = ${assignmentId}`;
      if (a!.paired_at) break;
      if (performance.now() - t0 > 120_000) throw new Error("pairing did not happen within 2 minutes");
      await new Promise((r) => setTimeout(r, 50));
    }
    const pairingMs = performance.now() - t0;

    steps.push(await step("open the reviews page", ports, students, WINDOW_S, (s) => get(s, `/cohorts/${cohortId}/reviews`)));
    const open = await sql`
      select distinct on (reviewer_id) id, reviewer_id, version from reviews
      where assignment_id = ${assignmentId} and status = 'assigned' order by reviewer_id, assigned_at, id`;
    const byReviewer = new Map(open.map((r) => [r.reviewer_id as string, r]));
    for (const s of students) {
      const r = byReviewer.get(s.id);
      s.reviewId = r?.id as string | undefined;
      s.reviewVersion = r?.version as number | undefined;
    }
    const comment = "Die Pains sind konkret benannt und aus Sicht der Pendler beschrieben; ein Zitat aus einem Interview würde sie belegen.";
    steps.push(
      await step("submit a review", ports, students, WINDOW_S, async (s) => {
        if (!s.reviewId) throw new Error("no open review to give");
        await act(s, review, `/cohorts/${cohortId}/reviews`, {
          cohortId,
          reviewId: s.reviewId,
          baseVersion: s.reviewVersion,
          scores: { clarity: { score: 3, comment }, depth: { score: 4, comment } },
          standout: "Am stärksten ist die klare Sprache der Pains; als Nächstes würde ich die Gains genauso konkret fassen.",
          anchors: [],
        });
      }),
    );

    // What the database holds afterwards: nothing lost, nothing twice.
    const n = students.length;
    const [c] = await sql`
      select
        (select count(*)::int from canvases where cohort_id = ${cohortId} and version = ${1 + AUTOSAVES}) as saved,
        (select count(*)::int from submissions where assignment_id = ${assignmentId}) as submissions,
        (select count(*)::int from submission_versions v join submissions s on s.id = v.submission_id where s.assignment_id = ${assignmentId}) as versions,
        (select count(*)::int from reviews where assignment_id = ${assignmentId}) as reviews,
        (select count(*)::int from (select reviewer_id from reviews where assignment_id = ${assignmentId} group by 1 having count(*) = 2) x) as give_two,
        (select count(*)::int from (select submission_id from reviews where assignment_id = ${assignmentId} group by 1 having count(*) >= 2) x) as get_two,
        (select count(*)::int from (select reviewer_id, submission_id from reviews where assignment_id = ${assignmentId} group by 1, 2 having count(*) > 1) x) as duplicate_pairs,
        (select count(*)::int from reviews where assignment_id = ${assignmentId} and status = 'submitted') as submitted,
        (select count(distinct post_id)::int from reviews where assignment_id = ${assignmentId} and status = 'submitted') as review_posts,
        (select count(*)::int from pairings where assignment_id = ${assignmentId}) as pairings,
        (select count(*)::int from notifications where assignment_id = ${assignmentId} and kind = 'review_assigned') as assigned_notes,
        (select count(distinct user_id)::int from notifications where assignment_id = ${assignmentId} and kind = 'review_assigned') as assigned_users`;
    const check = (what: string, ok: boolean, detail: string) => ({ what, ok, detail });
    const checks = [
      check("every autosave kept (version 1 + 5 on each canvas)", c!.saved === n, `${c!.saved}/${n}`),
      check("one submission, one version per student", c!.submissions === n && c!.versions === n, `${c!.submissions} submissions, ${c!.versions} versions`),
      check("pairing ran once", c!.pairings === 1, `${c!.pairings} pairing rows`),
      check("2 reviews given and ≥ 2 received each, no pair twice", c!.reviews === 2 * n && c!.give_two === n && c!.get_two === n && c!.duplicate_pairs === 0, `${c!.reviews} reviews, ${c!.duplicate_pairs} duplicate pairs`),
      check("one submitted review per student, each one post", c!.submitted === n && c!.review_posts === n, `${c!.submitted} submitted, ${c!.review_posts} posts`),
      check("one review-assigned notification per student", c!.assigned_notes === n && c!.assigned_users === n, `${c!.assigned_notes} notifications for ${c!.assigned_users} students`),
    ];
    return { servers, steps, pairingMs, pairingRequestMs, checks };
  } finally {
    await sql.end({ timeout: 2 });
    await stopCluster(cluster);
    const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${database}" with (force)`).catch(() => {});
    await admin.end({ timeout: 2 });
  }
}

export async function benchRush(): Promise<RushRun[]> {
  const runs: RushRun[] = [];
  const counts = (process.env.BENCH_RUSH_SERVERS ?? "2,1").split(",").map(Number);
  for (const servers of counts) runs.push(await runOnce(servers));
  return runs;
}

export function printRush(runs: RushRun[]): void {
  console.log(`\nDeadline rush — ${STUDENTS} students, each step's requests spread over ${WINDOW_S} s (autosaves ${2 * WINDOW_S} s), nginx → app servers → PgBouncer (transaction mode) → PostgreSQL`);
  console.log("servers  step                     requests  errors   p50 ms   p95 ms   p99 ms   req/s  SQL/req");
  for (const run of runs) {
    for (const s of run.steps) {
      const mark = s.errors > 0 || s.p95 > 1000 ? " !" : "";
      console.log(
        `${String(run.servers).padStart(7)}  ${s.name.padEnd(24)} ${String(s.requests).padStart(8)} ${String(s.errors).padStart(7)} ${s.p50.toFixed(0).padStart(8)} ${s.p95.toFixed(0).padStart(8)} ${s.p99.toFixed(0).padStart(8)} ${(s.requests / s.seconds).toFixed(0).padStart(7)} ${s.statements.toFixed(1).padStart(8)}${mark}`,
      );
      if (s.firstError) console.log(`         first error: ${s.firstError}`);
    }
    console.log(`${String(run.servers).padStart(7)}  pairing ${STUDENTS} submitters: ${run.pairingMs.toFixed(0)} ms until committed (the lesson view that triggered it: ${run.pairingRequestMs.toFixed(0)} ms)`);
    for (const c of run.checks) console.log(`         ${c.ok ? "ok  " : "FAIL"} ${c.what}: ${c.detail}`);
  }
  console.log("Goal: 0 errors, 0 lost or duplicated writes, p95 ≤ 1 s per step ('!' marks a miss).");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printRush(await benchRush());
  process.exit(0);
}
