import { defineConfig, devices } from "@playwright/test";
import { chromiumExecutable } from "./test/e2e/browser";

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "test/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  globalSetup: "./test/e2e/global-setup.ts",
  globalTeardown: "./test/e2e/global-teardown.ts",
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  // One app and one demo database for the whole run: the payment specs change the demo data, so they
  // run after the specs that read it as seeded.
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: ["**/*.phone.spec.ts", "**/payments.spec.ts", "**/sepa.spec.ts", "**/reminders.spec.ts", "**/plans.spec.ts", "**/refunds.spec.ts", "**/disputes.spec.ts"] },
    { name: "phone", use: { ...devices["Pixel 7"] }, testMatch: "**/*.phone.spec.ts" },
    // sepa.spec.ts pays with a euro business of its own: it changes no demo data, but is a payment spec like the others.
    { name: "payments", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: ["**/payments.spec.ts", "**/sepa.spec.ts"], dependencies: ["desktop", "phone"] },
    // Moves the app clock forward: last.
    { name: "reminders", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: "**/reminders.spec.ts", dependencies: ["payments"] },
    { name: "plans", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: "**/plans.spec.ts", dependencies: ["reminders"] },
    // Refunds a payment the payments specs made, and reopens its invoice: after everything that reads them.
    { name: "refunds", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: ["**/refunds.spec.ts", "**/disputes.spec.ts"], dependencies: ["plans"] },
  ],
});
