// The portal invoices page under load (the production build, 50 connections) against a bare node:http + pg
// server that runs the same queries and returns the same data as JSON.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { printProfile, summarizeProfile } from "./profile";

export type LoadFigures = { rps: number; p50: number; p99: number; requests: number; non2xx: number; errors: number; cpuMsPerRequest?: number; databaseCpuMsPerRequest?: number };
export type PortalResult = { customerId: string; invoices: number; app: LoadFigures; bare: LoadFigures; scaled: { processes: number; figures: LoadFigures }[] };

const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3430);
const BARE_PORT = Number(process.env.BENCH_BARE_PORT ?? 3431);
const SESSION_SECRET = "bench-only-session-secret-0123456789abcdef";

function start(name: string, args: string[], env: Record<string, string>, ready: RegExp, log: (line: string) => void) {
  return new Promise<ChildProcess>((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve(child);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      log(`  [${name}] ${chunk.toString().trimEnd()}`);
    });
    child.on("exit", (code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${output}`)));
  });
}

/** Node's flags in `npm start` (package.json), so that the app is measured as it runs in production. */
function startFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: { start: string } };
  const match = /\bnode((?:\s+--[\w-]+(?:=\S+)?)*)\s+\.\/app\/server\/main\.js/.exec(pkg.scripts.start);
  if (!match) throw new Error(`package.json's start script does not run ./app/server/main.js with node: ${pkg.scripts.start}`);
  return match[1]!.trim().split(/\s+/).filter(Boolean);
}

function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** CPU seconds (user + system) a process and its children (cluster workers) have used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    let total = (Number(fields[11]) + Number(fields[12])) / 100;
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      for (const child of fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean)) total += cpuSeconds(Number(child)) ?? 0;
    }
    return total;
  } catch {
    return null;
  }
}

/** The measured run, with the server's own CPU time per request: steadier than req/s on a shared machine. */
/** And, when the bench runs the database itself, PostgreSQL's CPU time per request (all its backends). */
async function measure(server: ChildProcess, url: string, cookie: string, seconds: number, databasePid: number | null = null): Promise<LoadFigures> {
  const before = cpuSeconds(server.pid!);
  const dbBefore = databasePid === null ? null : cpuSeconds(databasePid);
  const figures = await load(url, cookie, seconds);
  const after = cpuSeconds(server.pid!);
  const dbAfter = databasePid === null ? null : cpuSeconds(databasePid);
  const perRequest = (a: number | null, b: number | null) => (a === null || b === null ? undefined : ((b - a) * 1000) / figures.requests);
  return { ...figures, cpuMsPerRequest: perRequest(before, after), databaseCpuMsPerRequest: perRequest(dbBefore, dbAfter) };
}

async function load(url: string, cookie: string, seconds: number, warmUp = false): Promise<LoadFigures> {
  const result = await autocannon({ url, connections: 50, duration: seconds, timeout: 60, headers: { cookie } });
  if (warmUp) return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, non2xx: result.non2xx, errors: result.errors };
  if (result.requests.total === 0 || result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.requests.total} requests, ${result.non2xx} not 2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, non2xx: result.non2xx, errors: result.errors };
}

/** Waits until the requests the warm-up left in flight are answered: a lone request is answered quickly again. */
async function settle(url: string, cookie: string) {
  for (let i = 0; i < 60; i++) {
    const started = performance.now();
    await (await fetch(url, { headers: { cookie } })).arrayBuffer();
    if (performance.now() - started < 1000) return;
  }
}

/** The first customer with exactly 50 issued invoices; a fresh link for them, as the app mints one. */
async function portalLink(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; count: number }>(`
      select c.id, count(*)::int as count from "Customer" c join "Invoice" i on i."customerId" = c.id
      where c."archivedAt" is null and c.id in (select "customerId" from "Invoice" group by 1 having count(*) = 50)
      group by c.id having count(*) filter (where i.state = 'ISSUED') = 50 order by c."createdAt", c.id limit 1`);
    const customer = rows[0];
    if (!customer) throw new Error("The bench database has no customer with exactly 50 issued invoices.");
    const token = crypto.randomBytes(32).toString("base64url");
    await client.query(`insert into "PortalAccessToken" (id, "customerId", "tokenHash", "expiresAt", "createdAt") values ($1, $2, $3, now() + interval '1 day', now())`, [
      `bench-${crypto.randomUUID()}`,
      customer.id,
      crypto.createHash("sha256").update(token).digest("hex"),
    ]);
    return { customerId: customer.id, invoices: customer.count, token };
  } finally {
    await client.end();
  }
}

export async function benchPortal(options: {
  databaseUrl: string;
  seconds: number;
  build: boolean;
  /** Also measured with this many web processes behind one port (bench/cluster.ts), besides one. */
  processes?: number[];
  /** The database server's pid, for its CPU per request (null: not measured). */
  databasePid?: number | null;
  profileDir?: string;
  log: (line: string) => void;
}): Promise<PortalResult> {
  const { databaseUrl, seconds, log } = options;
  if (options.build) {
    log("  building the app (remix build)...");
    const built = spawnSync("npx", ["remix", "build"], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "production" } });
    if (built.status !== 0) throw new Error(`remix build failed:\n${built.stderr.toString()}`);
  }
  const link = await portalLink(databaseUrl);
  let app: ChildProcess | undefined;
  let bare: ChildProcess | undefined;
  const appEnv = {
    NODE_ENV: "production",
    APP_ENV: "production",
    DATABASE_URL: databaseUrl,
    PORT: String(APP_PORT),
    HOST: "127.0.0.1",
    APP_URL: `http://127.0.0.1:${APP_PORT}`,
    SESSION_SECRET,
    SMTP_URL: "smtp://127.0.0.1:9",
    RUN_JOBS_IN_WEB: "false",
    SLOW_QUERY_MS: "0",
  };
  try {
    // Production mode, no job workers in the web process: nothing is sent and no job competes with the requests.
    app = await start(
      "app",
      // --profile: V8 samples the app's CPU; the profile is written when it stops and summarised below.
      [...startFlags(), ...(options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`, "--cpu-prof-name=portal-app.cpuprofile"] : []), "app/server/main.js"],
      appEnv,
      /listening on/,
      log,
    );
    const opened = await fetch(`http://127.0.0.1:${APP_PORT}/portal/access/${link.token}`, { redirect: "manual" });
    const cookie = opened.headers.get("set-cookie")?.split(";")[0];
    if (!cookie) throw new Error(`Opening the portal link gave no session cookie (status ${opened.status}).`);
    const page = await fetch(`http://127.0.0.1:${APP_PORT}/portal`, { headers: { cookie } });
    const html = await page.text();
    if (process.env.BENCH_SAVE_PAGE) fs.writeFileSync(process.env.BENCH_SAVE_PAGE, html);
    const shown = html.match(/INV-\d{7}/g)?.length ?? 0;
    if (page.status !== 200 || shown < link.invoices) throw new Error(`The portal page answered ${page.status} with ${shown} invoice numbers.`);
    log(`  customer ${link.customerId}: ${link.invoices} invoices, page of ${Math.round(html.length / 1024)} KiB`);

    const appUrl = `http://127.0.0.1:${APP_PORT}/portal`;
    await load(appUrl, cookie, Math.min(3, seconds), true);
    await settle(appUrl, cookie);
    const appFigures = await measure(app, appUrl, cookie, seconds, options.databasePid);
    log(`  app: ${appFigures.rps.toFixed(0)} req/s, p50 ${appFigures.p50} ms, p99 ${appFigures.p99} ms, ${appFigures.cpuMsPerRequest?.toFixed(1)} ms CPU per request, database ${appFigures.databaseCpuMsPerRequest?.toFixed(1)} ms (${appFigures.non2xx} non-2xx, ${appFigures.errors} errors)`);
    await stop(app);
    app = undefined;
    if (options.profileDir) {
      const file = path.join(options.profileDir, "portal-app.cpuprofile");
      log(`  profile of the app (warm-up and load): ${file}`);
      printProfile(summarizeProfile(file), log);
    }

    // The same page served by N web processes on one port (Node's cluster module): the same load, the CPU of all of them.
    const scaled: PortalResult["scaled"] = [];
    for (const processes of (options.processes ?? []).filter((n) => n > 1)) {
      app = await start("cluster", ["--import", "tsx", "bench/cluster.ts"], { ...appEnv, BENCH_PROCESSES: String(processes), BENCH_NODE_FLAGS: startFlags().join(" ") }, /all \d+ web processes listening/, log);
      await load(appUrl, cookie, Math.min(3, seconds), true);
      await settle(appUrl, cookie);
      const figures = await measure(app, appUrl, cookie, seconds, options.databasePid);
      log(`  app, ${processes} web processes: ${figures.rps.toFixed(0)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, ${figures.cpuMsPerRequest?.toFixed(1)} ms CPU per request, database ${figures.databaseCpuMsPerRequest?.toFixed(1)} ms`);
      scaled.push({ processes, figures });
      await stop(app);
      app = undefined;
    }

    bare = await start("bare", ["--import", "tsx", "bench/bare-server.ts"], { NODE_ENV: "production", DATABASE_URL: databaseUrl, PORT: String(BARE_PORT), SESSION_SECRET }, /listening/, log);
    const bareUrl = `http://127.0.0.1:${BARE_PORT}/portal`;
    const answer = await fetch(bareUrl, { headers: { cookie } });
    const data = (await answer.json()) as { page?: { invoices?: unknown[] } };
    if (answer.status !== 200 || data.page?.invoices?.length !== link.invoices) throw new Error(`The bare server answered ${answer.status} with ${data.page?.invoices?.length} invoices.`);
    await load(bareUrl, cookie, Math.min(3, seconds), true);
    await settle(bareUrl, cookie);
    const bareFigures = await measure(bare, bareUrl, cookie, seconds, options.databasePid);
    log(`  bare: ${bareFigures.rps.toFixed(0)} req/s, p50 ${bareFigures.p50} ms, p99 ${bareFigures.p99} ms, ${bareFigures.cpuMsPerRequest?.toFixed(1)} ms CPU per request, database ${bareFigures.databaseCpuMsPerRequest?.toFixed(1)} ms (${bareFigures.non2xx} non-2xx, ${bareFigures.errors} errors)`);
    return { customerId: link.customerId, invoices: link.invoices, app: appFigures, bare: bareFigures, scaled };
  } finally {
    await stop(app);
    await stop(bare);
  }
}
