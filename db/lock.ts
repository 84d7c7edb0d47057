import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

/**
 * One process per embedded database folder. PGlite keeps the whole database in this process's
 * memory and writes it back to the folder: a second process on the same folder would acknowledge
 * writes the first never sees, and the last to write wins. So the folder gets a lock file beside it
 * naming its holder (pid and, on Linux, the process's start time); a holder that died without
 * releasing it (kill -9, power loss) is noticed and the lock taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: number,
  ) {
    super(
      `Werkbank cannot open its embedded database in ${dir}: another process (pid ${holder}) is using it.\n` +
        "Stop that one first, or give this one a folder of its own with PGLITE_DIR. Two processes on one folder would lose each other's writes.",
    );
    this.name = "DataDirLockedError";
  }
}

type Holder = { pid: number; started: string | null };

/** The process's start time in clock ticks since boot (field 22 of /proc/PID/stat); null off Linux. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function alive(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else. ESRCH: gone.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // The pid may have been reused since the holder died: its start time tells the processes apart.
  const now = startTime(holder.pid);
  return holder.started === null || now === null || now === holder.started;
}

function readHolder(file: string): Holder | "unreadable" | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<Holder>;
    return typeof parsed.pid === "number" ? { pid: parsed.pid, started: parsed.started ?? null } : "unreadable";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? null : "unreadable";
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Takes the folder's lock or throws DataDirLockedError; returns the release (also run on exit). */
export function lockDataDir(dir: string): () => void {
  const file = `${dir}.lock`;
  const me: Holder = { pid: process.pid, started: startTime(process.pid) };
  const release = () => {
    const holder = readHolder(file);
    if (holder && holder !== "unreadable" && holder.pid === me.pid) rmSync(file, { force: true });
    process.off("exit", release);
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readHolder(file);
    if (holder === "unreadable") {
      // Being written by a process that just took it: look again in a moment.
      pause(50);
      continue;
    }
    if (holder?.pid === me.pid) {
      process.on("exit", release);
      return release;
    }
    if (holder && alive(holder)) throw new DataDirLockedError(dir, holder.pid);
    // Its holder is gone: take it over (of two processes doing so at once, `wx` lets one win).
    rmSync(file, { force: true });
  }
  const last = readHolder(file);
  throw new DataDirLockedError(dir, last && last !== "unreadable" ? last.pid : 0);
}
