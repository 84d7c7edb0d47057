import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { getDb, type Db } from "./index";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Any constant works; it only has to be the same for every app server of this database.
const MIGRATION_LOCK = 72_410_001;

/**
 * Applies the committed migrations. On PostgreSQL several app servers may start at once, so the
 * migrator runs on its own single connection while holding a session-level advisory lock.
 */
export async function migrateDatabase(url = process.env.DATABASE_URL): Promise<void> {
  if (!url) {
    await migratePglite(getDb() as never, { migrationsFolder });
    return;
  }
  const client = postgres(url, { max: 1, connect_timeout: 10, onnotice: () => {} });
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

/** Used by tests that build a database on a handle they own. */
export async function migrateDb(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
  await migratePglite(db as never, { migrationsFolder });
}
