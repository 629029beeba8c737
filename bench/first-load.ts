// The portal's first load on a phone: Lighthouse (its default, mobile config: simulated slow 4G, 4× CPU
// slowdown) against the production build with the demo data, on the portal home, an invoice and the pay page.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { z } from "zod";
import { chromiumExecutable } from "../test/e2e/browser";
import { freePort, launch } from "../test/support/launcher";

export type PageFigures = { score: number; lcpMs: number; tbtMs: number; cls: number; jsKb: number; cssKb: number; requests: number };
export type FirstLoadPage = { name: string; path: string; median: PageFigures; runs: PageFigures[] };
export type FirstLoadResult = { chromium: string; runsPerPage: number; pages: FirstLoadPage[] };

/**
 * Debian's Chromium, as the e2e tests find it (CHROMIUM_PATH overrides it); on a fresh machine the e2e tests' own
 * installer (test/e2e/ensure-browser.js: Debian's package with apt-get, as root) puts it there first.
 */
function chromium(log: (line: string) => void) {
  const found = chromiumExecutable();
  if (found) return found;
  log("  no Chromium: installing it as the e2e tests do (test/e2e/ensure-browser.js)...");
  spawnSync(process.execPath, ["test/e2e/ensure-browser.js"], { stdio: "inherit" });
  const installed = chromiumExecutable();
  if (!installed) throw new Error("No Chromium at /usr/bin/chromium: apt-get install chromium, or set CHROMIUM_PATH.");
  return installed;
}
// Nothing in the browser reaches out: the page under test is the only traffic.
const CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// The parts of Lighthouse's report read here, checked rather than trusted.
const NetworkItem = z.object({ resourceType: z.string().optional(), transferSize: z.number().optional() });
const Report = z.object({
  runtimeError: z.object({ code: z.string(), message: z.string() }).optional(),
  categories: z.object({ performance: z.object({ score: z.number().nullable() }) }),
  audits: z.object({
    "largest-contentful-paint": z.object({ numericValue: z.number() }),
    "total-blocking-time": z.object({ numericValue: z.number() }),
    "cumulative-layout-shift": z.object({ numericValue: z.number() }),
    "network-requests": z.object({ details: z.object({ items: z.array(NetworkItem) }) }),
  }),
});

export function median(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function medianFigures(runs: readonly PageFigures[]): PageFigures {
  const of = (key: keyof PageFigures) => median(runs.map((r) => r[key]));
  return { score: of("score"), lcpMs: of("lcpMs"), tbtMs: of("tbtMs"), cls: of("cls"), jsKb: of("jsKb"), cssKb: of("cssKb"), requests: of("requests") };
}

async function waitFor<T>(read: () => T | undefined, what: string, ms = 10_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function measurePage(port: number, url: string, cookie: string): Promise<PageFigures> {
  const runner = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: { Cookie: cookie } });
  if (!runner) throw new Error(`Lighthouse returned nothing for ${url}.`);
  const lhr = Report.parse(runner.lhr);
  if (lhr.runtimeError) throw new Error(`Lighthouse could not measure ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  if (lhr.categories.performance.score === null) throw new Error(`Lighthouse gave ${url} no performance score.`);
  const items = lhr.audits["network-requests"].details.items;
  const bytes = (type: string) => items.filter((i) => i.resourceType === type).reduce((sum, i) => sum + (i.transferSize ?? 0), 0);
  return {
    score: Math.round(lhr.categories.performance.score * 100),
    lcpMs: lhr.audits["largest-contentful-paint"].numericValue,
    tbtMs: lhr.audits["total-blocking-time"].numericValue,
    cls: lhr.audits["cumulative-layout-shift"].numericValue,
    jsKb: bytes("Script") / 1024,
    cssKb: bytes("Stylesheet") / 1024,
    requests: items.length,
  };
}

/**
 * Starts the built app (`node app/server/main.js --seed-demo`, NODE_ENV=production) on a free port with a fresh
 * embedded PostgreSQL in a temporary folder, opens the demo's portal link for the session cookie, and runs
 * Lighthouse `runs` times on each page. APP_ENV=test, not production: production's CSP has
 * upgrade-insecure-requests, HSTS and Secure cookies, which a plain-http 127.0.0.1 cannot honour; the build, the
 * server, the assets and their caching headers are production's either way.
 */
export async function benchFirstLoad(options: { build: boolean; runs: number; log: (line: string) => void }): Promise<FirstLoadResult> {
  const { log } = options;
  const chromePath = chromium(log);
  if (options.build) {
    log("  building the app (remix build)...");
    const built = spawnSync("npx", ["remix", "build"], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "production" } });
    if (built.status !== 0) throw new Error(`remix build failed:\n${built.stderr.toString()}`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "duely-first-load-"));
  // Run as root, the embedded PostgreSQL initialises its folder as another user: it must be able to enter this one.
  fs.chmodSync(tmp, 0o755);
  const [appPort, pgPort] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${appPort}`;
  log(`  starting the app with the demo data on ${origin}...`);
  const app = await launch(
    {
      APP_ENV: "test",
      PORT: String(appPort),
      HOST: "127.0.0.1",
      APP_URL: origin,
      EMBEDDED_PG_DIR: path.join(tmp, "postgres"),
      EMBEDDED_PG_PORT: String(pgPort),
      RUN_JOBS_IN_WEB: "false",
      SLOW_QUERY_MS: "0",
    },
    { args: ["--seed-demo"] },
  );
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    if (!app.listening) throw new Error(`The app did not start:\n${app.output()}`);
    const link = await waitFor(() => /^Portal link: (\S+)/m.exec(app.output())?.[1], "the demo's portal link");
    const opened = await fetch(new URL(new URL(link).pathname, origin), { redirect: "manual" });
    const cookie = opened.headers.get("set-cookie")?.split(";")[0];
    if (!cookie?.startsWith("duely_portal=")) throw new Error(`Opening the portal link gave no portal session (status ${opened.status}).`);
    const home = await (await fetch(`${origin}/portal`, { headers: { cookie } })).text();
    const invoicePath = /href="(\/portal\/invoices\/[^"/?#.]+)"/.exec(home)?.[1];
    if (!invoicePath) throw new Error("The demo's portal home links to no invoice.");
    const invoiceId = invoicePath.split("/").pop()!;
    const pages = [
      { name: "portal home", path: "/portal" },
      { name: "invoice", path: invoicePath },
      { name: "pay", path: `/portal/pay?invoice=${encodeURIComponent(invoiceId)}` },
    ];
    for (const page of pages) {
      const answer = await fetch(origin + page.path, { headers: { cookie }, redirect: "manual" });
      if (answer.status !== 200) throw new Error(`${page.path} answered ${answer.status}, not 200.`);
    }

    // A fresh profile: no cache, cookie or service worker from an earlier run.
    const profile = path.join(tmp, "chromium");
    fs.mkdirSync(profile);
    chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, userDataDir: profile, logLevel: "error" });
    const version = ((await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()) as { Browser?: string }).Browser ?? "unknown";
    log(`  ${version}, ${options.runs} Lighthouse runs a page (mobile: slow 4G, 4× CPU slowdown)...`);
    const results: FirstLoadPage[] = [];
    for (const page of pages) {
      const runs: PageFigures[] = [];
      for (let i = 0; i < options.runs; i++) runs.push(await measurePage(chrome.port, origin + page.path, cookie));
      const m = medianFigures(runs);
      log(`  ${page.name}: score ${m.score}, LCP ${Math.round(m.lcpMs)} ms, TBT ${Math.round(m.tbtMs)} ms, CLS ${m.cls.toFixed(3)}, JS ${m.jsKb.toFixed(1)} KB, CSS ${m.cssKb.toFixed(1)} KB`);
      results.push({ ...page, median: m, runs });
    }
    return { chromium: version, runsPerPage: options.runs, pages: results };
  } finally {
    if (chrome) await chrome.kill();
    await app.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
