import { execFile } from "node:child_process";
import { appendFileSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/**
 * A PostgreSQL primary and a streaming replica of it, started from scratch in a temporary folder (a
 * cluster of its own: the shared test server is left alone). The replica is a `pg_basebackup -R`
 * of the primary, as in production. PostgreSQL refuses to run as root: then every server command
 * runs as the postgres user, which owns the folder.
 */

const run = promisify(execFile);
const BIN = process.env.PG_BIN_DIR || "/usr/lib/postgresql/15/bin";

export type ReplicaPair = {
  primaryUrl: string;
  replicaUrl: string;
  /** Stops the replica (a replica outage); `stop()` still removes everything. */
  stopReplica: () => Promise<void>;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export async function startReplicaPair(): Promise<ReplicaPair> {
  const asRoot = process.getuid?.() === 0;
  const pg = (tool: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", path.join(BIN, tool), ...args]) : run(path.join(BIN, tool), args);
  const root = mkdtempSync(path.join(os.tmpdir(), "werkbank-replica-"));
  if (asRoot) {
    const { uid, gid } = await postgresIds();
    chownSync(root, uid, gid);
  }
  const primaryDir = path.join(root, "primary");
  const replicaDir = path.join(root, "replica");
  const [primaryPort, replicaPort] = await Promise.all([freePort(), freePort()]);
  const started: string[] = [];
  const stopServer = async (dir: string) => {
    if (!started.includes(dir)) return;
    started.splice(started.indexOf(dir), 1);
    await pg("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
  };
  const stop = async () => {
    await Promise.all([stopServer(replicaDir), stopServer(primaryDir)]);
    rmSync(root, { recursive: true, force: true });
  };

  try {
    await pg("initdb", ["-D", primaryDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    appendFileSync(
      path.join(primaryDir, "postgresql.conf"),
      [
        "",
        "listen_addresses = '127.0.0.1'",
        `port = ${primaryPort}`,
        `unix_socket_directories = '${root}'`,
        "wal_level = replica",
        "max_wal_senders = 4",
        "hot_standby = on",
        "max_connections = 40",
        "fsync = off",
        "",
      ].join("\n"),
    );
    appendFileSync(path.join(primaryDir, "pg_hba.conf"), "\nhost replication all 127.0.0.1/32 trust\n");
    await pg("pg_ctl", ["-D", primaryDir, "-l", path.join(root, "primary.log"), "-w", "-t", "60", "start"]);
    started.push(primaryDir);

    await pg("pg_basebackup", ["-D", replicaDir, "-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-R", "-X", "stream", "-c", "fast", "--no-sync"]);
    appendFileSync(path.join(replicaDir, "postgresql.conf"), `\nport = ${replicaPort}\n`);
    await pg("pg_ctl", ["-D", replicaDir, "-l", path.join(root, "replica.log"), "-w", "-t", "60", "start"]);
    started.push(replicaDir);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
    stopReplica: () => stopServer(replicaDir),
    stop,
  };
}
