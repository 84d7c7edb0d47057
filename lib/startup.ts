import { getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { demoAccountsText } from "@/db/seed/demo-accounts";
import { readEnv, shouldSeed } from "@/lib/env";
import { startScheduler } from "@/lib/scheduler";

/** Runs once per app server before it serves: validate env, migrate, seed the embedded default. */
export async function startUp(): Promise<void> {
  let env;
  try {
    env = readEnv();
  } catch (error) {
    console.error(`\n${(error as Error).message}\n`);
    process.exit(1);
  }
  await migrateDatabase(env.DATABASE_URL);
  const seeded = shouldSeed(env);
  if (seeded) await seedDemo(getDb());
  const where = env.DATABASE_URL ? "PostgreSQL" : `PGlite (${process.env.PGLITE_DIR || ".data/pglite"})`;
  console.log(`\nWerkbank is ready on http://localhost:${env.PORT} — database: ${where}`);
  if (seeded) console.log(`${demoAccountsText()}\n`);
  startScheduler();
}
