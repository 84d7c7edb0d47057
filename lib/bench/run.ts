import autocannon from "autocannon";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { launchBrowser } from "./browser";
import { benchCanvas } from "./canvas";
import { benchDashboard, DASHBOARD_ASSIGNMENTS, DASHBOARD_INSTRUCTOR, DASHBOARD_STUDENTS, seedDashboardCohort } from "./dashboard";
import { benchForum, REPLIES, seedForum, THREADS } from "./forum";
import { benchPages, pagesJs, printJs, printPages, seedPages, serverPid } from "./pages";
import { benchPairing } from "./pairing";
import { benchRush, printRush } from "./rush";
import { signInCookie, startServer } from "./server";

// `npm run bench`: figures for the record, no pass or fail. DATABASE_URL selects PostgreSQL.
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

type Figures = { name: string; rps: number; p50: number; p975: number; errors: number; non2xx: number };

async function load(name: string, url: string, headers: Record<string, string>): Promise<Figures> {
  // A short warm-up so the first compile-on-demand and cold caches do not count.
  await autocannon({ url, headers, connections: 5, duration: 2 });
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS });
  return { name, rps: r.requests.average, p50: r.latency.p50, p975: r.latency.p97_5, errors: r.errors, non2xx: r.non2xx };
}

const HEADER = "target                     req/s    p50 ms  p97.5 ms  errors  non-2xx";
function row(name: string, r: { rps: number; p50: number; p975: number; errors: number; non2xx: number }): string {
  return `${name.padEnd(26)} ${r.rps.toFixed(0).padStart(6)} ${String(r.p50).padStart(9)} ${String(r.p975).padStart(9)} ${String(r.errors).padStart(7)} ${String(r.non2xx).padStart(8)}`;
}
const figures = (r: autocannon.Result) => ({ rps: r.requests.average, p50: r.latency.p50, p975: r.latency.p97_5, errors: r.errors, non2xx: r.non2xx });

// The server counts its SQL statements for the dashboard figure; the minute sweep would add its own, so it is off.
process.env.WERKBANK_SQL_COUNT = "1";
process.env.WERKBANK_SWEEP = "0";
let bigCohort = "";
let canvasIds: string[] = [];
const server = await startServer(PORT, async (db) => {
  await seedForum(db);
  canvasIds = await seedPages(db);
  const started = Date.now();
  bigCohort = await seedDashboardCohort(db);
  console.log(`seeded a cohort of ${DASHBOARD_STUDENTS} students × ${DASHBOARD_ASSIGNMENTS} assignments in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
try {
  // First, before any load has warmed or grown anything: CPU per request, HTML, statements and round trips of every page.
  printPages(server.database, await benchPages(server, serverPid(server.pid), bigCohort, canvasIds));
  printJs(await pagesJs(server, bigCohort, canvasIds));

  const cookie = await signInCookie(server.baseUrl, "anna.berger@werkbank.test", DEMO_PASSWORD);
  const courses = await (await fetch(`${server.baseUrl}/courses`, { headers: { cookie } })).text();
  const cohortPath = courses.match(/\/cohorts\/[0-9a-f-]{36}/)?.[0];
  const asset = courses.match(/\/_next\/static\/[^"]+\.js/)?.[0];
  if (!cohortPath || !asset) throw new Error("could not find the course page or a static asset in /courses");

  const page = await load("course page (signed in)", `${server.baseUrl}${cohortPath}`, { cookie });
  const file = await load("static asset", `${server.baseUrl}${asset}`, {});

  console.log(`\nWerkbank bench — ${server.database}, ${CONNECTIONS} connections, ${SECONDS} s each, ${new Date().toISOString()}`);
  console.log(HEADER);
  for (const f of [page, file]) console.log(row(f.name, f));
  console.log(`throughput ratio (course page / static asset): ${(page.rps / file.rps).toFixed(3)}`);

  const forum = await benchForum(server.baseUrl, cookie, SECONDS);
  console.log(`\nForum — ${CONNECTIONS} connections, ${SECONDS} s each`);
  console.log(HEADER);
  console.log(row(`thread list (${THREADS} threads)`, figures(forum.list)));
  console.log(row(`thread (${REPLIES} replies)`, figures(forum.thread)));

  const dashboard = await benchDashboard(server.baseUrl, await signInCookie(server.baseUrl, DASHBOARD_INSTRUCTOR, DEMO_PASSWORD), bigCohort, SECONDS);
  console.log(`\nCohort dashboard — ${DASHBOARD_STUDENTS} students × ${DASHBOARD_ASSIGNMENTS} assignments, 5 connections, ${SECONDS} s`);
  console.log(HEADER);
  console.log(row("dashboard page", figures(dashboard.page)));
  console.log(`SQL statements per render (counted by the server): ${dashboard.statements} (goal ≤ 10); p97.5 ${dashboard.page.latency.p97_5} ms (goal p95 ≤ 300 ms on PostgreSQL)`);

  const browser = await launchBrowser();
  try {
    const canvas = await benchCanvas(browser, server.baseUrl, SECONDS);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
    console.log(`\nCanvas — 20 connections, ${SECONDS} s each`);
    console.log(HEADER);
    console.log(row("canvas page", figures(canvas.page)));
    console.log(row("autosave action", figures(canvas.save)));
    console.log(`autosaves written: ${canvas.saved}, answered as conflicts: ${canvas.conflicts}`);
    console.log(`compressed JavaScript loaded — lesson page (read): ${kb(canvas.readPageJs)} (goal ≤ 130 kB), canvas editor: ${kb(canvas.canvasPageJs)} (goal ≤ 250 kB), submission thread with two read-only canvases: ${kb(canvas.threadPageJs)}`);
  } finally {
    await browser.close();
  }
} finally {
  await server.stop();
}

// Pairing on its own throw-away database (alone: `npx tsx --conditions=react-server lib/bench/pairing.ts`).
await benchPairing();

// The deadline rush on the cluster (nginx, PgBouncer, PostgreSQL on DATABASE_URL's server or
// 127.0.0.1:5432; alone: `npx tsx --conditions=react-server lib/bench/rush.ts`). Without them it says why it was left out.
try {
  printRush(await benchRush());
} catch (error) {
  console.log(`\nDeadline rush left out: ${(error as Error).message.split("\n")[0]}`);
}
