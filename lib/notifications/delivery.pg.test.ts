import { spawn, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db";
import { assignments, notifications, reviews, users } from "@/db/schema";
import { createCohort, createCourse, createUser } from "@/lib/test/factories";
import { pairingCohort, submitEmpathyMap } from "@/lib/test/pairing-fixtures";
import { databaseUrl } from "@/lib/test/pg-urls";
import { messageIdFor } from "./email";
import { notify } from "./store";

/**
 * Exactly-once side effects with several app servers (issue 15): real processes on this file's
 * PostgreSQL database, delivering to a real SMTP server started here that counts what it accepted.
 * A deadline passed by three servers at once pairs, notifies and emails each submitter once; a server
 * killed while its SMTP transaction waits in DATA loses no email, and no email arrives more often
 * than its notification's emailAttempts records. Runs only with DATABASE_URL (*.pg.test.ts).
 */

const FROM = "Werkbank <no-reply@werkbank.test>";
const SUBMITTERS = 12;

type Mail = { messageId: string; to: string; ehlo: string; at: number };

/** An SMTP server that records every message it accepts; messages from `stallEhlo` are read but never answered. */
const smtp = {
  received: [] as Mail[],
  stalled: [] as Mail[],
  stallEhlo: null as string | null,
  server: new SMTPServer({
    authOptional: true,
    // Plain SMTP on localhost: nodemailer would try STARTTLS against the built-in test certificate.
    disabledCommands: ["STARTTLS", "AUTH"],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const header = Buffer.concat(chunks).toString("utf8").split(/\r?\n\r?\n/)[0]!;
        const mail: Mail = {
          messageId: /^Message-ID:\s*(<[^>]+>)/im.exec(header)?.[1] ?? "",
          to: session.envelope.rcptTo.map((r) => r.address).join(","),
          ehlo: String(session.hostNameAppearsAs),
          at: Date.now(),
        };
        // No reply: the client sent the whole message and waits for the server to accept it.
        if (mail.ehlo === smtp.stallEhlo) return void smtp.stalled.push(mail);
        smtp.received.push(mail);
        callback();
      });
    },
  }),
  port: 0,
};

const children: ChildProcess[] = [];
let childDatabaseUrl = "";

/** An app server in a process of its own (lib/test/delivery-child.ts), sending with `ehlo` as its EHLO name. */
function server(ehlo: string, args: string[], env: Record<string, string> = {}) {
  const proc = spawn(process.execPath, ["--import", "tsx", "lib/test/delivery-child.ts", ...args], {
    env: {
      ...process.env,
      DATABASE_URL: childDatabaseUrl,
      DATABASE_POOL_MAX: "3",
      // nodemailer reads transport options from the URL's query: `name` is the EHLO name.
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}/?name=${ehlo}`,
      EMAIL_FROM: FROM,
      AUTH_URL: "https://werkbank.test",
      WERKBANK_SQL_COUNT: "",
      ...env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(proc);
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => proc.on("exit", () => resolve()));
  const results = () =>
    [...out.matchAll(/^pass \d+ (\{.*\})$/gm)].map(
      (m) => JSON.parse(m[1]!) as { pairing?: { paired: number }; emails: { claimed: number; sent: number; failed: number } },
    );
  /** Starts a server spawned with --wait. */
  const go = () => proc.stdin!.write("go\n");
  return { ehlo, proc, exited, go, output: () => out, passes: () => results().length, results };
}
type Server = ReturnType<typeof server>;

/** Polls `check` until it holds; on timeout fails with what the servers printed. */
async function until(what: string, check: () => boolean | Promise<boolean>, servers: Server[], ms = 20_000) {
  const started = Date.now();
  while (!(await check())) {
    const dead = servers.find((s) => s.proc.exitCode !== null && s.proc.signalCode === null);
    if (dead) throw new Error(`${dead.ehlo} exited before ${what}:\n${dead.output().slice(-3000)}`);
    if (Date.now() - started > ms) {
      throw new Error(`no ${what} in ${ms} ms:\n${servers.map((s) => `--- ${s.ehlo}\n${s.output().slice(-1500)}`).join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Two more passes of every server after now: a late duplicate would have arrived by then. */
async function twoMorePasses(servers: Server[]) {
  const seen = servers.map((s) => s.passes());
  await until("two more passes", () => servers.every((s, i) => s.passes() >= seen[i]! + 2), servers);
}

async function stop(servers: Server[]) {
  for (const s of servers) if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill("SIGKILL");
  await Promise.all(servers.map((s) => s.exited));
}

const countBy = <T,>(items: T[]) => items.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<T, number>());

beforeAll(async () => {
  const [row] = rowsOf<{ name: string }>(await getDb().execute(sql`select current_database() as name`));
  childDatabaseUrl = databaseUrl(process.env.DATABASE_URL!, row!.name);
  await new Promise<void>((resolve) => smtp.server.listen(0, "127.0.0.1", () => resolve()));
  smtp.port = (smtp.server.server.address() as AddressInfo).port;
});

afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  }
  smtp.received.length = 0;
  smtp.stalled.length = 0;
  smtp.stallEhlo = null;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
});

describe("email delivery with three app servers", () => {
  it("at a deadline, allocates once, notifies once and emails once per submitter", async () => {
    const db = getDb();
    // The servers start while the cohort is set up: its deadline is a week away until all three run.
    const servers = ["scheduler-1", "scheduler-2", "scheduler-3"].map((ehlo) => server(ehlo, ["schedule"]));
    let seeded: Awaited<ReturnType<typeof pairingCohort>>;
    try {
      seeded = await pairingCohort(SUBMITTERS);
      await Promise.all(seeded.students.map((s) => submitEmpathyMap(seeded.cohort.id, seeded.assignment.id, s)));
      await until("a first pass of every server", () => servers.every((s) => s.passes() >= 1), servers, 30_000);
      // The deadline passes while all three sweep every 200 ms.
      await db.update(assignments).set({ submissionDue: sql`now() + interval '1 second'` }).where(eq(assignments.id, seeded.assignment.id));
      await until("an email per submitter", () => smtp.received.length >= SUBMITTERS, servers);
      await twoMorePasses(servers);
    } finally {
      await stop(servers);
    }
    const { students, assignment } = seeded;

    const results = servers.flatMap((s) => s.results());
    expect(servers.map((s) => s.output()).join("\n")).not.toMatch(/^pass \d+ failed/m);
    expect(results.reduce((n, r) => n + (r.pairing?.paired ?? 0), 0)).toBe(1);
    expect(results.reduce((n, r) => n + r.emails.sent, 0)).toBe(SUBMITTERS);

    // The allocation: k = 2 reviews given and received by every submitter, no pair twice, nobody their own.
    const allocated = await db
      .select({ reviewer: reviews.reviewerId, author: reviews.authorId })
      .from(reviews)
      .where(eq(reviews.assignmentId, assignment.id));
    expect(allocated).toHaveLength(2 * SUBMITTERS);
    expect(new Set(allocated.map((r) => `${r.reviewer}:${r.author}`)).size).toBe(2 * SUBMITTERS);
    expect(allocated.every((r) => r.reviewer !== r.author)).toBe(true);
    for (const s of students) {
      expect(allocated.filter((r) => r.reviewer === s.id)).toHaveLength(2);
      expect(allocated.filter((r) => r.author === s.id)).toHaveLength(2);
    }

    // One notification per submitter, sent on the first attempt.
    const told = await db.select().from(notifications).where(eq(notifications.assignmentId, assignment.id));
    expect(told).toHaveLength(SUBMITTERS);
    expect(told.map((n) => n.userId).sort()).toEqual(students.map((s) => s.id).sort());
    expect(told.every((n) => n.kind === "review_assigned" && n.count === 2 && n.emailStatus === "sent" && n.emailAttempts === 1)).toBe(true);

    // One email per submitter at the SMTP server, each with its notification's Message-ID.
    const emails = await db.select({ email: users.email }).from(users).where(inArray(users.id, students.map((s) => s.id)));
    expect(smtp.received.map((m) => m.to).sort()).toEqual(emails.map((u) => u.email).sort());
    expect(smtp.received.map((m) => m.messageId).sort()).toEqual(told.map((n) => messageIdFor(n.id, FROM)).sort());
    expect(smtp.received.every((m) => m.ehlo.startsWith("scheduler-"))).toBe(true);
  }, 60_000);

  it("loses no email when a server is killed mid-delivery, and sends none more often than its attempts record", async () => {
    const db = getDb();
    const { course } = await createCourse(1);
    const cohort = await createCohort(course.id);
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => createUser({ name: `Empfänger ${i}` })));
    // Oldest first, one second apart: the first server's batch is the three oldest.
    const start = Date.now() - 60_000;
    await notify(
      db,
      people.map((p, i) => ({
        userId: p.id,
        kind: "review_assigned" as const,
        cohortId: cohort.id,
        subject: "Lektion 1",
        createdAt: new Date(start + i * 1000),
      })),
    );
    const pending = await db.select().from(notifications).where(eq(notifications.cohortId, cohort.id)).orderBy(asc(notifications.createdAt));
    expect(pending).toHaveLength(12);
    const LEASE_SECONDS = 3;
    // Delivery alone in batches of 3 with a 3-second lease. All three start together and are held
    // until the test lets them go: the victim first.
    const lease = { WERKBANK_EMAIL_LEASE_SECONDS: String(LEASE_SECONDS) };
    const deliver = (ehlo: string) => server(ehlo, ["--wait", "deliver", "3"], lease);
    smtp.stallEhlo = "victim";
    const servers = ["victim", "survivor-1", "survivor-2"].map(deliver);
    const [victim, ...survivors] = servers as [Server, Server, Server];
    let victimClaims: (typeof pending)[number][] = [];
    try {
      await until("all three servers connected", () => servers.every((s) => /^waiting$/m.test(s.output())), servers, 30_000);
      // The victim claims the three oldest and sends the first; the SMTP server holds its DATA.
      victim.go();
      await until("the victim waiting in DATA", () => smtp.stalled.length === 1, servers);
      expect(smtp.stalled[0]!.messageId).toBe(messageIdFor(pending[0]!.id, FROM));
      victimClaims = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.cohortId, cohort.id), eq(notifications.emailAttempts, 1)));
      expect(victimClaims.map((n) => n.id).sort()).toEqual(pending.slice(0, 3).map((n) => n.id).sort());
      expect(victimClaims.every((n) => n.emailStatus === "pending" && n.emailedAt !== null)).toBe(true);

      for (const s of survivors) s.go();
      await until("the survivors' first passes", () => survivors.every((s) => s.passes() >= 1), servers);
      victim.proc.kill("SIGKILL");
      await victim.exited;

      const allSent = async () =>
        (await db.select({ status: notifications.emailStatus }).from(notifications).where(eq(notifications.cohortId, cohort.id))).every(
          (n) => n.status === "sent",
        );
      await until("every email sent", allSent, servers);
      await twoMorePasses(survivors);
    } finally {
      await stop(servers);
    }
    expect(servers.map((s) => s.output()).join("\n")).not.toMatch(/^pass \d+ failed/m);

    const rows = await db.select().from(notifications).where(eq(notifications.cohortId, cohort.id));
    expect(rows.every((n) => n.emailStatus === "sent")).toBe(true);
    const received = countBy(smtp.received.map((m) => m.messageId));
    for (const n of rows) {
      const copies = received.get(messageIdFor(n.id, FROM)) ?? 0;
      // Not lost, and never received more often than the outbox records attempts.
      expect(copies, n.id).toBeGreaterThanOrEqual(1);
      expect(copies, n.id).toBeLessThanOrEqual(n.emailAttempts);
      // Killed before the server accepted anything: each arrived exactly once, the victim's after a second claim.
      expect(copies, n.id).toBe(1);
      expect(n.emailAttempts, n.id).toBe(victimClaims.some((c) => c.id === n.id) ? 2 : 1);
    }
    expect(smtp.received).toHaveLength(12);
    expect(smtp.received.some((m) => m.ehlo === "victim")).toBe(false);
    // The survivors took the victim's claims only once its lease had run out (a little slack: two clocks, one host).
    for (const c of victimClaims) {
      const mail = smtp.received.find((m) => m.messageId === messageIdFor(c.id, FROM))!;
      expect(mail.at).toBeGreaterThanOrEqual(c.emailedAt!.getTime() + LEASE_SECONDS * 1000 - 250);
    }
  }, 60_000);
});
