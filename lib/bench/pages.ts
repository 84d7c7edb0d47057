import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { canvases, cohorts, forumThreads, memberships, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { demoAssignment } from "@/db/seed/course-content";
import { demoCohorts } from "@/db/seed/demo-accounts";
import { notify } from "@/lib/notifications/store";
import type { CanvasDocument } from "@/lib/canvas/document";
import { launchBrowser, scriptBytes, signIn } from "./browser";
import { DASHBOARD_INSTRUCTOR, seedDashboardCohort } from "./dashboard";
import { seedForum } from "./forum";
import { signInCookie, startServer, type BenchServer } from "./server";

/**
 * CPU per request, the way that holds on a noisy shared machine: the server process's own CPU time
 * (utime + stime of all its threads, from /proc/PID/stat) around N requests at concurrency 4,
 * divided by N, median of 3 — and the same for /api/health (one query, no render) in the same run,
 * the reference every page is compared with. Beside it: HTML bytes, and the SQL statements and
 * sequential round trips of one render, counted by the server (WERKBANK_SQL_COUNT=1).
 */

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENCY = 4;
const ROUNDS = 3;
const TICK_MS = 1000 / 100; // CLK_TCK is 100 on Linux

export const CANVAS_NOTES = 40;
export const NOTIFICATIONS = 40;
const ANNA = "anna.berger@werkbank.test";

type Target = {
  name: string;
  url: string;
  cookie?: string;
  /** A server action: its id and the JSON body of each call (called with the request's index). */
  action?: { id: string; body: (i: number, state: Map<number, number>) => string; after?: (i: number, text: string, state: Map<number, number>) => void };
  /** The issue's goal as a multiple of /api/health's CPU, statements and round trips. */
  goal: { ratio: number; statements?: number; roundTrips?: number; htmlKb?: number };
};

export type PageFigure = { name: string; cpuMs: number; ratio: number; htmlKb: number; statements: number; roundTrips: number; goal: Target["goal"] };

/** The process that serves: the descendant of the started process named next-server. */
function serverPid(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const all: number[] = [];
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      all.push(c);
      walk(c);
    }
  };
  walk(root);
  const named = all.find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("next-server") || readFileSync(`/proc/${pid}/comm`, "utf8").includes("next-server");
    } catch {
      return false;
    }
  });
  return named ?? all.at(-1) ?? root;
}

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
}

async function hit(baseUrl: string, t: Target, i: number, state: Map<number, number>): Promise<string> {
  const headers: Record<string, string> = t.cookie ? { cookie: t.cookie } : {};
  let res: Response;
  if (t.action) {
    res = await fetch(`${baseUrl}${t.url}`, {
      method: "POST",
      headers: { ...headers, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", "next-action": t.action.id },
      body: t.action.body(i, state),
    });
  } else {
    res = await fetch(`${baseUrl}${t.url}`, { headers, redirect: "manual" });
  }
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${t.name}: ${t.url} answered ${res.status}`);
  t.action?.after?.(i, text, state);
  return text;
}

async function cpuPerRequest(baseUrl: string, pid: number, t: Target, state: Map<number, number>): Promise<number> {
  const runs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let next = 0;
    const before = cpuTicks(pid);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, worker) => {
        while (next < REQUESTS) {
          next++;
          // Each worker keeps to its own slot so an action's versions stay its own.
          await hit(baseUrl, t, worker, state);
        }
      }),
    );
    runs.push(((cpuTicks(pid) - before) * TICK_MS) / REQUESTS);
  }
  return runs.sort((a, b) => a - b)[1]!;
}

type Counted = { statements: number; roundTrips: number };
async function counted(baseUrl: string): Promise<Counted> {
  const body = (await (await fetch(`${baseUrl}/api/health`)).json()) as Partial<Counted>;
  if (body.statements === undefined) throw new Error("the server does not count statements (WERKBANK_SQL_COUNT=1)");
  return { statements: body.statements, roundTrips: body.roundTrips ?? 0 };
}

/** Statements and round trips of one request: the counter around it, less what /api/health itself costs. */
export async function sqlOf(baseUrl: string, request: () => Promise<unknown>): Promise<Counted> {
  const a = await counted(baseUrl);
  const b = await counted(baseUrl);
  await request();
  const c = await counted(baseUrl);
  return { statements: c.statements - b.statements - (b.statements - a.statements), roundTrips: c.roundTrips - b.roundTrips - (b.roundTrips - a.roundTrips) };
}

/** The action id of an exported server action, from the build's manifest. */
export function actionId(exportName: string, fileEnd: string): string {
  const file = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../.next/server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportName && (v.filename ?? "").endsWith(fileEnd));
  if (!found) throw new Error(`no action ${exportName} in ${fileEnd}`);
  return found[0];
}

function noteDocument(): CanvasDocument {
  const blocks = ["customer-jobs", "pains", "gains", "products-services", "pain-relievers", "gain-creators"];
  const doc: CanvasDocument = { blocks: {}, links: [] };
  for (let i = 0; i < CANVAS_NOTES; i++) {
    const block = blocks[i % blocks.length]!;
    (doc.blocks[block] ??= []).push({ id: `note${String(i).padStart(4, "0")}`, text: `Notiz ${i + 1}: Pendler wollen morgens ohne Umweg frühstücken`, tags: [], segments: [] });
  }
  return doc;
}

/** Anna's canvas with 40 notes (and four more for the autosave's four workers), 40 notifications. */
export async function seedPages(db: Db): Promise<string[]> {
  const [cohort] = await db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.inviteCode, demoCohorts.main.inviteCode));
  const [anna] = await db.select({ id: users.id }).from(users).where(eq(users.email, ANNA));
  const document = noteDocument();
  const rows = await db.insert(canvases).values(
    Array.from({ length: 5 }, (_, i) => ({
      cohortId: cohort!.id,
      ownerId: anna!.id,
      template: "value-proposition" as const,
      title: i === 0 ? "Bench: 40 Notizen" : `Bench: Autosave ${i}`,
      document,
    })),
  ).returning({ id: canvases.id });
  const [thread] = await db.select({ id: forumThreads.id }).from(forumThreads).where(eq(forumThreads.cohortId, cohort!.id)).limit(1);
  const others = await db.select({ id: memberships.userId }).from(memberships).where(and(eq(memberships.cohortId, cohort!.id)));
  await notify(
    db,
    Array.from({ length: NOTIFICATIONS }, (_, i) => ({
      userId: anna!.id,
      actorId: others.find((o) => o.id !== anna!.id)!.id,
      kind: "reply" as const,
      cohortId: cohort!.id,
      threadId: thread!.id,
      subject: `Frage ${i + 1}: Wie grenze ich meine Kundensegmente sauber voneinander ab?`,
    })),
  );
  return rows.map((r) => r.id);
}

async function targets(baseUrl: string, bigCohort: string, canvasIds: string[]): Promise<Target[]> {
  const cookie = await signInCookie(baseUrl, ANNA, DEMO_PASSWORD);
  const instructor = await signInCookie(baseUrl, DASHBOARD_INSTRUCTOR, DEMO_PASSWORD);
  const get = async (url: string) => (await fetch(`${baseUrl}${url}`, { headers: { cookie } })).text();
  const courses = await get("/courses");
  const cohortPath = courses.match(/\/cohorts\/[0-9a-f-]{36}/)![0];
  const lessonPath = `${cohortPath}/lessons/${demoAssignment.lessonSlug}`;
  const board = await get(`${lessonPath}/forum`);
  const threadPath = board.match(/\/cohorts\/[0-9a-f-]{36}\/forum\/[0-9a-f-]{36}/)![0];
  const canvasPath = `${cohortPath}/canvases/${canvasIds[0]}`;
  const autosaveIds = canvasIds.slice(1);
  const document = noteDocument();
  const cohortId = cohortPath.split("/")[2]!;
  return [
    { name: "/sign-in (anonymous)", url: "/sign-in", goal: { ratio: 2, statements: 0 } },
    { name: "/courses", url: "/courses", cookie, goal: { ratio: 2, statements: 4, roundTrips: 3 } },
    { name: "cohort page", url: cohortPath, cookie, goal: { ratio: 2, statements: 4, roundTrips: 3 } },
    { name: "lesson with assignment", url: lessonPath, cookie, goal: { ratio: 2, statements: 6, roundTrips: 3 } },
    { name: `canvas editor, ${CANVAS_NOTES} notes`, url: canvasPath, cookie, goal: { ratio: 2, statements: 4, roundTrips: 3 } },
    { name: "canvases list", url: `${cohortPath}/canvases`, cookie, goal: { ratio: 2, statements: 4, roundTrips: 3 } },
    { name: "forum board, 500 threads", url: `${lessonPath}/forum`, cookie, goal: { ratio: 2, statements: 4, roundTrips: 3 } },
    { name: "thread, 200 replies", url: threadPath, cookie, goal: { ratio: 4, statements: 6, roundTrips: 3, htmlKb: 150 } },
    { name: `notifications, ${NOTIFICATIONS}`, url: "/notifications", cookie, goal: { ratio: 2, statements: 4, roundTrips: 3 } },
    { name: "reviews page", url: `${cohortPath}/reviews`, cookie, goal: { ratio: 2, statements: 4, roundTrips: 3 } },
    { name: "settings", url: "/settings", cookie, goal: { ratio: 2, statements: 4, roundTrips: 3 } },
    {
      name: "dashboard 2,000 × 6 (instructor)",
      url: `/cohorts/${bigCohort}/dashboard`,
      cookie: instructor,
      goal: { ratio: 4, statements: 6, roundTrips: 3, htmlKb: 200 },
    },
    {
      name: "canvas autosave (action)",
      url: canvasPath,
      cookie,
      goal: { ratio: 2 },
      action: {
        id: actionId("saveCanvasAction", "canvases/actions.ts"),
        body: (i, state) => JSON.stringify([null, { canvasId: autosaveIds[i], cohortId, baseVersion: state.get(i) ?? 1, document: JSON.stringify(document) }]),
        after: (i, text, state) => {
          const version = text.match(/"version":(\d+)/);
          if (version) state.set(i, Number(version[1]));
          if (text.includes('"conflict"') || !version) throw new Error(`autosave did not save: ${text.slice(0, 300)}`);
        },
      },
    },
  ];
}

export async function benchPages(server: BenchServer, pid: number, bigCohort: string, canvasIds: string[]): Promise<{ health: number; pages: PageFigure[] }> {
  const list = await targets(server.baseUrl, bigCohort, canvasIds);
  const health: Target = { name: "/api/health", url: "/api/health", goal: { ratio: 1 } };
  const state = new Map<number, number>();
  // Warm-up: compile-on-demand and cold caches do not count.
  for (const t of [health, ...list]) for (let i = 0; i < 8; i++) await hit(server.baseUrl, t, i % CONCURRENCY, state);
  const reference = await cpuPerRequest(server.baseUrl, pid, health, state);
  const pages: PageFigure[] = [];
  for (const t of list) {
    let html = "";
    const sql = await sqlOf(server.baseUrl, async () => (html = await hit(server.baseUrl, t, 0, state)));
    const cpuMs = await cpuPerRequest(server.baseUrl, pid, t, state);
    pages.push({ name: t.name, cpuMs, ratio: cpuMs / reference, htmlKb: t.action ? 0 : Buffer.byteLength(html) / 1024, ...sql, goal: t.goal });
  }
  return { health: reference, pages };
}

/** Compressed JavaScript each page loads in a real browser (goals: read pages ≤ 150 kB, dashboard and canvas editor ≤ 250 kB). */
export async function pagesJs(server: BenchServer, bigCohort: string, canvasIds: string[]): Promise<Array<{ name: string; kb: number; goal: number }>> {
  const browser = await launchBrowser();
  try {
    const student = await browser.newContext({ locale: "de-DE" });
    const page = await student.newPage();
    await signIn(page, server.baseUrl, ANNA, DEMO_PASSWORD);
    const cohortPath = (await page.locator('a[href^="/cohorts/"]').first().getAttribute("href"))!.match(/\/cohorts\/[0-9a-f-]{36}/)![0];
    const lessonPath = `${cohortPath}/lessons/${demoAssignment.lessonSlug}`;
    await page.goto(`${server.baseUrl}${lessonPath}/forum`);
    const threadPath = await page.locator(`a[href^="${cohortPath}/forum/"]`).first().getAttribute("href");
    const out: Array<{ name: string; kb: number; goal: number }> = [];
    const measure = async (p: typeof page, name: string, path: string, goal: number) =>
      out.push({ name, kb: (await scriptBytes(p, `${server.baseUrl}${path}`)) / 1024, goal });
    await measure(page, "/courses", "/courses", 150);
    await measure(page, "cohort page", cohortPath, 150);
    await measure(page, "lesson with assignment", lessonPath, 150);
    await measure(page, "canvases list", `${cohortPath}/canvases`, 150);
    await measure(page, "forum board", `${lessonPath}/forum`, 150);
    await measure(page, "thread", threadPath!, 150);
    await measure(page, "notifications", "/notifications", 150);
    await measure(page, "canvas editor", `${cohortPath}/canvases/${canvasIds[0]}`, 250);
    const instructor = await browser.newContext({ locale: "de-DE" });
    const ipage = await instructor.newPage();
    await signIn(ipage, server.baseUrl, DASHBOARD_INSTRUCTOR, DEMO_PASSWORD);
    await measure(ipage, "dashboard (instructor)", `/cohorts/${bigCohort}/dashboard`, 250);
    return out;
  } finally {
    await browser.close();
  }
}

export function printJs(rows: Array<{ name: string; kb: number; goal: number }>): void {
  console.log("\nCompressed JavaScript a page loads (Debian chromium, cache off)");
  for (const r of rows) console.log(`${r.name.padEnd(34)} ${r.kb.toFixed(1).padStart(6)} kB${r.kb > r.goal ? "!" : " "} (≤ ${r.goal})`);
}

export function printPages(database: string, f: { health: number; pages: PageFigure[] }): void {
  console.log(`\nCPU per request — ${database}; ${REQUESTS} requests at concurrency ${CONCURRENCY}, median of ${ROUNDS}; /api/health ${f.health.toFixed(1)} ms`);
  console.log("page                               CPU ms  × health (goal)  HTML kB (goal)  SQL (goal)  round trips (goal)");
  const mark = (ok: boolean) => (ok ? " " : "!");
  for (const p of f.pages) {
    const g = p.goal;
    const ratioOk = p.ratio <= g.ratio;
    const sqlOk = g.statements === undefined || p.statements <= g.statements;
    const rtOk = g.roundTrips === undefined || p.roundTrips <= g.roundTrips;
    const htmlOk = g.htmlKb === undefined || p.htmlKb <= g.htmlKb;
    console.log(
      `${p.name.padEnd(34)} ${p.cpuMs.toFixed(1).padStart(6)}  ${p.ratio.toFixed(1).padStart(5)}${mark(ratioOk)} (≤ ${g.ratio})   ${p.htmlKb.toFixed(0).padStart(6)}${mark(htmlOk)} ${g.htmlKb ? `(≤ ${g.htmlKb})` : "       "}  ${String(p.statements).padStart(4)}${mark(sqlOk)} ${g.statements !== undefined ? `(≤ ${g.statements})` : "     "}  ${String(p.roundTrips).padStart(5)}${mark(rtOk)} ${g.roundTrips !== undefined ? `(≤ ${g.roundTrips})` : ""}`,
    );
  }
  console.log("(! marks a figure above its goal)");
}

/** Alone: `npx tsx --conditions=react-server lib/bench/pages.ts` (DATABASE_URL selects PostgreSQL). */
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.env.WERKBANK_SQL_COUNT = "1";
  process.env.WERKBANK_SWEEP = "0";
  let bigCohort = "";
  let canvasIds: string[] = [];
  const server = await startServer(Number(process.env.BENCH_PORT ?? 3300), async (db) => {
    await seedForum(db);
    canvasIds = await seedPages(db);
    bigCohort = await seedDashboardCohort(db);
  });
  try {
    printPages(server.database, await benchPages(server, serverPid(server.pid), bigCohort, canvasIds));
    printJs(await pagesJs(server, bigCohort, canvasIds));
  } finally {
    await server.stop();
  }
}

export { serverPid };
