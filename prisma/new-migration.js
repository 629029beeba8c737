#!/usr/bin/env node
// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the schema as
// the last commit has it and the schema in the working tree. `prisma migrate dev` needs engine binaries
// this project does not download (docs/decisions/002-prisma-without-engine-binaries.md).
// Usage: npm run db:migrate:new -- add_customer_notes
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Give the migration a name in snake_case: npm run db:migrate:new -- add_customer_notes");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "..");
const schema = path.join(root, "prisma/schema.prisma");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "migration-"));
const previous = path.join(tmp, "previous.prisma");
const migrationsDir = path.join(root, "prisma/migrations");
const hasMigrations = fs.readdirSync(migrationsDir).some((d) => /^\d+_/.test(d));
let from = ["--from-empty"];
if (hasMigrations) {
  try {
    fs.writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root }));
    from = ["--from-schema-datamodel", previous];
  } catch {
    console.error("Could not read prisma/schema.prisma from the last commit (git show HEAD:prisma/schema.prisma).");
    process.exit(1);
  }
}
const prisma = path.join(root, "node_modules/prisma/build/index.js");
const sql = execFileSync(
  process.execPath,
  [prisma, "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
  { cwd: root, env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://localhost/unused" } },
).toString();
if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
  console.log("The schema has not changed since the last commit: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${path.relative(root, dir)}/migration.sql. Review it, then commit it with the schema.`);
