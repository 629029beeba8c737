// Starts one PostgreSQL for the integration suite (embedded, or the server DATABASE_URL names),
// migrates a template database once, and gives each test file its own clone of it.
import type { TestProject } from "vitest/node";
import { PgBoss } from "pg-boss";
import { applyMigrations, startEmbeddedPostgres, type RunningDatabase } from "../../app/utils/database.server";
import { adminQuery, databaseUrl } from "./database-url";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
  }
}

let server: RunningDatabase | undefined;
let adminUrl = "";
const templateDatabase = `duely_tpl_${process.pid}`;

const admin = (sql: string) => adminQuery(adminUrl, sql);

export async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    server = await startEmbeddedPostgres({ dir: ".data/test-postgres", port: Number(process.env.TEST_PG_PORT ?? 54339), unsafeFast: true });
    adminUrl = server.url;
  }
  await admin(`drop database if exists "${templateDatabase}" with (force)`);
  await admin(`create database "${templateDatabase}"`);
  const url = databaseUrl(adminUrl, templateDatabase);
  await applyMigrations(url);
  // Install pg-boss's schema once in the template so each clone starts its queue instantly.
  const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false, close: true });
  project.provide("adminUrl", adminUrl);
  project.provide("templateDatabase", templateDatabase);
}

export async function teardown() {
  await admin(`drop database if exists "${templateDatabase}" with (force)`).catch(() => undefined);
  await server?.stop();
}
