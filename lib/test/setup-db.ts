import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, installDb, schema, type Db } from "@/db";
import { databaseUrl } from "./pg-urls";

// Every test file gets a database of its own, already migrated.
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const blob = new Blob([readFileSync(inject("pgliteTemplate"))]);
    const client = new PGlite({ loadDataDir: blob });
    installDb({
      db: drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Db,
      kind: "pglite",
      close: () => client.close(),
    });
    return;
  }
  const name = `werkbank_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database "${name}" template "${inject("pgTemplateDb")}"`);
      break;
    } catch (error) {
      // Two files cloning the template at the same instant: PostgreSQL refuses one; try again.
      if (attempt > 20 || !String(error).includes("being accessed by other users")) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const client = postgres(databaseUrl(url, name), { max: 10, onnotice: () => {} });
  installDb({
    db: drizzlePostgres(client, { schema, casing: "snake_case" }),
    kind: "postgres",
    close: () => client.end({ timeout: 5 }),
  });
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
});

afterAll(async () => {
  await closeDb();
  await dropDatabase?.();
});
