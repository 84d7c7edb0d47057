import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

/** Both drivers expose the same query builder; the postgres.js type stands for either. */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Handle = { db: Db; kind: "postgres" | "pglite"; close: () => Promise<void> };

const globalForDb = globalThis as unknown as { __werkbankDb?: Handle; __werkbankSqlCount?: number };

/**
 * With WERKBANK_SQL_COUNT=1 every statement sent through Drizzle is counted (the bench reads the
 * count around one page render to state "statements per render" as a measured number).
 */
function counting() {
  if (process.env.WERKBANK_SQL_COUNT !== "1") return {};
  return {
    logger: {
      logQuery() {
        globalForDb.__werkbankSqlCount = (globalForDb.__werkbankSqlCount ?? 0) + 1;
      },
    },
  };
}

/** Statements sent so far (only counted with WERKBANK_SQL_COUNT=1; otherwise null). */
export function sqlStatementCount(): number | null {
  return process.env.WERKBANK_SQL_COUNT === "1" ? (globalForDb.__werkbankSqlCount ?? 0) : null;
}

export function pgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR || ".data/pglite");
}

export function postgresOptions(): postgres.Options<Record<string, postgres.PostgresType>> {
  return {
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    connect_timeout: 10,
    idle_timeout: 20,
    max_lifetime: 60 * 30,
    onnotice: () => {},
  };
}

function open(): Handle {
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = postgres(url, postgresOptions());
    return {
      db: drizzlePostgres(client, { schema, casing: "snake_case", ...counting() }),
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dir = pgliteDir();
  mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  return {
    db: drizzlePglite(client, { schema, casing: "snake_case", ...counting() }) as unknown as Db,
    kind: "pglite",
    close: () => client.close(),
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
  const handle = globalForDb.__werkbankDb;
  globalForDb.__werkbankDb = undefined;
  await handle?.close();
}

/** Rows of a raw `db.execute()`: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export { schema };
