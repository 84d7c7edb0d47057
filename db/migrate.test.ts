import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { databaseUrl } from "@/lib/test/pg-urls";
import { getDb, installDb, rowsOf, schema, type Db } from "./index";
import { migrateDatabase } from "./migrate";

describe("migrateDatabase", () => {
  it("is safe when several app servers start at once on an empty database", async () => {
    const url = process.env.DATABASE_URL;
    let tables: string[];
    if (url) {
      // Real PostgreSQL: four migrators on their own connections, one advisory lock.
      const name = `werkbank_mig_${randomBytes(5).toString("hex")}`;
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"`);
      try {
        const target = databaseUrl(url, name);
        await Promise.all([1, 2, 3, 4].map(() => migrateDatabase(target)));
        await migrateDatabase(target);
        const client = postgres(target, { max: 1, onnotice: () => {} });
        tables = (await client`select tablename from pg_tables where schemaname = 'public'`).map((r) => r.tablename as string);
        await client.end();
      } finally {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    } else {
      // PGlite: concurrent calls in one process share one run.
      const previous = getDb();
      const client = new PGlite();
      installDb({ db: drizzle(client, { schema }) as unknown as Db, kind: "pglite", close: () => client.close() });
      try {
        await Promise.all([1, 2, 3, 4].map(() => migrateDatabase(undefined)));
        await migrateDatabase(undefined);
        const result = await getDb().execute(sql`select tablename from pg_tables where schemaname = 'public'`);
        tables = rowsOf<{ tablename: string }>(result).map((r) => r.tablename);
      } finally {
        await client.close();
        installDb({ db: previous, kind: "pglite", close: async () => {} });
      }
    }
    expect(tables).toEqual(expect.arrayContaining(["users", "sessions", "courses", "lessons", "cohorts", "memberships"]));
  });
});
