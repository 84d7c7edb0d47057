import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getDb, getReplicaDb, replicaMarkedDown, rowsOf, type Db } from "./index";

/**
 * Page reads from the read replica (DATABASE_REPLICA_URL) without losing a user's own writes. After
 * a server action commits, the browser gets a cookie with the primary's WAL position; while it has
 * one, its pages read from the replica only once the replica has replayed that far, otherwise from
 * the primary. The cookie lasts a minute: a replica further behind than that shows the writer older
 * data too (everyone else always sees what the replica has replayed). Actions, their transactions
 * and the writes some pages make stay on the primary (getDb()). Without a replica none of this
 * runs, not even the cookie read: pages get getDb().
 *
 * DATABASE_REPLICA_URL must name one standby (not a pool of several): the position is checked on one
 * connection and trusted for the others.
 */

export const WAL_COOKIE = "werkbank-wal";
export const WAL_COOKIE_MAX_AGE_SECONDS = 60;
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

const primaryOnly = new AsyncLocalStorage<true>();

/** Runs a server action: what it reads through pageDb() (the session check first) comes from the primary. */
export function onPrimary<T>(work: () => Promise<T>): Promise<T> {
  return primaryOnly.run(true, work);
}

/**
 * Where the reads of a request with this WAL cookie go: no replica, or one just found unreachable →
 * the primary; no cookie → the replica; a cookie → the replica if it is a standby that has replayed
 * that far, else the primary. A cookie that is no position (the write's position was not known,
 * or someone edited it) counts as "not yet".
 */
export async function readDbFor(walCookie: string | undefined): Promise<Db> {
  const replica = getReplicaDb();
  if (!replica || replicaMarkedDown()) return getDb();
  if (walCookie === undefined) return replica;
  if (!LSN.test(walCookie)) return getDb();
  try {
    // Answered by the primary when the replica is unreachable (db/index.ts): there it is not in recovery.
    const [row] = rowsOf<{ caughtUp: boolean | null }>(
      await replica.execute(sql`select pg_is_in_recovery() and pg_last_wal_replay_lsn() >= ${walCookie}::pg_lsn as "caughtUp"`),
    );
    return row?.caughtUp ? replica : getDb();
  } catch (error) {
    console.error("[db] could not ask the replica how far it has replayed", error);
    return getDb();
  }
}

// One choice per request: generateMetadata, the page and its components read from the same server.
const requestDb = cache(async (): Promise<Db> => readDbFor((await cookies()).get(WAL_COOKIE)?.value));

/** The database a page reads from: the replica when it may. Writes, and reads that decide a write, use getDb(). */
export async function pageDb(): Promise<Db> {
  if (!getReplicaDb() || primaryOnly.getStore()) return getDb();
  return requestDb();
}

/**
 * The primary's WAL insert position: at or past the end of every commit record so far. Not
 * pg_current_wal_lsn(): with synchronous_commit = off that may still be short of the commit just made.
 */
export async function primaryWalPosition(): Promise<string> {
  const [row] = rowsOf<{ lsn: string }>(await getDb().execute(sql`select pg_current_wal_insert_lsn()::text as lsn`));
  return row!.lsn;
}

/**
 * After a server action's commit, with a replica: this browser's pages read from the primary until
 * the replica has replayed the write. Never fails the action (it has committed): when the position
 * cannot be read, the cookie says "not yet" for its minute.
 */
export async function rememberWrite(): Promise<void> {
  if (!getReplicaDb()) return;
  let position = "unknown";
  try {
    position = await primaryWalPosition();
  } catch (error) {
    console.error("[db] could not read the primary's WAL position after a write", error);
  }
  const proto = (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim();
  (await cookies()).set(WAL_COOKIE, position, {
    httpOnly: true,
    sameSite: "lax",
    secure: proto === "https",
    path: "/",
    maxAge: WAL_COOKIE_MAX_AGE_SECONDS,
  });
}
