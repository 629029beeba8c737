// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the schema as
// the last commit has it and the schema in the working tree. `prisma migrate dev` needs engine binaries
// this project does not download (docs/decisions/002-prisma-without-engine-binaries.md).
// Usage: npm run db:migrate:new -- add_customer_notes
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../app/utils/database.server";
import { parseEnv } from "../app/utils/env.server";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Give the migration a name in snake_case: npm run db:migrate:new -- add_customer_notes");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "..");
const schema = path.join(root, "prisma/schema.prisma");
const migrationsDir = path.join(root, "prisma/migrations");
const hasMigrations = fs.readdirSync(migrationsDir).some((d) => /^\d+_/.test(d));

let from = ["--from-empty"];
if (hasMigrations) {
  const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "migration-")), "previous.prisma");
  fs.writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root }));
  from = ["--from-schema-datamodel", previous];
}

// The JS schema engine connects through the driver adapter even for a pure diff: give it a server.
const env = parseEnv(process.env);
const server = env.DATABASE_URL ? null : await startEmbeddedPostgres({ dir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT });
const url = env.DATABASE_URL ?? server!.url;
try {
  const sql = execFileSync(
    process.execPath,
    [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
    { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "inherit"] },
  ).toString();
  if (!sql.trim() || /^-- This is an empty migration\.?$/.test(sql.trim())) {
    console.log("The schema has not changed since the last commit: no migration written.");
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(root, dir)}/migration.sql. Review it, then commit it with the schema.`);
  }
} finally {
  await server?.stop();
}
