// Start-up shared by the web server, the worker and the scripts: validate configuration, settle the
// database (embedded unless DATABASE_URL is set), apply migrations, then start jobs.
import { seedDemo, type SeedResult } from "~/modules/demo/seed.server";
import { startWorkers } from "~/modules/jobs/workers.server";
import { getBoss, stopBoss } from "~/modules/jobs/queue.server";
import { syncClock } from "./clock.server";
import { applyMigrations, embeddedUrl, ensureDatabaseExists, startEmbeddedPostgres } from "./database.server";
import { disconnectDb } from "./db.server";
import { getEnv } from "./env.server";

export type BootOptions = { role: "web" | "worker" | "script"; seedDemo?: boolean; log?: (line: string) => void };
export type Runtime = { databaseUrl: string; embedded: boolean; seed?: SeedResult; stop: () => Promise<void> };

const APP_DATABASE = "duely";

export async function bootDatabase(log: (line: string) => void = console.log) {
  const env = getEnv();
  if (env.DATABASE_URL) {
    await applyMigrations(env.DATABASE_URL);
    return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  log(`Starting the embedded PostgreSQL (data in ${env.EMBEDDED_PG_DIR}, port ${env.EMBEDDED_PG_PORT})...`);
  const server = await startEmbeddedPostgres({ dir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT });
  await ensureDatabaseExists(server.url, APP_DATABASE);
  const url = embeddedUrl(env.EMBEDDED_PG_PORT, APP_DATABASE);
  process.env.DATABASE_URL = url;
  await applyMigrations(url);
  return { url, embedded: true, stop: server.stop };
}

export async function boot(options: BootOptions): Promise<Runtime> {
  const log = options.log ?? console.log;
  const env = getEnv();
  const database = await bootDatabase(log);
  process.env.DATABASE_URL = database.url;
  await syncClock();

  const runJobs = options.role === "worker" || (options.role === "web" && env.RUN_JOBS_IN_WEB);
  if (runJobs) await startWorkers();
  else await getBoss("producer");

  const seed = options.seedDemo ? await seedDemo() : undefined;
  return {
    databaseUrl: database.url,
    embedded: database.embedded,
    seed,
    stop: async () => {
      await stopBoss().catch((e) => log(`[jobs] stop failed: ${e}`));
      await disconnectDb();
      await database.stop();
    },
  };
}
