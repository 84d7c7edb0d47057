import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { schema, type Db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { verifyPassword } from "@/lib/auth/password";
import { databaseUrl } from "@/lib/test/pg-urls";

/**
 * The README's backup and restore, done once on the demo data: `pg_dump -Fc` of a seeded database,
 * `pg_restore` into an empty one, and the restored database is the same — every table's rows, the
 * migrations journal (an app server starting on it migrates nothing) and a demo password that still
 * verifies. Runs only with DATABASE_URL (PostgreSQL's own tools against a real server).
 */
const url = process.env.DATABASE_URL!;
const suffix = randomBytes(4).toString("hex");
const source = `werkbank_backup_${suffix}`;
const target = `werkbank_restore_${suffix}`;
const admin = postgres(url, { max: 1, onnotice: () => {} });
const folder = mkdtempSync(path.join(os.tmpdir(), "werkbank-backup-"));

afterAll(async () => {
  for (const name of [source, target]) await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
  rmSync(folder, { recursive: true, force: true });
});

function pgTool(tool: "pg_dump" | "pg_restore", args: string[]) {
  const run = spawnSync(tool, args, { encoding: "utf8" });
  if (run.error) throw run.error;
  expect(run.status, `${tool} ${args.join(" ")}: ${run.stderr}`).toBe(0);
}

async function snapshot(name: string) {
  const sql = postgres(databaseUrl(url, name), { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ schema: string; table: string }[]>`
      select table_schema as schema, table_name as table from information_schema.tables
      where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`;
    const counts: Record<string, number> = {};
    for (const t of tables) {
      const [row] = await sql.unsafe(`select count(*)::int as n from "${t.schema}"."${t.table}"`);
      counts[`${t.schema}.${t.table}`] = row!.n as number;
    }
    const [content] = await sql`select md5(string_agg(title || body_md, '|' order by course_id, position)) as digest from lessons`;
    return { counts, lessons: content!.digest as string };
  } finally {
    await sql.end({ timeout: 2 });
  }
}

describe("backup and restore (pg_dump / pg_restore)", () => {
  it("restores the demo data whole: every table, the migrations journal, a working password", async () => {
    await admin.unsafe(`create database "${source}"`);
    await migrateDatabase(databaseUrl(url, source));
    const client = postgres(databaseUrl(url, source), { max: 2, onnotice: () => {} });
    await seedDemo(drizzle(client, { schema, casing: "snake_case" }) as Db);
    await client.end({ timeout: 2 });

    const dump = path.join(folder, "werkbank.dump");
    pgTool("pg_dump", ["--format=custom", "--no-owner", "--file", dump, databaseUrl(url, source)]);
    expect(statSync(dump).size).toBeGreaterThan(10_000);

    await admin.unsafe(`create database "${target}"`);
    pgTool("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", databaseUrl(url, target), dump]);

    const before = await snapshot(source);
    const after = await snapshot(target);
    expect(Object.keys(after.counts).length).toBeGreaterThan(15);
    expect(after).toEqual(before);
    expect(after.counts["public.users"]).toBeGreaterThanOrEqual(13);
    expect(after.counts["drizzle.__drizzle_migrations"]).toBeGreaterThan(0);

    // An app server starting on the restored database finds nothing to migrate.
    await migrateDatabase(databaseUrl(url, target));
    expect((await snapshot(target)).counts["drizzle.__drizzle_migrations"]).toBe(before.counts["drizzle.__drizzle_migrations"]);

    const restored = postgres(databaseUrl(url, target), { max: 1, onnotice: () => {} });
    try {
      const [anna] = await restored`select password_hash from users where email = 'anna.berger@werkbank.test'`;
      expect(await verifyPassword(anna!.password_hash as string, DEMO_PASSWORD)).toBe(true);
    } finally {
      await restored.end({ timeout: 2 });
    }
  }, 120_000);
});
