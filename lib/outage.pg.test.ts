import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie } from "@/lib/bench/server";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { databaseUrl } from "@/lib/test/pg-urls";

/**
 * An outage of PostgreSQL as a user meets it, on a real server (the production build) and a real
 * PostgreSQL: between the two a TCP relay the test can cut, as a stopped database looks to the app
 * (connections refused, open ones dropped). Runs only with DATABASE_URL (the integration suite on
 * PostgreSQL; vitest.config.ts includes *.pg.test.ts only then).
 */

const url = process.env.DATABASE_URL!;
const PORT = 3287;
const base = `http://localhost:${PORT}`;
const name = `werkbank_outage_${randomBytes(4).toString("hex")}`;
const admin = postgres(url, { max: 1, onnotice: () => {} });
let server: ChildProcess;
let out = "";

/** A relay to PostgreSQL that can be cut (refuse new connections, drop open ones) and restored. */
function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  const listener = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  return {
    listen: () => new Promise<number>((resolve) => listener.listen(0, "127.0.0.1", () => resolve((listener.address() as net.AddressInfo).port))),
    cut: () => {
      listener.close();
      for (const s of sockets) s.destroy();
    },
    restore: (port: number) => new Promise<void>((resolve) => listener.listen(port, "127.0.0.1", () => resolve())),
  };
}

const pg = relay(new URL(url));
let relayPort = 0;

async function get(path: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { headers, redirect: "manual" });
  return { status: res.status, headers: res.headers, text: await res.text(), ms: performance.now() - started };
}

beforeAll(async () => {
  await admin.unsafe(`create database "${name}"`);
  relayPort = await pg.listen();
  const viaRelay = new URL(databaseUrl(url, name));
  viaRelay.hostname = "127.0.0.1";
  viaRelay.port = String(relayPort);
  server = spawn(process.execPath, ["lib/cli/start.mjs", "-p", String(PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: viaRelay.toString(),
      AUTH_SECRET: randomBytes(33).toString("base64"),
      WERKBANK_SEED: "1",
      WERKBANK_SWEEP: "0",
      DATABASE_CONNECT_TIMEOUT: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  server.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  // start.mjs builds first when the sources are newer than the build.
  const deadline = Date.now() + 400_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error(`server not healthy: ${out}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}, 420_000);

afterAll(async () => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // gone
  }
  await new Promise((r) => setTimeout(r, 1500));
  pg.cut();
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
});

describe("PostgreSQL outage", () => {
  it("answers 503 with Retry-After and a page in the visitor's language within seconds, and recovers without a restart", async () => {
    const cookie = await signInCookie(base, "anna.berger@werkbank.test", DEMO_PASSWORD);
    expect((await get("/courses", { cookie })).status).toBe(200);

    pg.cut();
    // The first request finds out, within the connect timeout (2 s here) — not after 13 s.
    const first = await get("/courses", { cookie, "accept-language": "de" });
    expect(first.ms).toBeLessThan(6_000);
    expect([500, 503]).toContain(first.status);

    // From then on pages get the outage page at once.
    const page = await get("/courses", { cookie, "accept-language": "de-DE,de;q=0.9" });
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    expect(page.text).toContain("Werkbank erreicht seine Datenbank gerade nicht");
    expect(page.ms).toBeLessThan(1_000);
    const english = await get("/sign-in", { "accept-language": "en-GB,en;q=0.9" });
    expect(english.status).toBe(503);
    expect(english.text).toContain("Werkbank can’t reach its database right now");

    const health = await get("/api/health");
    expect(health.status).toBe(503);
    expect(health.ms).toBeLessThan(6_000);

    await pg.restore(relayPort);
    const deadline = Date.now() + 20_000;
    let back = await get("/courses", { cookie });
    while (back.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      back = await get("/courses", { cookie });
    }
    expect(back.status).toBe(200);
    expect(back.text).toContain("Anna Berger");
    expect((await get("/api/health")).status).toBe(200);
  }, 90_000);
});
