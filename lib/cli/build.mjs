// The one production build every way of running Werkbank uses (npm start, npm run cluster, the
// bench, the container image): `next build` with standalone output, rebuilt only when the sources
// are newer than it, and made runnable in place by copying the static assets beside server.js.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const next = path.join(root, "node_modules", ".bin", "next");
export const standaloneDir = path.join(root, ".next", "standalone");
export const standaloneServer = path.join(standaloneDir, "server.js");

const SOURCES = ["app", "components", "lib", "db", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json", "postcss.config.mjs"];

// The scripts, benches and test helpers run beside the server, not in it: changing them needs no rebuild.
const NOT_BUILT = new Set(["cli", "bench", "test"].map((d) => path.join(root, "lib", d)));

function newestMtime(p) {
  if (!existsSync(p) || NOT_BUILT.has(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Builds when there is no build or a source is newer; exits the process when the build fails. */
export function ensureBuild(env = process.env) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const builtAt = existsSync(buildId) && existsSync(standaloneServer) ? statSync(buildId).mtimeMs : 0;
  if (builtAt === 0 || Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s)))) > builtAt) {
    console.log(builtAt === 0 ? "No production build yet: building (about a minute)…" : "Sources changed: rebuilding…");
    const build = spawnSync(next, ["build"], { cwd: root, stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  // server.js serves /_next/static from its own folder (the Dockerfile copies it the same way).
  const target = path.join(standaloneDir, ".next", "static");
  const source = path.join(root, ".next", "static");
  if (!existsSync(target) || statSync(target).mtimeMs < statSync(source).mtimeMs) {
    rmSync(target, { recursive: true, force: true });
    cpSync(source, target, { recursive: true });
  }
}
