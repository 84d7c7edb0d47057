#!/usr/bin/env node
// The container image's smoke test without a container engine: copies the standalone output and the
// static assets into an empty folder exactly as the Dockerfile does, seeds a fresh PostgreSQL database
// with `npm run db:seed`, starts `node server.js` there as an unprivileged user, signs in, loads a page
// and its stylesheet, and runs the image's health check. Proves the output needs nothing from the source tree.
//
//   node lib/cli/smoke-standalone.mjs postgres://postgres@127.0.0.1:5432/test
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { ensureBuild, standaloneDir } from "./build.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const adminUrl = process.argv[2] || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const port = Number(process.env.SMOKE_PORT ?? 3299);
const base = `http://127.0.0.1:${port}`;
const database = `werkbank_smoke_${randomBytes(4).toString("hex")}`;
const folder = mkdtempSync(path.join(os.tmpdir(), "werkbank-image-"));
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
let server;
let log = "";

function step(text) {
  console.log(`  ✓ ${text}`);
}

async function main() {
  ensureBuild();
  // The Dockerfile: COPY .next/standalone ./  and  COPY .next/static ./.next/static
  cpSync(standaloneDir, folder, { recursive: true });
  cpSync(path.join(root, ".next", "static"), path.join(folder, ".next", "static"), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) spawnSync("chown", ["-R", "nobody", folder]);
  step(`standalone output copied to ${folder}${asRoot ? " (owned by nobody)" : ""}`);

  await admin.unsafe(`create database "${database}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  // The README's `npm run db:seed` on the empty database (the server then finds the demo in place).
  const seed = spawnSync("npm", ["run", "--silent", "db:seed"], { cwd: root, env: { ...process.env, DATABASE_URL: url.toString() }, encoding: "utf8" });
  if (seed.status !== 0 || !seed.stdout.includes("Demo data seeded.")) throw new Error(`npm run db:seed failed:\n${seed.stdout}${seed.stderr}`);
  step("npm run db:seed migrated and seeded the empty database");
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    HOSTNAME: "0.0.0.0",
    DATABASE_URL: url.toString(),
    AUTH_SECRET: randomBytes(33).toString("base64"),
    AUTH_TRUST_HOST: "true",
    WERKBANK_SEED: "1",
    WERKBANK_SWEEP: "0",
  };
  const [cmd, args] = asRoot ? ["runuser", ["-u", "nobody", "--", process.execPath, "server.js"]] : [process.execPath, ["server.js"]];
  server = spawn(cmd, args, { cwd: folder, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  for (const s of [server.stdout, server.stderr]) s.on("data", (d) => (log += d));

  const until = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server.js exited (${server.exitCode})`);
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() > until) throw new Error("server.js did not become healthy in 120 s");
    await new Promise((r) => setTimeout(r, 500));
  }
  step("server.js starts on the seeded database and answers /api/health");

  // The image's HEALTHCHECK, as Docker would run it.
  const health = spawnSync(process.execPath, ["-e", `fetch('http://127.0.0.1:${port}/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`]);
  if (health.status !== 0) throw new Error("the image's health check command failed");
  step("the Dockerfile's HEALTHCHECK command passes");

  const jar = new Map();
  const keep = (res) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = await csrf.json();
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ email: "anna.berger@werkbank.test", password: "werkbank-demo", csrfToken, callbackUrl: `${base}/courses` }),
  });
  keep(signIn);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${signIn.status})`);
  step("a demo student signs in");

  const page = await fetch(`${base}/courses`, { headers: { cookie: cookie() }, redirect: "manual" });
  const html = await page.text();
  if (page.status !== 200 || !html.includes("Geschäftsmodelle gestalten")) throw new Error(`/courses answered ${page.status} without the demo course`);
  const css = html.match(/\/_next\/static\/[^"]+\.css/)?.[0];
  if (!css || (await fetch(`${base}${css}`)).status !== 200) throw new Error(`the page's stylesheet ${css} is not served`);
  step("My courses shows the demo course, and its stylesheet is served from .next/static");
}

console.log("Standalone smoke test (what the container image runs):");
main()
  .then(() => (process.exitCode = 0))
  .catch((error) => {
    console.error(`  ✗ ${error.message}\n${log.split("\n").slice(-30).join("\n")}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // gone
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    await admin.unsafe(`drop database if exists "${database}" with (force)`).catch(() => {});
    await admin.end({ timeout: 2 });
    rmSync(folder, { recursive: true, force: true });
  });
