import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { closeDb, getDb, type Db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";

export type BenchServer = { baseUrl: string; database: string; pid: number; stop: () => Promise<void> };

/**
 * Starts the production build (`npm start`, which builds when needed) on its own database:
 * a fresh PGlite folder, or a fresh PostgreSQL database on DATABASE_URL's server, dropped after.
 */
export async function startServer(port: number, prepare?: (db: Db) => Promise<void>): Promise<BenchServer> {
  const url = process.env.DATABASE_URL;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), WERKBANK_SEED: "1" };
  let cleanup = async () => {};
  let database: string;
  if (url) {
    const name = `werkbank_bench_${randomBytes(4).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    env.DATABASE_URL = target.toString();
    env.AUTH_SECRET ??= randomBytes(33).toString("base64");
    database = "PostgreSQL (postgres.js)";
    cleanup = async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
  } else {
    const dir = path.resolve(`.data/bench-${port}`);
    rmSync(dir, { recursive: true, force: true });
    env.PGLITE_DIR = dir;
    database = "PGlite (embedded)";
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }

  if (prepare) {
    // Bulk data goes in before the server opens the database (PGlite allows one process at a time).
    const saved = { url: process.env.DATABASE_URL, dir: process.env.PGLITE_DIR };
    process.env.DATABASE_URL = env.DATABASE_URL ?? "";
    process.env.PGLITE_DIR = env.PGLITE_DIR ?? "";
    try {
      await migrateDatabase(env.DATABASE_URL || undefined);
      await seedDemo(getDb());
      await prepare(getDb());
    } finally {
      await closeDb();
      process.env.DATABASE_URL = saved.url ?? "";
      process.env.PGLITE_DIR = saved.dir ?? "";
    }
  }

  const child: ChildProcess = spawn(process.execPath, ["lib/cli/start.mjs", "-p", String(port)], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  child.stdout?.on("data", () => {});
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("server did not become healthy in 240 s");
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    baseUrl,
    database,
    pid: child.pid!,
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // gone already
      }
      await new Promise((r) => setTimeout(r, 1000));
      await cleanup();
    },
  };
}

/** Signs in through next-auth's credentials endpoint and returns the Cookie header. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/courses` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${res.status})`);
  return header();
}
