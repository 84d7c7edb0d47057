import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * `npm start` as a supervisor sees it, on the production build the suite already made: a second
 * server on the same embedded database folder refuses to start and says why; killing the process
 * group with SIGKILL, or only the start process, leaves no server behind holding the port and the
 * folder; the next start takes the folder over.
 */

const DIR = path.resolve(".data/e2e-processes");
const started: ChildProcess[] = [];

function start(port: number, dir = DIR) {
  const proc = spawn(process.execPath, ["lib/cli/start.mjs", "-p", String(port)], {
    env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: "", WERKBANK_SWEEP: "0", WERKBANK_SQL_COUNT: "" },
    stdio: ["ignore", "pipe", "pipe"],
    // A group of its own, as a supervisor would start it.
    detached: true,
  });
  started.push(proc);
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { proc, exited, output: () => out };
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://localhost:${port}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const holderPid = () => (JSON.parse(readFileSync(`${DIR}.lock`, "utf8")) as { pid: number }).pid;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const LIMITS_DIR = path.resolve(".data/e2e-limits");

test.beforeAll(() => {
  for (const d of [DIR, LIMITS_DIR]) rmSync(d, { recursive: true, force: true });
});
test.afterAll(() => {
  for (const p of started) {
    try {
      process.kill(-p.pid!, "SIGKILL");
    } catch {
      // gone
    }
  }
  for (const d of [DIR, LIMITS_DIR]) {
    rmSync(d, { recursive: true, force: true });
    rmSync(`${d}.lock`, { force: true });
  }
});

test("one server per embedded database folder, and none left behind by kill -9", async () => {
  test.setTimeout(180_000);
  const first = start(3291);
  await until(() => healthy(3291), 120_000, "the first server answers");
  const server = holderPid();
  expect(server).not.toBe(first.proc.pid);

  await test.step("a second server on the same folder refuses to start, naming the first", async () => {
    const second = start(3292);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain(`another process (pid ${server})`);
    expect(await healthy(3292)).toBe(false);
    expect(await healthy(3291)).toBe(true);
  });

  await test.step("kill -9 of the whole process group leaves no server and frees the port", async () => {
    process.kill(-first.proc.pid!, "SIGKILL");
    await until(async () => !alive(server), 5_000, "the server is gone");
    expect(await healthy(3291)).toBe(false);
    // The lock still names the dead server: the next start takes it over.
    expect(existsSync(`${DIR}.lock`)).toBe(true);
  });

  await test.step("the next start takes the folder over; kill -9 of the start process alone ends its server too", async () => {
    const third = start(3291);
    await until(() => healthy(3291), 120_000, "the restarted server answers");
    const next = holderPid();
    expect(next).not.toBe(server);
    process.kill(third.proc.pid!, "SIGKILL");
    await until(async () => !alive(next), 10_000, "the orphaned server stops");
    expect(await healthy(3291)).toBe(false);
  });
});

/** One sign-in attempt through next-auth's endpoint; returns the refusal's code, or "ok". */
async function signInAttempt(base: string, email: string, password: string, forwardedFor: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": forwardedFor },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/courses` }),
  });
  if (res.headers.getSetCookie().some((c) => c.includes("session-token="))) return "ok";
  return new URL(res.headers.get("location") ?? "", base).searchParams.get("code") ?? `status ${res.status}`;
}

test("the per-address sign-in limit is not dodged by sending X-Forwarded-For (no trusted proxy: the peer counts)", async () => {
  // A server of its own: 50 refusals from this machine would stop every other test's sign-ins.
  test.setTimeout(180_000);
  const server = start(3294, LIMITS_DIR);
  const base = "http://localhost:3294";
  await until(() => healthy(3294), 120_000, "the server answers");
  // An unknown email and a wrong password look the same, also in next-auth's redirect.
  expect(await signInAttempt(base, "anna.berger@werkbank.test", "not-her-password", "198.51.100.200")).toBe("refused");
  expect(await signInAttempt(base, "nobody@example.test", "not-her-password", "198.51.100.201")).toBe("refused");
  // 48 more failures, each claiming another address: 50 from this machine in all.
  for (let i = 0; i < 48; i++) expect(await signInAttempt(base, `nobody-${i}@example.test`, "some-password", `198.51.100.${i}`)).toBe("refused");
  // A new header, the right password of a real account: still this address, still refused.
  expect(await signInAttempt(base, "anna.berger@werkbank.test", "werkbank-demo", "203.0.113.99")).toBe("rate_limited");
  process.kill(-server.proc.pid!, "SIGTERM");
  await server.exited;
});
