import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { getDb, type Db } from "./index";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Any constant works; it only has to be the same for every app server of this database.
const MIGRATION_LOCK = 72_410_001;
const pgliteRuns = new WeakMap<Db, Promise<void>>();

/** Where migrations run: DATABASE_DIRECT_URL (past PgBouncer) when set, else DATABASE_URL; undefined = PGlite. */
type UrlEnv = { DATABASE_URL?: string; DATABASE_DIRECT_URL?: string; [key: string]: unknown };
export function migrationUrl(env: UrlEnv = process.env): string | undefined {
  if (!env.DATABASE_URL) return undefined;
  return env.DATABASE_DIRECT_URL || env.DATABASE_URL;
}

/**
 * Applies the committed migrations. On PostgreSQL several app servers may start at once, so the
 * migrator runs on its own single connection while holding a session-level advisory lock. A session
 * lock needs a session: behind PgBouncer in transaction mode pass the direct URL (migrationUrl()),
 * never the pooled one, where the lock and its unlock could land on different server connections.
 */
export async function migrateDatabase(url = migrationUrl()): Promise<void> {
  if (!url) {
    // PGlite lives in this process: concurrent callers share one run instead of a database lock.
    const db = getDb();
    let run = pgliteRuns.get(db);
    if (!run) {
      run = migratePglite(db as never, { migrationsFolder }).finally(() => pgliteRuns.delete(db));
      pgliteRuns.set(db, run);
    }
    return run;
  }
  const client = postgres(url, { max: 1, connect_timeout: 10, prepare: false, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    try {
      await migratePostgres(drizzlePostgres(client), { migrationsFolder });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

