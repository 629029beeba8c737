// From an empty database to a signed-in owner (issue 17): its own app server on its own empty embedded
// PostgreSQL, started as `npm start` would be, so the demo database of the other specs is untouched.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

const PORT = Number(process.env.E2E_FIRST_RUN_PORT ?? 3190);
const BASE = `http://localhost:${PORT}`;
const dataDir = path.resolve(".data/e2e-first-run-postgres");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  APP_ENV: "test",
  PORT: String(PORT),
  APP_URL: BASE,
  EMBEDDED_PG_DIR: dataDir,
  EMBEDDED_PG_PORT: String(Number(process.env.E2E_FIRST_RUN_PG_PORT ?? 54391)),
};
delete env.DATABASE_URL;
delete env.SMTP_URL;

let server: ChildProcess | undefined;
let printed = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  server = spawn(process.execPath, ["app/server/main.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no setup link in 90 s:\n${printed}`)), 90_000);
    server!.stdout!.on("data", (c: Buffer) => {
      printed += c.toString();
      if (/^Setup link: /m.test(printed)) {
        clearTimeout(timer);
        resolve();
      }
    });
    server!.stderr!.on("data", (c: Buffer) => (printed += c.toString()));
    server!.on("exit", (code) => reject(new Error(`the app exited with ${code}:\n${printed}`)));
  });
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server!.once("exit", r));
  server.kill("SIGTERM");
  await exited;
});

test("an empty database: the printed setup link, a replaced link, setup with bad input then good, and /setup is gone", async ({ page }) => {
  test.setTimeout(90_000);
  const firstLink = /^Setup link: (\S+)$/m.exec(printed)?.[1] ?? "";
  expect(firstLink).toMatch(new RegExp(`^${BASE}/setup\\?token=[\\w-]{43}$`));

  // Signing in is pointless yet: the sign-in page says how to set up.
  await page.goto(`${BASE}/login`);
  await expect(page.getByRole("status")).toContainText("Duely is not set up yet");

  // An operator who lost the link asks for another: the first one stops working.
  const again = spawnSync(process.execPath, ["app/server/setup-link.js"], { env, encoding: "utf8" });
  expect(again.status, again.stderr).toBe(0);
  const link = /^Setup link: (\S+)$/m.exec(again.stdout)?.[1] ?? "";
  expect(link).not.toBe(firstLink);
  await page.goto(firstLink);
  await expect(page.getByRole("alert")).toContainText("This setup link is not valid");

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Set up Duely" })).toBeVisible();
  await page.getByLabel("Business name").fill("Harbor Light Design");
  await page.getByLabel("Contact email for customers").fill("accounts@harborlight");
  await page.getByLabel("Your name").fill("Rosa Quayle");
  await page.getByLabel("Your email").fill("rosa@harborlight.test");
  await page.getByLabel("Password", { exact: true }).fill("harborlight1");
  await page.getByLabel("Password again").fill("harborlight1");
  await page.getByRole("button", { name: "Create the business and sign in" }).click();
  await expect(page.locator("#address-error")).toHaveText("Enter the business address that goes on invoices and receipts.");
  await expect(page.locator("#contactEmail-error")).toContainText("Enter the email address customers should write to");
  await expect(page.locator("#password-error")).toContainText("This password is too easy to guess.");
  // What was typed stays (the server never sends a password back: test/integration/setup.test.ts).
  await expect(page.getByLabel("Business name")).toHaveValue("Harbor Light Design");
  await page.screenshot({ path: "test-results/screens/setup-errors.png", fullPage: true });

  await page.getByLabel("Address").fill("4 Quay Road\nBar Harbor, ME 04609");
  await page.getByLabel("Contact email for customers").fill("accounts@harborlight.test");
  await page.getByLabel("Time zone").selectOption("America/Chicago");
  // This business bills in yen (issue 19): an amount has no decimals anywhere.
  await page.getByLabel("Currency").selectOption("JPY");
  await page.getByLabel("Password", { exact: true }).fill("copper lantern orchard tide");
  await page.getByLabel("Password again").fill("copper lantern orchard tide");
  await page.getByRole("button", { name: "Create the business and sign in" }).click();
  await expect(page).toHaveURL(`${BASE}/app`);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByText("Harbor Light Design").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/setup-done-overview.png", fullPage: true });

  const gone = await page.goto(link);
  expect(gone?.status()).toBe(404);
  expect((await page.request.get(`${BASE}/setup`)).status()).toBe(404);
  const late = spawnSync(process.execPath, ["app/server/setup-link.js"], { env, encoding: "utf8" });
  expect(late.status).toBe(1);
  expect(late.stderr).toContain("Duely is already set up");

  // The new owner signs out and back in with the password chosen at setup.
  await page.context().clearCookies();
  await page.goto(`${BASE}/login`);
  await expect(page.getByRole("status")).toHaveCount(0);
  await page.getByLabel("Email").fill("rosa@harborlight.test");
  await page.getByLabel("Password").fill("copper lantern orchard tide");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${BASE}/app`);

  // The setup checklist shows what is left, from real state: details are in; no Stripe, no SMTP, no customers yet.
  const checklist = page.getByRole("region", { name: "Get ready to collect real money" });
  await expect(checklist).toContainText("1 of 5 done");
  await expect(checklist.locator('[data-step="business"]')).toContainText("done");
  await expect(checklist.locator('[data-step="payments"]')).toContainText("payments go to the built-in test simulator");
  await expect(checklist.locator('[data-step="customers"]')).toContainText("not done");

  // First customers from a spreadsheet: a bad row refuses the whole file, row by row; the fixed file imports.
  await checklist.getByRole("link", { name: "Import customers" }).click();
  await expect(page.getByRole("heading", { name: "Import customers" })).toBeVisible();
  const header = "name,email,company_name,phone,time_zone,email_opt_out";
  const upload = async (name: string, rows: string[]) => {
    await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from([header, ...rows].join("\n")) });
    await page.getByRole("button", { name: "Check and import" }).click();
  };
  await upload("clients.csv", ["Mara Lindqvist,mara@fjord.test,Fjord AB,,Europe/Stockholm,", "Tom Reyes,tom@reyes,,,,", "Lena Ortiz,lena@ortiz.test,,,Mars/Olympus,"]);
  const problems = page.getByRole("table", { name: "Problems in the file" });
  await expect(page.getByRole("alert")).toContainText("Nothing was imported");
  await expect(problems.getByRole("row", { name: /3 email/ })).toContainText("Enter an email address like name@example.com.");
  await expect(problems.getByRole("row", { name: /4 time_zone/ })).toContainText("Choose a time zone from the list");
  await page.screenshot({ path: "test-results/screens/customer-import-errors.png", fullPage: true });
  await upload("clients-fixed.csv", ["Mara Lindqvist,mara@fjord.test,Fjord AB,,Europe/Stockholm,", "Tom Reyes,tom@reyes.test,,,,yes", "Lena Ortiz,lena@ortiz.test,,,America/Denver,"]);
  await expect(page.getByRole("status")).toContainText("Imported 3 customers from clients-fixed.csv: Mara Lindqvist, Tom Reyes, Lena Ortiz.");

  // The sequence reviewed from the Reminders page: two more steps done on the Overview.
  await page.goto(`${BASE}/app/reminders`);
  await page.getByRole("button", { name: "Mark the sequence as reviewed" }).click();
  await expect(page.getByRole("status")).toContainText("Marked as reviewed.");
  await page.goto(`${BASE}/app`);
  await expect(checklist).toContainText("3 of 5 done");
  await expect(checklist.locator('[data-step="customers"]')).toContainText("3 customers in the book");
  await page.screenshot({ path: "test-results/screens/setup-checklist.png", fullPage: true });
  await checklist.getByRole("link", { name: "How to connect Stripe" }).click();
  await expect(page.getByRole("region", { name: "Payment provider" })).toContainText("/webhooks/stripe");
  await expect(page.getByText("Japanese Yen (JPY), chosen at setup. Customers pay by card: bank debit (ACH) is for US dollars only.")).toBeVisible();

  // A yen invoice: a decimal is refused (never rounded), and the invoice shows whole yen.
  await page.goto(`${BASE}/app/invoices/new`);
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Mara Lindqvist (Fjord AB) · mara@fjord.test" });
  await page.getByLabel("Line 1 description").fill("Brand identity");
  await page.getByLabel("Line 1 unit price").fill("120000.5");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/JPY amounts have no decimals/)).toBeVisible();
  await page.getByLabel("Line 1 unit price").fill("120000");
  await expect(page.getByTestId("editor-total")).toHaveText("¥120,000");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByRole("button", { name: "Send invoice" }).click();
  await expect(page.getByRole("status")).toContainText("is issued and emailed to the customer");
  await expect(page.getByRole("row", { name: /Balance due/ })).toContainText("¥120,000");
  await expect(page.getByRole("row", { name: /Balance due/ })).not.toContainText(".");
  await page.screenshot({ path: "test-results/screens/yen-invoice.png", fullPage: true });
});
