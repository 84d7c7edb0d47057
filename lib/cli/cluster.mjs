#!/usr/bin/env node
// `npm run cluster`: Werkbank as it runs on many servers, on this machine. PostgreSQL (the one on
// 127.0.0.1:5432, or one this script starts), PgBouncer in transaction mode in front of it, N app
// servers from one build sharing AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, and nginx
// balancing them round-robin. Prints the URL; Ctrl-C stops everything it started.
//
//   npm run cluster -- [--servers 2] [--port 8080] [--fresh] [--database werkbank_cluster]
//                      [--app-port 3301] [--pgbouncer-port 6432] [--postgres postgres://…]
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { ensureBuild, standaloneServer } from "./build.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
process.chdir(root);

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith("--") ? process.argv[i + 1] : fallback;
}
const flag = (name) => process.argv.includes(`--${name}`);

const servers = Number(option("servers", process.env.WERKBANK_CLUSTER_SERVERS ?? 2));
const port = Number(option("port", 8080));
const appPort = Number(option("app-port", 3301));
const bouncerPort = Number(option("pgbouncer-port", 6432));
const database = option("database", "werkbank_cluster");
const fresh = flag("fresh");
if (!/^[a-z_][a-z0-9_]*$/.test(database)) fail(`--database must be a plain lower-case name, not "${database}"`);
if (!(servers >= 1 && servers <= 16)) fail("--servers must be between 1 and 16");

const state = path.join(os.tmpdir(), `werkbank-cluster-${port}`);
const isRoot = process.getuid?.() === 0;
const started = []; // { name, child } in start order; stopped in reverse
let stopping = false;

function fail(message) {
  console.error(`\nnpm run cluster: ${message}\n`);
  stopAll().finally(() => process.exit(1));
  throw new Error(message);
}

function which(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).stdout.trim();
}

/** PostgreSQL and PgBouncer refuse to run as root: run them as the postgres user then. */
function asPostgres(cmd, args) {
  return isRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
}

function portFree(p) {
  return new Promise((resolve) => {
    const s = net.createServer().once("error", () => resolve(false)).once("listening", () => s.close(() => resolve(true)));
    s.listen(p, "127.0.0.1");
  });
}

async function waitFor(what, check, seconds = 60) {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    if (stopping) throw new Error("stopping");
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) fail(`${what} did not come up within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function run(name, cmd, args, env = process.env) {
  const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream.on("data", (chunk) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop();
      for (const line of lines) if (line.trim()) process.stdout.write(prefix + line + "\n");
    });
  }
  child.on("exit", (code, signal) => {
    if (!stopping) console.log(`${prefix}exited (${signal ?? code})`);
  });
  started.push({ name, child });
  return child;
}

async function stopAll() {
  if (stopping) return;
  stopping = true;
  for (const { child } of [...started].reverse()) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await Promise.race([new Promise((r) => child.once("exit", r)), new Promise((r) => setTimeout(r, 8000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  }
  if (ownPostgres) {
    const [cmd, args] = asPostgres(path.join(pgBin(), "pg_ctl"), ["-D", ownPostgres, "-m", "fast", "-w", "stop"]);
    spawnSync(cmd, args, { stdio: "ignore" });
  }
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    console.log("\nStopping the cluster…");
    stopAll().finally(() => process.exit(0));
  });
}

function pgBin() {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? spawnSync("ls", [base], { encoding: "utf8" }).stdout.split("\n").filter(Boolean) : [];
  const newest = versions.sort((a, b) => Number(a) - Number(b)).pop();
  return newest ? path.join(base, newest, "bin") : path.dirname(which("initdb") || "/usr/bin/initdb");
}

async function reachable(url) {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

// ── PostgreSQL ─────────────────────────────────────────────────────────────────────────────────
let ownPostgres = null;
async function ensurePostgres() {
  const given = option("postgres", process.env.WERKBANK_CLUSTER_POSTGRES);
  if (given) {
    if (!(await reachable(given))) fail(`PostgreSQL at ${given} cannot be reached`);
    return new URL(given);
  }
  const local = "postgres://postgres@127.0.0.1:5432/postgres";
  if (await reachable(local)) return new URL(local);
  // None answers: start one of our own, kept between runs in the state folder.
  const bin = pgBin();
  if (!existsSync(path.join(bin, "initdb"))) fail("no PostgreSQL answers on 127.0.0.1:5432 and none is installed (apt-get install postgresql)");
  const dir = path.join(state, "postgres");
  const pgPort = 5433;
  mkdirSync(state, { recursive: true });
  if (isRoot) chownSync(state, 101, 104);
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    const [cmd, args] = asPostgres(path.join(bin, "initdb"), ["-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
    if (spawnSync(cmd, args, { stdio: "inherit" }).status !== 0) fail("initdb failed");
  }
  const [cmd, args] = asPostgres(path.join(bin, "pg_ctl"), ["-D", dir, "-l", path.join(state, "postgres.log"), "-o", `-p ${pgPort} -k ${state} -c listen_addresses=127.0.0.1`, "-w", "start"]);
  if (spawnSync(cmd, args, { stdio: "inherit" }).status !== 0) fail("PostgreSQL did not start (see " + path.join(state, "postgres.log") + ")");
  ownPostgres = dir;
  return new URL(`postgres://postgres@127.0.0.1:${pgPort}/postgres`);
}

async function ensureDatabase(server) {
  const sql = postgres(server.toString(), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await sql`select 1 from pg_database where datname = ${database}`;
    if (exists && fresh) {
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`;
      await sql.unsafe(`drop database ${database}`);
    }
    if (!exists || fresh) await sql.unsafe(`create database ${database}`);
  } finally {
    await sql.end({ timeout: 2 });
  }
  const direct = new URL(server);
  direct.pathname = `/${database}`;
  return direct;
}

// ── PgBouncer ──────────────────────────────────────────────────────────────────────────────────
function startPgBouncer(direct) {
  const binary = which("pgbouncer");
  if (!binary) fail("pgbouncer is not installed (apt-get install pgbouncer)");
  const dir = path.join(state, "pgbouncer");
  mkdirSync(dir, { recursive: true });
  const user = decodeURIComponent(direct.username || "postgres");
  const password = decodeURIComponent(direct.password || "");
  // Clients are trusted on loopback only; PgBouncer logs in to PostgreSQL with the real credentials.
  writeFileSync(path.join(dir, "userlist.txt"), `"${user}" ""\n`);
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `${database} = host=${direct.hostname} port=${direct.port || 5432} dbname=${database} user=${user}${password ? ` password=${password}` : ""}`,
      "",
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${bouncerPort}`,
      `unix_socket_dir = ${dir}`,
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      // A server connection belongs to a client for one transaction only: no session state survives
      // (Werkbank takes transaction-scoped advisory locks and sends unnamed statements, DATABASE_PREPARE=0).
      "pool_mode = transaction",
      "max_client_conn = 1000",
      "default_pool_size = 20",
      "reserve_pool_size = 5",
      "server_reset_query =",
      "ignore_startup_parameters = extra_float_digits",
      `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
      "logfile =",
      "log_connections = 0",
      "log_disconnections = 0",
      "log_stats = 0",
      "",
    ].join("\n"),
  );
  if (isRoot) for (const f of [state, dir, path.join(dir, "pgbouncer.ini"), path.join(dir, "userlist.txt")]) chownSync(f, 101, 104);
  rmSync(path.join(dir, "pgbouncer.pid"), { force: true });
  const [cmd, args] = asPostgres(binary, [path.join(dir, "pgbouncer.ini")]);
  run("pgbouncer", cmd, args);
  const pooled = new URL(direct);
  pooled.hostname = "127.0.0.1";
  pooled.port = String(bouncerPort);
  pooled.password = "";
  return pooled;
}

// ── nginx ──────────────────────────────────────────────────────────────────────────────────────
function startNginx(appPorts) {
  const binary = which("nginx") || (existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "");
  if (!binary) fail("nginx is not installed (apt-get install nginx)");
  const dir = path.join(state, "nginx");
  mkdirSync(dir, { recursive: true });
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(
    conf,
    `# Written by npm run cluster. README "Running on several servers" explains each line.
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream werkbank {
    # round-robin (nginx's default): consecutive requests go to the next server
${appPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n")}
    keepalive 32;
  }
  server {
    listen ${port};
    # Werkbank refuses actions over 2 MB with its own message (413); let them through to it.
    client_max_body_size 3m;
    location / {
      proxy_pass http://werkbank;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # A server that is down is skipped; a POST is never sent twice (nginx's default).
      proxy_next_upstream error timeout;
      proxy_read_timeout 60s;
      # Which server answered: the cluster's tests assert that requests really alternate.
      add_header X-Werkbank-Upstream $upstream_addr always;
    }
  }
}
`,
  );
  run("nginx", binary, ["-c", conf, "-p", dir, "-e", path.join(dir, "error.log")]);
}

// ── the app servers ────────────────────────────────────────────────────────────────────────────
function secrets() {
  // One pair per cluster, kept between runs so sessions survive a restart of the cluster.
  const file = path.join(root, ".data", "cluster-secrets.json");
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) {
    writeFileSync(
      file,
      JSON.stringify({ AUTH_SECRET: randomBytes(33).toString("base64"), NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64") }),
      { mode: 0o600 },
    );
  }
  const kept = JSON.parse(readFileSync(file, "utf8"));
  return {
    AUTH_SECRET: process.env.AUTH_SECRET || kept.AUTH_SECRET,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || kept.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
  };
}

function startApp(i, env) {
  const p = appPort + i;
  // WERKBANK_CLUSTER_NODE_ARGS: extra node flags for the app servers (e.g. --cpu-prof for a profile).
  const nodeArgs = (process.env.WERKBANK_CLUSTER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  run(`app${i + 1}`, process.execPath, [...nodeArgs, standaloneServer], { ...env, PORT: String(p), HOSTNAME: "127.0.0.1" });
  return p;
}

async function healthy(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
  return res.ok;
}

async function main() {
  for (const p of [port, bouncerPort, ...Array.from({ length: servers }, (_, i) => appPort + i)]) {
    if (!(await portFree(p))) fail(`port ${p} is taken (choose others with --port, --app-port, --pgbouncer-port)`);
  }
  const shared = secrets();
  // Every server runs this one build; the shared key also goes into it, so a rebuild keeps actions valid.
  ensureBuild({ ...process.env, ...shared });

  const server = await ensurePostgres();
  const direct = await ensureDatabase(server);
  const pooled = startPgBouncer(direct);
  await waitFor("PgBouncer", () => reachable(pooled.toString()), 20);

  const env = {
    ...process.env,
    ...shared,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: pooled.toString(),
    DATABASE_DIRECT_URL: direct.toString(),
    DATABASE_PREPARE: "0",
    AUTH_TRUST_HOST: "true",
    WERKBANK_TRUSTED_PROXIES: "1",
    WERKBANK_PARENT_PID: String(process.pid),
    PGLITE_DIR: "",
    // The public URL (nginx): next-auth's redirects and the links in emails point there, not at one server.
    AUTH_URL: `http://localhost:${port}`,
  };
  // The first server migrates (over the direct connection, under the lock) and seeds the demo; the
  // others start once it answers (they would wait on the migration lock anyway).
  const ports = [startApp(0, { ...env, WERKBANK_SEED: "1" })];
  await waitFor("app server 1", () => healthy(`http://127.0.0.1:${ports[0]}/api/health`), 180);
  for (let i = 1; i < servers; i++) ports.push(startApp(i, { ...env, WERKBANK_SEED: "0" }));
  await Promise.all(ports.slice(1).map((p, i) => waitFor(`app server ${i + 2}`, () => healthy(`http://127.0.0.1:${p}/api/health`), 180)));

  startNginx(ports);
  await waitFor("nginx", () => healthy(`http://127.0.0.1:${port}/api/health`), 20);

  console.log(`
Werkbank cluster is ready on http://localhost:${port}
  nginx :${port} (round-robin) → ${ports.map((p, i) => `app${i + 1} :${p}`).join(", ")}
  → PgBouncer :${bouncerPort} (transaction mode) → PostgreSQL ${direct.host}/${database}${ownPostgres ? " (started by this script)" : ""}
  Demo accounts: password werkbank-demo, e.g. anna.berger@werkbank.test (student), lena.keller@werkbank.test (instructor)
  Ctrl-C stops everything.`);
}

main().catch((error) => {
  if (stopping) return;
  console.error(error);
  stopAll().finally(() => process.exit(1));
});
