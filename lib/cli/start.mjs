#!/usr/bin/env node
// `npm start`: builds when the sources changed, prepares the embedded default, serves the standalone
// output (.next/standalone/server.js: the same server the cluster and the container image run).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureBuild, standaloneServer } from "./build.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
process.chdir(root);

const args = process.argv.slice(2);
const portFlag = args.findIndex((a) => a === "-p" || a === "--port");
const port = portFlag >= 0 ? args[portFlag + 1] : process.env.PORT || "3000";
const env = { ...process.env, PORT: port, NODE_ENV: "production" };

if (!env.DATABASE_URL && !env.AUTH_SECRET) {
  // The embedded default signs sessions with a secret of its own, made once and kept beside the data.
  const file = path.join(root, ".data", "auth-secret");
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600 });
  env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}
if (env.DATABASE_URL && !env.AUTH_SECRET) {
  console.error(
    "\nWerkbank cannot start: AUTH_SECRET is not set. With DATABASE_URL every app server must share one\n" +
      "secret to sign sessions. Generate one with `openssl rand -base64 33` and set AUTH_SECRET.\n",
  );
  process.exit(1);
}
if (!env.AUTH_URL && !env.AUTH_TRUST_HOST) env.AUTH_TRUST_HOST = "true";

// The standalone server changes into its own folder: a relative PGLITE_DIR must mean the project's.
env.PGLITE_DIR = path.resolve(root, env.PGLITE_DIR || ".data/pglite");
env.HOSTNAME = env.HOST || "0.0.0.0";

ensureBuild(env);

// The server stays in this process group, so a supervisor's `kill -- -PGID` (or Ctrl-C) ends it with
// us; and it watches this process, so a kill -9 of this one alone ends it too (lib/startup.ts).
const child = spawn(process.execPath, [standaloneServer], {
  stdio: "inherit",
  env: { ...env, NEXT_TELEMETRY_DISABLED: "1", WERKBANK_PARENT_PID: String(process.pid) },
});
const stop = (signal) => {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(signal));
process.on("exit", () => stop("SIGTERM"));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
