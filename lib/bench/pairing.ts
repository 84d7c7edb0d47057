import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { rowsOf, schema, type Db } from "@/db";
import { migrateDatabase, migrationsFolder } from "@/db/migrate";
import { assignments, cohorts, courses, forumThreads, lessons, memberships, submissions, submissionVersions, users } from "@/db/schema";
import * as core from "@/lib/pairing/core";
import { excuse, expireOverdue, loadAssignment, onFirstSubmission, pairAssignment, pairingSummary, type PairingAssignment } from "@/lib/pairing/store";
import { REVIEW_GRACE_MS } from "@/lib/pairing/types";

/**
 * The pairing bench (part of `npm run bench`, or alone: `npx tsx --conditions=react-server lib/bench/pairing.ts`): on its
 * own throw-away database (PGlite in memory, or a fresh database on DATABASE_URL's server) it
 * pairs 10,000 submitters in one transaction, writes included, and then runs random repairs (late
 * submitters, excusals, expiries), each in its own transaction, and checks the guarantees after.
 */

const SUBMITTERS = Number(process.env.BENCH_PAIRING_SUBMITTERS ?? 10_000);
const RUNS = 3;
const K = 2;
/** Repairs on their own assignment; each one loads the whole assignment, so the size is a parameter. */
const REPAIRS = Number(process.env.BENCH_PAIRING_REPAIRS ?? 1000);
const REPAIR_SUBMITTERS = Number(process.env.BENCH_PAIRING_REPAIR_SUBMITTERS ?? 1000);
/** A smaller sample of repairs at the full size. */
const SAMPLE = Number(process.env.BENCH_PAIRING_SAMPLE ?? 50);

type Handle = { db: Db; database: string; close: () => Promise<void> };

export async function openDatabase(): Promise<Handle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `werkbank_pairing_${randomBytes(4).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    try {
      await migrateDatabase(target.toString());
    } catch (e) {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
      throw e;
    }
    const client = postgres(target.toString(), { max: 2, onnotice: () => {} });
    return {
      db: drizzlePostgres(client, { schema, casing: "snake_case" }),
      database: "PostgreSQL (postgres.js)",
      close: async () => {
        await client.end({ timeout: 5 });
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      },
    };
  }
  const client = new PGlite();
  const db = drizzlePglite(client, { schema, casing: "snake_case" });
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, database: "PGlite (in memory)", close: () => client.close() };
}

// ---------------------------------------------------------------- seeding

/** The helpers below are exported for one-off experiments (e.g. a changed store against the same data). */
export type World = { cohortId: string; courseId: string; instructorId: string; students: string[]; lessons: string[] };

const json = (ids: readonly string[]) => JSON.stringify(ids);
const DAY = 24 * 60 * 60 * 1000;

export async function seedWorld(db: Db, students: number): Promise<World> {
  const [instructor] = await db
    .insert(users)
    .values({ email: "instructor@pairing.test", name: "Bench Instructor", passwordHash: "bench" })
    .returning({ id: users.id });
  const [course] = await db.insert(courses).values({ slug: "pairing-bench", title: "Pairing bench" }).returning({ id: courses.id });
  const lessonRows = await db
    .insert(lessons)
    .values(Array.from({ length: 12 }, (_, i) => ({ courseId: course!.id, position: i, slug: `lesson-${i + 1}`, title: `Lektion ${i + 1}` })))
    .returning({ id: lessons.id });
  const [cohort] = await db
    .insert(cohorts)
    .values({ courseId: course!.id, name: "Bench cohort", startsOn: new Date(Date.now() - 60 * DAY), endsOn: new Date(Date.now() + 60 * DAY) })
    .returning({ id: cohorts.id });
  // One statement each, whatever the size: no parameter limit, no round trips.
  await db.execute(sql`
    insert into users (email, name, password_hash)
    select 'student' || g || '@pairing.test', 'Student ' || g, 'bench' from generate_series(1, ${students}::int) g`);
  await db.execute(sql`
    insert into memberships (cohort_id, user_id, role)
    select ${cohort!.id}::uuid, id, 'student' from users where email like 'student%@pairing.test'`);
  await db.insert(memberships).values({ cohortId: cohort!.id, userId: instructor!.id, role: "instructor" });
  const ids = rowsOf<{ id: string }>(await db.execute(sql`select id from users where email like 'student%@pairing.test' order by id`));
  return { cohortId: cohort!.id, courseId: course!.id, instructorId: instructor!.id, students: ids.map((r) => r.id), lessons: lessonRows.map((l) => l.id) };
}

/** An assignment past its submission deadline with one submission (thread, submission, version 1) per author. */
export async function seedAssignment(db: Db, w: World, lessonId: string, authors: readonly string[]): Promise<PairingAssignment> {
  const [row] = await db
    .insert(assignments)
    .values({
      cohortId: w.cohortId,
      lessonId,
      requirements: [],
      rubric: [],
      reviewsPerStudent: K,
      submissionDue: new Date(Date.now() - DAY),
      reviewDue: new Date(Date.now() + 7 * DAY),
    })
    .returning({ id: assignments.id });
  await db.execute(sql`
    with a as (select value::uuid as author_id from json_array_elements_text(${json(authors)}::json)),
    t as (
      insert into forum_threads (cohort_id, lesson_id, author_id, kind, title)
      select ${w.cohortId}::uuid, ${lessonId}::uuid, author_id, 'submission', 'Abgabe' from a
      returning id, author_id
    )
    insert into submissions (assignment_id, cohort_id, author_id, thread_id)
    select ${row!.id}::uuid, ${w.cohortId}::uuid, author_id, id from t`);
  await db.execute(sql`
    insert into submission_versions (submission_id, version, canvases)
    select id, 1, '[]'::jsonb from submissions where assignment_id = ${row!.id}::uuid`);
  // What autovacuum would have done by the time a real deadline passes.
  await db.execute(sql`analyze`);
  return (await loadAssignment(db, row!.id))!;
}

/**
 * Deletes an assignment with its submissions, reviews and notifications, so that its lesson is free
 * for the next run. The submission threads stay: deleting 10,000 threads costs a scan of the
 * notifications per thread (notifications.thread_id has no index), and they are in nobody's way.
 */
async function dropAssignment(db: Db, a: PairingAssignment): Promise<void> {
  await db.execute(sql`delete from notifications where assignment_id = ${a.id}::uuid`);
  await db.execute(sql`delete from assignments where id = ${a.id}::uuid`);
}

async function countRows(db: Db, a: PairingAssignment): Promise<{ reviews: number; notifications: number }> {
  const [r] = rowsOf<{ reviews: number; notifications: number }>(
    await db.execute(sql`
      select (select count(*)::int from reviews where assignment_id = ${a.id}::uuid) as reviews,
             (select count(*)::int from notifications where assignment_id = ${a.id}::uuid) as notifications`),
  );
  return r!;
}

// ---------------------------------------------------------------- figures

const ms = (n: number) => n.toFixed(1);
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
function stats(times: readonly number[]) {
  const s = [...times].sort((a, b) => a - b);
  return { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), max: s[s.length - 1] ?? NaN, total: s.reduce((x, y) => x + y, 0) };
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await run();
  return { ms: performance.now() - t0, value };
}

type PairFigures = { label: string; times: number[]; reviews: number; notifications: number; repeats: number };

/** Pairs RUNS fresh assignments of `authors`, each dropped after: the whole transaction, commit included. */
async function benchPairRuns(db: Db, w: World, label: string, lessonId: string, authors: readonly string[]): Promise<PairFigures> {
  const out: PairFigures = { label, times: [], reviews: 0, notifications: 0, repeats: 0 };
  for (let run = 0; run < RUNS; run++) {
    const a = await seedAssignment(db, w, lessonId, authors);
    const { ms: took, value } = await timed(() => db.transaction((tx) => pairAssignment(tx, a, "deadline")));
    const rows = await countRows(db, a);
    if (!value.created || rows.reviews !== authors.length * K) throw new Error(`pairing wrote ${rows.reviews} reviews, expected ${authors.length * K}`);
    out.times.push(took);
    out.reviews = rows.reviews;
    out.notifications = rows.notifications;
    out.repeats = Math.max(out.repeats, value.repeats);
    await dropAssignment(db, a);
  }
  return out;
}

// ---------------------------------------------------------------- repairs

type RepairKind = "late submitter" | "excusal" | "expiry";
type RepairFigures = { submitters: number; times: Record<RepairKind, number[]>; expired: number; wall: number };

/**
 * Random repairs on a paired assignment, each in its own transaction: a late submitter arrives (a
 * new student, membership, thread, submission and version, then onFirstSubmission: the whole
 * submitting transaction is timed), an instructor excuses an active submitter, or a few reviews
 * are overdue and expireOverdue runs (the due times are moved back outside the timed transaction).
 */
async function benchRepairs(db: Db, w: World, a: PairingAssignment, active: string[], count: number, tag: string): Promise<RepairFigures> {
  const random = core.seededRandom(`repairs:${tag}`);
  const times: RepairFigures["times"] = { "late submitter": [], excusal: [], expiry: [] };
  let expired = 0;
  const actor = { id: w.instructorId, isAdmin: false };
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const r = random();
    if (r < 0.4) {
      const email = `late-${tag}-${i}@pairing.test`;
      const { ms: took } = await timed(() =>
        db.transaction(async (tx) => {
          const now = new Date();
          const [user] = await tx.insert(users).values({ email, name: `Late ${i}`, passwordHash: "bench" }).returning({ id: users.id });
          await tx.insert(memberships).values({ cohortId: w.cohortId, userId: user!.id, role: "student" });
          const [thread] = await tx
            .insert(forumThreads)
            .values({ cohortId: w.cohortId, lessonId: a.lessonId, authorId: user!.id, kind: "submission", title: "Späte Abgabe" })
            .returning({ id: forumThreads.id });
          const [submission] = await tx
            .insert(submissions)
            .values({ assignmentId: a.id, cohortId: w.cohortId, authorId: user!.id, threadId: thread!.id })
            .returning({ id: submissions.id });
          await tx.insert(submissionVersions).values({ submissionId: submission!.id, version: 1, canvases: [], late: true });
          await onFirstSubmission(tx, a, user!.id, now);
          active.push(user!.id);
        }),
      );
      times["late submitter"].push(took);
    } else if (r < 0.7 && active.length > K + 1) {
      const index = Math.floor(random() * active.length);
      const userId = active[index]!;
      active[index] = active[active.length - 1]!;
      active.pop();
      const { ms: took } = await timed(() => db.transaction((tx) => excuse(tx, actor, a.id, userId)));
      times.excusal.push(took);
    } else {
      // Three open reviews run past their due time plus grace.
      await db.execute(sql`
        update reviews set due_at = now() - interval '3 days'
        where id in (select id from reviews where assignment_id = ${a.id}::uuid and status in ('assigned', 'draft') order by random() limit 3)`);
      const cutoff = new Date(Date.now() - REVIEW_GRACE_MS);
      const { ms: took, value } = await timed(() => db.transaction((tx) => expireOverdue(tx, a, cutoff)));
      expired += value;
      times.expiry.push(took);
    }
  }
  return { submitters: active.length, times, expired, wall: performance.now() - t0 };
}

/** Marks a share of the reviews as started (draft) or submitted, so that repairs meet work in progress. */
async function startSomeReviews(db: Db, a: PairingAssignment): Promise<void> {
  await db.execute(sql`
    update reviews set status = case when random() < 0.5 then 'draft'::review_status else 'submitted'::review_status end,
      started_at = now(), submitted_at = now()
    where assignment_id = ${a.id}::uuid and random() < 0.3`);
  await db.execute(sql`update reviews set submitted_at = null where assignment_id = ${a.id}::uuid and status = 'draft'`);
}

/** A paired assignment for repairs: `authors` submitted, the pairing ran, 30 % of the reviews are under way. */
async function pairedForRepairs(db: Db, w: World, lessonId: string, authors: readonly string[]): Promise<PairingAssignment> {
  const a = await seedAssignment(db, w, lessonId, authors);
  await db.transaction((tx) => pairAssignment(tx, a, "deadline"));
  await startSomeReviews(db, a);
  await db.execute(sql`analyze`);
  return (await loadAssignment(db, a.id))!;
}

// ---------------------------------------------------------------- guarantees

/**
 * The guarantees on the database state after the repairs: no self-review and no pair twice (the
 * database's own constraints, counted anyway); the kept cycle plus the outside members are exactly
 * the active submitters; cycle members' duties are exactly the ones the cycle implies; every active
 * submitter owes exactly min(k, n − 1) duties on active submissions; nobody excused keeps an open
 * task; the store's pool summary matches a count made here.
 */
async function checkGuarantees(db: Db, a: PairingAssignment): Promise<{ violations: string[]; n: number; outside: number; poolSlots: number }> {
  const violations: string[] = [];
  const [dup] = rowsOf<{ self: number; dup: number }>(
    await db.execute(sql`
      select (select count(*)::int from reviews where reviewer_id = author_id) as self,
             (select count(*)::int from (select 1 from reviews group by reviewer_id, submission_id having count(*) > 1) d) as dup`),
  );
  if (dup!.self > 0) violations.push(`${dup!.self} self-reviews`);
  if (dup!.dup > 0) violations.push(`${dup!.dup} duplicate pairs`);

  const activeRows = rowsOf<{ author_id: string }>(
    await db.execute(sql`
      select s.author_id from submissions s
      join memberships m on m.cohort_id = s.cohort_id and m.user_id = s.author_id and m.role = 'student'
      where s.assignment_id = ${a.id}::uuid
        and not exists (select 1 from excusals e where e.assignment_id = s.assignment_id and e.user_id = s.author_id)`),
  );
  const active = new Set(activeRows.map((r) => r.author_id));
  const n = active.size;
  const [pairing] = rowsOf<{ cycle: string[] | string; outside: string[] | string }>(
    await db.execute(sql`select cycle, outside from pairings where assignment_id = ${a.id}::uuid`),
  );
  const parse = (v: string[] | string): string[] => (typeof v === "string" ? (JSON.parse(v) as string[]) : v);
  const cycle = parse(pairing!.cycle);
  const outside = parse(pairing!.outside);
  const members = [...cycle, ...outside];
  if (new Set(members).size !== members.length) violations.push("a submitter sits twice in cycle/outside");
  const missing = [...active].filter((id) => !members.includes(id)).length;
  const stale = members.filter((id) => !active.has(id)).length;
  if (missing > 0) violations.push(`${missing} active submitters not in the cycle or outside`);
  if (stale > 0) violations.push(`${stale} inactive users still in the cycle or outside`);

  const rows = rowsOf<{ reviewer_id: string; author_id: string; kind: string; status: string }>(
    await db.execute(sql`select reviewer_id, author_id, kind, status from reviews where assignment_id = ${a.id}::uuid`),
  );
  const live = rows.filter((r) => active.has(r.author_id));
  const inCycle = new Set(cycle);
  const cycleDuties = new Set(live.filter((r) => r.kind === "duty" && inCycle.has(r.reviewer_id)).map((r) => core.pairKey({ reviewer: r.reviewer_id, author: r.author_id })));
  const implied = new Set(core.cyclePairs(cycle, K).map(core.pairKey));
  const notImplied = [...cycleDuties].filter((key) => !implied.has(key)).length;
  const absent = [...implied].filter((key) => !cycleDuties.has(key)).length;
  if (notImplied > 0) violations.push(`${notImplied} cycle duties the cycle does not imply`);
  if (absent > 0) violations.push(`${absent} duties the cycle implies are missing`);

  const owed = Math.min(K, n - 1);
  const duties = new Map<string, number>();
  for (const r of live) if (r.kind === "duty") duties.set(r.reviewer_id, (duties.get(r.reviewer_id) ?? 0) + 1);
  const wrong = [...active].filter((id) => (duties.get(id) ?? 0) !== owed).length;
  if (wrong > 0) violations.push(`${wrong} active submitters without exactly ${owed} duties`);
  const openOfInactive = rows.filter((r) => (r.status === "assigned" || r.status === "draft") && (!active.has(r.reviewer_id) || !active.has(r.author_id))).length;
  if (openOfInactive > 0) violations.push(`${openOfInactive} open reviews of inactive users`);

  const received = new Map<string, number>();
  for (const r of live) if (r.status !== "expired") received.set(r.author_id, (received.get(r.author_id) ?? 0) + 1);
  const poolSlots = [...active].reduce((sum, id) => sum + Math.max(0, K - (received.get(id) ?? 0)), 0);
  const summary = await pairingSummary(db, a);
  if (summary?.poolSlots !== poolSlots) violations.push(`pool: store says ${summary?.poolSlots}, counted ${poolSlots}`);
  return { violations, n, outside: outside.length, poolSlots };
}

// ---------------------------------------------------------------- the bench

export async function benchPairing(): Promise<void> {
  const handle = await openDatabase();
  const { db } = handle;
  try {
    const t0 = performance.now();
    const w = await seedWorld(db, SUBMITTERS);
    const seedMs = performance.now() - t0;
    const lesson = (i: number) => w.lessons[i]!;

    // Pairing with nothing to avoid, then with one earlier assignment of the cohort paired.
    const plain = await benchPairRuns(db, w, "pair, no earlier assignment", lesson(0), w.students);
    const earlier = await seedAssignment(db, w, lesson(1), w.students);
    await db.transaction((tx) => pairAssignment(tx, earlier, "deadline"));
    const avoiding = await benchPairRuns(db, w, "pair, avoiding 1 earlier", lesson(0), w.students);

    // The pure core alone, on the same ids.
    const avoid = new Set(
      rowsOf<{ reviewer_id: string; author_id: string }>(await db.execute(sql`select reviewer_id, author_id from reviews where assignment_id = ${earlier.id}::uuid`)).map((r) =>
        core.pairKey({ reviewer: r.reviewer_id, author: r.author_id }),
      ),
    );
    const coreTimes = { plain: [] as number[], avoiding: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      const seed = randomBytes(16).toString("hex");
      let t = performance.now();
      core.allocate(w.students, K, { seed });
      coreTimes.plain.push(performance.now() - t);
      t = performance.now();
      core.allocate(w.students, K, { seed, avoid });
      coreTimes.avoiding.push(performance.now() - t);
    }

    // Repairs: a sample at the full size, then the full count on REPAIR_SUBMITTERS.
    const sampleAssignment = await pairedForRepairs(db, w, lesson(2), w.students);
    const sample = await benchRepairs(db, w, sampleAssignment, [...w.students], SAMPLE, "sample");
    const sampleCheck = await checkGuarantees(db, sampleAssignment);
    const repairAuthors = w.students.slice(0, REPAIR_SUBMITTERS);
    const repairAssignment = await pairedForRepairs(db, w, lesson(3), repairAuthors);
    const repairs = await benchRepairs(db, w, repairAssignment, [...repairAuthors], REPAIRS, "full");
    const check = await checkGuarantees(db, repairAssignment);

    const n = (x: number) => x.toLocaleString("en-US");
    console.log(`\nPairing — ${handle.database}, k = ${K}, ${new Date().toISOString()} (seeding ${n(SUBMITTERS)} students: ${ms(seedMs)} ms)`);
    console.log(`${"one transaction, commit included".padEnd(46)} runs  median ms    max ms  reviews  notifications  repeats`);
    for (const f of [plain, avoiding]) {
      const s = stats(f.times);
      console.log(
        `${`${f.label} (${n(SUBMITTERS)})`.padEnd(46)} ${String(s.n).padStart(4)} ${ms(s.p50).padStart(10)} ${ms(s.max).padStart(9)} ${String(f.reviews).padStart(8)} ${String(f.notifications).padStart(14)} ${String(f.repeats).padStart(8)}`,
      );
    }
    for (const [label, times] of [
      ["core.allocate alone, nothing to avoid", coreTimes.plain],
      [`core.allocate alone, avoiding ${n(avoid.size)} pairs`, coreTimes.avoiding],
    ] as const) {
      const s = stats(times);
      console.log(`${label.padEnd(46)} ${String(s.n).padStart(4)} ${ms(s.p50).padStart(10)} ${ms(s.max).padStart(9)}`);
    }
    console.log(`goal: pairing ${n(SUBMITTERS)} ≤ 1000 ms on PostgreSQL`);

    const kinds: RepairKind[] = ["late submitter", "excusal", "expiry"];
    const printRepairs = (title: string, f: RepairFigures, start: number) => {
      console.log(`\n${title}`);
      console.log("repair, own transaction     count    p50 ms    p95 ms    max ms");
      const all: number[] = [];
      for (const kind of kinds) {
        const s = stats(f.times[kind]);
        all.push(...f.times[kind]);
        console.log(`${kind.padEnd(26)} ${String(s.n).padStart(6)} ${ms(s.p50).padStart(9)} ${ms(s.p95).padStart(9)} ${ms(s.max).padStart(9)}`);
      }
      const s = stats(all);
      console.log(`${"all".padEnd(26)} ${String(s.n).padStart(6)} ${ms(s.p50).padStart(9)} ${ms(s.p95).padStart(9)} ${ms(s.max).padStart(9)}`);
      console.log(`total ${(f.wall / 1000).toFixed(1)} s (${(s.total / 1000).toFixed(1)} s in the timed transactions); submitters ${n(start)} → ${n(f.submitters)}, reviews expired: ${f.expired}`);
    };
    printRepairs(`Repairs — ${n(REPAIRS)} random, on ${n(REPAIR_SUBMITTERS)} submitters (30 % of the reviews under way)`, repairs, REPAIR_SUBMITTERS);
    printRepairs(`Repairs — sample of ${n(SAMPLE)}, on ${n(SUBMITTERS)} submitters`, sample, SUBMITTERS);
    for (const [label, c] of [
      [`after ${n(REPAIRS)} repairs`, check],
      [`after the sample of ${n(SAMPLE)}`, sampleCheck],
    ] as const) {
      const verdict = c.violations.length === 0 ? "guarantees hold" : `VIOLATIONS: ${c.violations.join("; ")}`;
      console.log(`${label}: ${verdict} (${n(c.n)} active submitters, ${c.outside} outside the cycle, ${c.poolSlots} pool slots)`);
    }
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await benchPairing();
}
