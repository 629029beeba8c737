// Finds a Chromium for the end-to-end tests, or installs one: Debian's package when running as root
// with apt (this project's machines and CI), otherwise Playwright's own download.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
if (candidates.some((p) => fs.existsSync(p))) process.exit(0);

async function playwrightHasBrowser() {
  try {
    const { chromium } = await import("@playwright/test");
    return fs.existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}
if (await playwrightHasBrowser()) process.exit(0);

const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
if (isRoot && hasApt) {
  console.log("Installing Debian's chromium for the end-to-end tests (apt-get)...");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  process.exit(0);
}
console.log("Installing Playwright's Chromium...");
const result = spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
if (result.status !== 0) {
  console.error("No Chromium found. Install one (e.g. `sudo apt-get install chromium`) or set CHROMIUM_PATH.");
  process.exit(1);
}
