// `npm test`: type-check, lint, build, then unit, integration (real PostgreSQL) and end-to-end (Chromium)
// tests. Prints one closing line, "Summary: N passed, N failed", and exits non-zero on any failure.
import "../app/server/require-node-22.js";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, "node_modules/.bin", name);

const steps = [
  { name: "typecheck", cmd: bin("tsc"), args: ["--noEmit"] },
  { name: "lint", cmd: bin("eslint"), args: ["--max-warnings=0", "."] },
  { name: "build", cmd: bin("remix"), args: ["build"] },
  { name: "unit", cmd: bin("vitest"), args: ["run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile.json=${results}/unit.json`], report: "unit.json" },
  {
    name: "integration",
    cmd: bin("vitest"),
    args: ["run", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile.json=${results}/integration.json`],
    report: "integration.json",
  },
  {
    name: "reliability",
    cmd: bin("vitest"),
    args: ["run", "--project", "reliability", "--reporter=default", "--reporter=json", `--outputFile.json=${results}/reliability.json`],
    report: "reliability.json",
    env: { RELIABILITY_SCALE: process.env.RELIABILITY_SCALE ?? "small" },
  },
  { name: "browser", cmd: process.execPath, args: [path.join(root, "test/e2e/ensure-browser.js")] },
  { name: "e2e", cmd: bin("playwright"), args: ["test"], report: "e2e.json" },
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const timings = [];

function countsFrom(report) {
  const file = path.join(results, report);
  if (!fs.existsSync(file)) return null;
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  if (data.stats) return { passed: data.stats.expected + data.stats.flaky, failed: data.stats.unexpected };
  // A test file whose worker crashed is reported as "passed" with no tests in it: count it as a failure.
  const empty = data.testResults.filter((r) => r.assertionResults.length === 0);
  for (const r of empty) console.error(`✖ ${path.relative(root, r.name)} ran no tests (its worker crashed or it failed to load).`);
  return { passed: data.numPassedTests, failed: data.numFailedTests + (data.numRuntimeErrorTestSuites ?? 0) + empty.length };
}

for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  if (step.report) fs.rmSync(path.join(results, step.report), { force: true });
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  // node_modules/.bin first: the tools then run on the project's Node 22 whatever node started this script.
  const env = { ...process.env, PATH: `${path.join(root, "node_modules/.bin")}${path.delimiter}${process.env.PATH ?? ""}`, FORCE_COLOR: process.env.CI ? "0" : "1", ...step.env };
  const run = spawnSync(step.cmd, step.args, { cwd: root, stdio: "inherit", env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${step.name} ${seconds}s`);
  const counts = step.report ? countsFrom(step.report) : null;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  }
  if (run.status !== 0 || (counts && counts.failed > 0)) {
    if (!counts || counts.failed === 0) failed += 1;
    console.error(`\n✖ ${step.name} failed (exit ${run.status ?? run.signal}).`);
    console.log(`\nTimings: ${timings.join(", ")}`);
    console.log(`Summary: ${passed} passed, ${failed} failed`);
    process.exit(1);
  }
}
console.log(`\nTimings: ${timings.join(", ")}`);
console.log(`Summary: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
