import { getDb } from "@/db";
import { DataDirLockedError } from "@/db/lock";
import { migrateDatabase, migrationUrl } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { demoAccountsText } from "@/db/seed/demo-accounts";
import { readEnv, shouldSeed } from "@/lib/env";
import { startScheduler } from "@/lib/scheduler";

/**
 * Started by `npm start` (lib/cli/start.mjs), the server ends when that process is gone, however it
 * ended (kill -9 included): a supervisor that kills and restarts Werkbank never leaves a server
 * holding the port and the embedded database behind.
 */
function endWithParent(): void {
  const parent = Number(process.env.WERKBANK_PARENT_PID);
  if (!parent) return;
  const timer = setInterval(() => {
    // Reparented (to init or a subreaper): the process that started us has died.
    if (process.ppid !== parent) {
      clearInterval(timer);
      console.error("\nThe process that started Werkbank is gone: stopping.");
      process.kill(process.pid, "SIGTERM");
    }
  }, 500);
  timer.unref();
}

/** Runs once per app server before it serves: validate env, migrate, seed the embedded default. */
export async function startUp(): Promise<void> {
  endWithParent();
  let env;
  try {
    env = readEnv();
  } catch (error) {
    console.error(`\n${(error as Error).message}\n`);
    process.exit(1);
  }
  try {
    await migrateDatabase(migrationUrl(env));
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const seeded = shouldSeed(env);
  if (seeded) await seedDemo(getDb());
  const where = env.DATABASE_URL ? "PostgreSQL" : `PGlite (${process.env.PGLITE_DIR || ".data/pglite"})`;
  console.log(`\nWerkbank is ready on http://localhost:${env.PORT} — database: ${where}`);
  if (seeded) console.log(`${demoAccountsText()}\n`);
  startScheduler();
}
