import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { isDatabaseUnreachable } from "../lib/outage";
import { lockDataDir } from "./lock";
import * as schema from "./schema";

/** Both drivers expose the same query builder; the postgres.js type stands for either. */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Handle = { db: Db; kind: "postgres" | "pglite"; close: () => Promise<void> };

type SqlCount = { statements: number; roundTrips: number; waveOpen: boolean; doneSinceWave: number };
const globalForDb = globalThis as unknown as {
  __werkbankDb?: Handle;
  __werkbankReplica?: Handle;
  __werkbankReplicaDownAt?: number;
  __werkbankSqlCount?: SqlCount;
};

/** Work that is not a request's (the scheduler's sweep) runs inside this, so it does not count. */
const uncounted = new AsyncLocalStorage<true>();
export function withoutSqlCount<T>(work: () => Promise<T>): Promise<T> {
  return uncounted.run(true, work);
}

const countingOn = () => process.env.WERKBANK_SQL_COUNT === "1";
function sqlCount(): SqlCount {
  return (globalForDb.__werkbankSqlCount ??= { statements: 0, roundTrips: 0, waveOpen: false, doneSinceWave: 1 });
}

/**
 * With WERKBANK_SQL_COUNT=1 every statement sent through Drizzle is counted, and the sequential
 * round trips: the bench and the statement-budget test read both around one page render.
 * PostgreSQL: statements sent in the same turn of the event loop (a Promise.all) share a round trip;
 * one sent after waiting on the socket starts the next. PGlite answers in-process without a turn of
 * the event loop, so there a statement sent after another one has finished starts the next.
 */
function counting(kind: Handle["kind"]) {
  if (!countingOn()) return {};
  return {
    logger: {
      logQuery(query: string) {
        if (uncounted.getStore()) return;
        if (process.env.WERKBANK_SQL_LOG === "1" && kind === "postgres") console.log("[sql]", query.replace(/\s+/g, " ").slice(0, 160));
        const c = sqlCount();
        c.statements++;
        if (kind === "postgres" && !c.waveOpen) {
          c.roundTrips++;
          c.waveOpen = true;
          setImmediate(() => (c.waveOpen = false));
        }
      },
    },
  };
}

/** PGlite's side of the round-trip count: a query that starts after one has finished is a new wait. */
function countPgliteRoundTrips(client: PGlite): void {
  if (!countingOn()) return;
  const query = client.query.bind(client);
  client.query = (async (...args: Parameters<PGlite["query"]>) => {
    const counted = !uncounted.getStore();
    if (counted) {
      const c = sqlCount();
      if (c.doneSinceWave > 0) {
        c.roundTrips++;
        c.doneSinceWave = 0;
      }
    }
    const started = performance.now();
    try {
      return await query(...args);
    } finally {
      if (counted) sqlCount().doneSinceWave++;
      if (process.env.WERKBANK_SQL_LOG === "1") console.log(`[sql] ${(performance.now() - started).toFixed(2)} ms ${String(args[0]).replace(/\s+/g, " ").slice(0, 100)}`);
    }
  }) as PGlite["query"];
}

/** Statements and sequential round trips so far (only counted with WERKBANK_SQL_COUNT=1; otherwise null). */
export function sqlStatementCount(): { statements: number; roundTrips: number } | null {
  if (!countingOn()) return null;
  const c = sqlCount();
  return { statements: c.statements, roundTrips: c.roundTrips };
}

export function pgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR || ".data/pglite");
}

export function postgresOptions(): postgres.Options<Record<string, postgres.PostgresType>> {
  return {
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    // An unreachable database answers in seconds, not after the default's long wait (lib/outage.ts).
    connect_timeout: Number(process.env.DATABASE_CONNECT_TIMEOUT ?? 3),
    idle_timeout: 20,
    max_lifetime: 60 * 30,
    onnotice: () => {},
    // PgBouncer in transaction mode (before 1.21) hands each transaction any server connection, so a
    // statement prepared on one is unknown on the next: DATABASE_PREPARE=0 sends every query unnamed.
    prepare: process.env.DATABASE_PREPARE !== "0",
  };
}

function open(): Handle {
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = postgres(url, postgresOptions());
    return {
      db: drizzlePostgres(client, { schema, casing: "snake_case", ...counting("postgres") }),
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dir = pgliteDir();
  mkdirSync(dir, { recursive: true });
  // One process per folder: a second one refuses to start instead of losing writes (db/lock.ts).
  const release = lockDataDir(dir);
  const client = new PGlite(dir);
  countPgliteRoundTrips(client);
  return {
    db: drizzlePglite(client, { schema, casing: "snake_case", ...counting("pglite") }) as unknown as Db,
    kind: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** The process-wide database: PGlite when DATABASE_URL is unset, postgres.js otherwise. Read at call time. */
export function getDb(): Db {
  globalForDb.__werkbankDb ??= open();
  return globalForDb.__werkbankDb.db;
}

export function dbKind(): Handle["kind"] {
  getDb();
  return globalForDb.__werkbankDb!.kind;
}

/** Tests install their own database (a restored PGlite template or a fresh PostgreSQL database). */
export function installDb(handle: Handle): void {
  globalForDb.__werkbankDb = handle;
}

export async function closeDb(): Promise<void> {
  const handles = [globalForDb.__werkbankDb, globalForDb.__werkbankReplica];
  globalForDb.__werkbankDb = globalForDb.__werkbankReplica = globalForDb.__werkbankReplicaDownAt = undefined;
  await Promise.all(handles.map((handle) => handle?.close()));
}

/** How long pages leave a replica alone after it could not answer (they read from the primary meanwhile). */
export const REPLICA_RETRY_SECONDS = 10;

/**
 * The read replica (DATABASE_REPLICA_URL) beside a PostgreSQL primary, opened on first use; null
 * without one, and always with the embedded database. Pages reach it through db/replica.ts only.
 */
export function getReplicaDb(): Db | null {
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url) return null;
  if (dbKind() !== "postgres") {
    warnOnce("[db] DATABASE_REPLICA_URL is ignored: without DATABASE_URL Werkbank uses its embedded database.");
    return null;
  }
  globalForDb.__werkbankReplica ??= openReplica(url);
  return globalForDb.__werkbankReplica.db;
}

let warned = false;
function warnOnce(message: string): void {
  if (!warned) console.warn(message);
  warned = true;
}

export function replicaMarkedDown(now = Date.now()): boolean {
  const at = globalForDb.__werkbankReplicaDownAt;
  return at !== undefined && now - at < REPLICA_RETRY_SECONDS * 1000;
}

function openReplica(url: string): Handle {
  const client = postgres(url, postgresOptions());
  return {
    db: drizzlePostgres(fallingBackToPrimary(client), { schema, casing: "snake_case", ...counting("postgres") }),
    kind: "postgres",
    close: () => client.end({ timeout: 5 }),
  };
}

// A standby cancels a query that holds back replay (a recovery conflict): on the primary it runs.
const RECOVERY_CONFLICT = new Set(["40001", "40P01"]);

/**
 * The replica's client with a way out: a statement the replica cannot answer (unreachable, shutting
 * down, cancelled by a recovery conflict) runs on the primary instead, and after an outage pages
 * leave the replica alone for REPLICA_RETRY_SECONDS. A replica outage makes pages read from the
 * primary; it neither fails them nor marks the primary as down (lib/outage.ts). Drizzle sends every
 * statement through `unsafe()` (awaited, or `.values()`); everything else is the replica's own.
 */
function fallingBackToPrimary(replica: postgres.Sql): postgres.Sql {
  type Args = Parameters<postgres.Sql["unsafe"]>;
  const primary = () => (getDb() as unknown as { $client: postgres.Sql }).$client;
  const run = async (args: Args, values: boolean): Promise<unknown> => {
    if (!replicaMarkedDown()) {
      try {
        const query = replica.unsafe(...args);
        return await (values ? query.values() : query);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (isDatabaseUnreachable(error)) markReplicaDown(error);
        else if (typeof code !== "string" || !RECOVERY_CONFLICT.has(code)) throw error;
      }
    }
    const query = primary().unsafe(...args);
    return values ? query.values() : query;
  };
  return new Proxy(replica, {
    get(target, prop, receiver) {
      if (prop !== "unsafe") return Reflect.get(target, prop, receiver);
      return (...args: Args) => ({
        values: () => run(args, true),
        then: (resolve: (v: unknown) => unknown, reject: (e: unknown) => unknown) => run(args, false).then(resolve, reject),
      });
    },
  });
}

function markReplicaDown(error: unknown): void {
  if (!replicaMarkedDown()) console.warn(`[db] the read replica cannot be reached, pages read from the primary for ${REPLICA_RETRY_SECONDS} s:`, (error as Error).message);
  globalForDb.__werkbankReplicaDownAt = Date.now();
}

/** Rows of a raw `db.execute()`: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export { schema };
