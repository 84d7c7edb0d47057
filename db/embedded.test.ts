import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

/**
 * The embedded database across processes, with real processes: the folder's lock refuses a second
 * one, a holder killed with SIGKILL is taken over, and no write PGlite acknowledged is lost to kill -9.
 */

const children: ChildProcess[] = [];
const folders: string[] = [];

function child(dir: string, mode: "open" | "write" | "read") {
  // node itself (tsx as a loader, not its launcher): the pid is the process that holds the folder.
  const proc = spawn(process.execPath, ["--import", "tsx", "lib/test/embedded-child.ts", mode], {
    env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dir, WERKBANK_SQL_COUNT: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(proc);
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  const until = (pattern: RegExp, ms = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const started = Date.now();
      const look = () => {
        if (pattern.test(out)) return resolve(out);
        if (proc.exitCode !== null) return reject(new Error(`exited ${proc.exitCode} before ${pattern}: ${out}`));
        if (Date.now() - started > ms) return reject(new Error(`no ${pattern} in ${ms} ms: ${out}`));
        setTimeout(look, 20);
      };
      look();
    });
  return { proc, output: () => out, exited, until };
}

function folder(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "werkbank-embedded-")), "db");
  folders.push(path.dirname(dir));
  return dir;
}

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

describe("the embedded database folder", () => {
  it("a second process refuses to open a folder in use, naming the holder; after kill -9 of the holder the next one opens it", async () => {
    const dir = folder();
    const first = child(dir, "open");
    await first.until(/opened/);
    expect(existsSync(`${dir}.lock`)).toBe(true);

    const second = child(dir, "open");
    expect(await second.exited).toBe(3);
    expect(second.output()).toContain(`another process (pid ${first.proc.pid})`);
    expect(second.output()).toContain("PGLITE_DIR");

    first.proc.kill("SIGKILL");
    await first.exited;
    // The lock file is still there, naming a dead process: it is taken over.
    expect(existsSync(`${dir}.lock`)).toBe(true);
    const third = child(dir, "read");
    expect(await third.exited).toBe(0);
    expect(third.output()).toMatch(/ids /);
    // Three processes each load PGlite one after another: on a busy 2-core machine that outlasts the default 30 s.
  }, 120_000);

  it("loses no acknowledged write when the writer is killed with SIGKILL mid-write (three rounds)", async () => {
    const dir = folder();
    let acknowledged = 0;
    for (let round = 1; round <= 3; round++) {
      const writer = child(dir, "write");
      // The ids go on where the last round stopped: a primary-key clash would end the writer early.
      await writer.until(new RegExp(`ack ${acknowledged + 25}\\b`));
      writer.proc.kill("SIGKILL");
      await writer.exited;
      const acks = [...writer.output().matchAll(/ack (\d+)/g)].map((m) => Number(m[1]));
      const reader = child(dir, "read");
      expect(await reader.exited).toBe(0);
      const stored = new Set((reader.output().match(/ids ([\d,]*)/)?.[1] ?? "").split(",").filter(Boolean).map(Number));
      for (const id of acks) expect(stored.has(id), `round ${round}: acknowledged row ${id} is stored`).toBe(true);
      acknowledged = Math.max(...stored);
    }
  }, 180_000);
});
