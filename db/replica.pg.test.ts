import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { users } from "@/db/schema";
import { databaseMarkedDown } from "@/lib/outage";
import { createUser } from "@/lib/test/factories";
import { startReplicaPair, type ReplicaPair } from "@/lib/test/pg-replica";
import { closeDb, getDb, getReplicaDb, installDb, postgresOptions, replicaMarkedDown, rowsOf, schema, type Db } from "./index";
import { migrateDatabase } from "./migrate";

/**
 * Page reads from a real streaming replica: a primary and a `pg_basebackup -R` standby of it, started
 * here in a folder of their own. With replay paused on the standby, what a request reads shows where
 * it went. Runs only with DATABASE_URL (the integration suite on PostgreSQL).
 */

// The request the code under test sees: its cookies (the WAL cookie), and the session's claims.
const request = vi.hoisted(() => ({
  cookies: new Map<string, { value: string; options?: Record<string, unknown> }>(),
  claims: null as null | { userId: string; sessionToken: string },
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)!.value } : undefined),
    has: (name: string) => request.cookies.has(name),
    set: (name: string, value: string, options?: Record<string, unknown>) => void request.cookies.set(name, { value, options }),
  }),
  headers: async () => new Headers({ "x-forwarded-proto": "https", "x-werkbank-peer": "203.0.113.7" }),
}));
vi.mock("@/lib/auth/token", () => ({ readSessionClaims: async () => request.claims }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/messages/en.json")).default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }) };
});

const { defineAction } = await import("@/lib/actions");
const { createSession, loadSessionUser } = await import("@/lib/auth/credentials");
const { getCurrentUser } = await import("@/lib/auth/session");
const { WAL_COOKIE, pageDb, readDbFor } = await import("./replica");

let pair: ReplicaPair;
let replicaAdmin: postgres.Sql;
const savedReplicaUrl = process.env.DATABASE_REPLICA_URL;

const onStandby = async (db: Db) => rowsOf<{ r: boolean }>(await db.execute(sql`select pg_is_in_recovery() as r`))[0]!.r;
const nameOn = async (db: Db, id: string) => (await db.select({ name: users.name }).from(users).where(eq(users.id, id)))[0]?.name;

async function pauseReplay() {
  await replicaAdmin`select pg_wal_replay_pause()`;
}

/** Resumes replay and waits until the standby has replayed everything the primary has written so far. */
async function catchUp() {
  await replicaAdmin`select pg_wal_replay_resume()`;
  const lsn = rowsOf<{ lsn: string }>(await getDb().execute(sql`select pg_current_wal_insert_lsn()::text as lsn`))[0]!.lsn;
  for (let i = 0; ; i++) {
    const [row] = await replicaAdmin`select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as done`;
    if (row?.done) return;
    if (i > 300) throw new Error("the replica did not catch up");
    // A position right after a page header is passed only by the next record: a commit makes one.
    if (i % 20 === 19) await getDb().execute(sql`select pg_current_xact_id()`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function signIn() {
  const user = await createUser({ name: "Vorher" });
  request.claims = { userId: user.id, sessionToken: await createSession(user.id, user.sessionVersion) };
  return user;
}

const rename = defineAction({
  schema: z.object({ name: z.string() }),
  async handler({ name }, { user, tx }) {
    await tx.update(users).set({ name }).where(eq(users.id, user!.id));
    return null;
  },
});

beforeAll(async () => {
  pair = await startReplicaPair();
  await migrateDatabase(pair.primaryUrl);
  // This file's database is the new primary (and its standby), in place of the one setup-db.ts made.
  await closeDb();
  const client = postgres(pair.primaryUrl, postgresOptions());
  installDb({ db: drizzle(client, { schema, casing: "snake_case" }), kind: "postgres", close: () => client.end({ timeout: 5 }) });
  process.env.DATABASE_REPLICA_URL = pair.replicaUrl;
  replicaAdmin = postgres(pair.replicaUrl, { max: 1, onnotice: () => {} });
  await catchUp();
}, 60_000);

afterAll(async () => {
  await closeDb();
  await replicaAdmin?.end({ timeout: 5 });
  await pair?.stop();
  if (savedReplicaUrl === undefined) delete process.env.DATABASE_REPLICA_URL;
  else process.env.DATABASE_REPLICA_URL = savedReplicaUrl;
});

describe("a read replica", () => {
  it("serves page reads; after a write the writer reads from the primary until the replica has replayed it", async () => {
    const user = await signIn();
    await catchUp();
    await pauseReplay();
    request.cookies.clear();

    // The action writes on the primary and reads there (its session check included), with no cookie yet.
    const seenInAction = vi.fn();
    const look = defineAction({
      schema: z.object({}),
      async handler() {
        const db = await pageDb();
        seenInAction(await onStandby(db), await nameOn(db, user.id), (await getCurrentUser())?.name);
        return null;
      },
    });
    expect(await rename(null, { name: "Nachher" })).toEqual({ ok: true, data: null });
    const cookie = request.cookies.get(WAL_COOKIE)!;
    expect(cookie.value).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(cookie.options).toEqual({ httpOnly: true, sameSite: "lax", secure: true, path: "/", maxAge: 60 });

    // Another browser (no cookie): its actions read from the primary, its pages from the replica, which
    // has not replayed the write.
    request.cookies.clear();
    expect(await look(null, {})).toEqual({ ok: true, data: null });
    expect(seenInAction).toHaveBeenLastCalledWith(false, "Nachher", "Nachher");
    request.cookies.clear();
    const elsewhere = await pageDb();
    expect(elsewhere).toBe(getReplicaDb());
    expect(await onStandby(elsewhere)).toBe(true);
    expect(await nameOn(elsewhere, user.id)).toBe("Vorher");
    expect((await getCurrentUser())?.name).toBe("Vorher");

    // The writer's browser, with the position after its write: the primary, which has it.
    request.cookies.set(WAL_COOKIE, cookie);
    const writer = await pageDb();
    expect(writer).toBe(getDb());
    expect(await nameOn(writer, user.id)).toBe("Nachher");
    expect((await getCurrentUser())?.name).toBe("Nachher");
    // A cookie that is no WAL position counts as "not replayed yet".
    expect(await readDbFor("nonsense")).toBe(getDb());

    // Once the replica has replayed the write, the writer reads from it again.
    await catchUp();
    const later = await pageDb();
    expect(later).toBe(getReplicaDb());
    expect(await onStandby(later)).toBe(true);
    expect(await nameOn(later, user.id)).toBe("Nachher");
  });

  it("finds a session made on the primary that the replica does not have yet", async () => {
    await pauseReplay();
    try {
      request.cookies.clear();
      const user = await signIn();
      expect(await loadSessionUser(request.claims!, getReplicaDb()!)).toBeNull();
      expect(await getCurrentUser()).toMatchObject({ id: user.id, name: "Vorher" });
      // A session that exists nowhere is still no session.
      request.claims = { userId: user.id, sessionToken: "gone" };
      expect(await getCurrentUser()).toBeNull();
    } finally {
      await catchUp();
    }
  });

  it("reads from the primary while the replica is down, without marking the site as down", async () => {
    const user = await signIn();
    await catchUp();
    request.cookies.clear();
    expect(await pageDb()).toBe(getReplicaDb());
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await pair.stopReplica();

    // The request that finds out is answered by the primary; the next ones go there directly.
    expect(await nameOn(getReplicaDb()!, user.id)).toBe("Vorher");
    expect(replicaMarkedDown()).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(await pageDb()).toBe(getDb());
    expect((await getCurrentUser())?.id).toBe(user.id);
    expect(databaseMarkedDown()).toBe(false);
    warn.mockRestore();
  });
});
