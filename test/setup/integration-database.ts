// Each integration test file runs against its own database, cloned from the migrated template.
import crypto from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { disconnectDb } from "../../app/utils/db.server";
import { resetEnvCache } from "../../app/utils/env.server";
import { adminQuery, databaseUrl } from "./database-url";

const adminUrl = inject("adminUrl");
const template = inject("templateDatabase");
const name = `duely_t_${crypto.randomBytes(5).toString("hex")}`;

const admin = (sql: string) => adminQuery(adminUrl, sql);

beforeAll(async () => {
  await admin(`create database "${name}" template "${template}"`);
  process.env.DATABASE_URL = databaseUrl(adminUrl, name);
  process.env.APP_ENV = "test";
  delete process.env.SMTP_URL;
  resetEnvCache();
});

afterAll(async () => {
  await stopBoss();
  await disconnectDb();
  await admin(`drop database if exists "${name}" with (force)`);
});
