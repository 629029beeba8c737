// Issue 17: the owner invites a collector; the collector accepts from the email, signs in, works on the book
// and cannot open Settings, the Team page or a whole-book export, even by typing the address.
import { generate } from "otplib";
import { expect, test } from "./fixtures";
import { readLatestEmail, signInAsOwner } from "./helpers";

const totp = (secret: string, offsetSeconds = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

test("the owner invites a collector, who joins from the email and is held to the role on the server", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const email = `sam-${Date.now()}@northwind.test`;
  await signInAsOwner(page);
  await page.getByRole("link", { name: "Team", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();

  await page.getByLabel("Email").fill("not-an-address");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Enter the email address to invite, like sam@example.com.")).toBeVisible();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("COLLECTOR");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation emailed to ${email} (Collector)`);
  await expect(page.getByRole("listitem").filter({ hasText: email })).toContainText("as Collector");
  await page.screenshot({ path: "test-results/screens/team.png", fullPage: true });

  const text = await readLatestEmail(page, email, /invited you to Northwind Studio/);
  const link = /https?:\/\/\S+\/invite\?token=[\w-]+/.exec(text)?.[0] ?? "";
  expect(link).not.toBe("");

  const collector = await (await browser.newContext()).newPage();
  await collector.goto(link);
  await expect(collector.getByRole("heading", { name: "Join Northwind Studio" })).toBeVisible();
  await collector.getByLabel("Your name").fill("Sam Rivers");
  await collector.getByLabel("Password", { exact: true }).fill("short");
  await collector.getByLabel("Password again").fill("short");
  await collector.getByRole("button", { name: "Join and sign in" }).click();
  await expect(collector.locator("#password-error")).toContainText("Use at least 12 characters");
  await collector.getByLabel("Password", { exact: true }).fill("walnut harbor signal piano");
  await collector.getByLabel("Password again").fill("walnut harbor signal piano");
  await collector.getByRole("button", { name: "Join and sign in" }).click();
  await expect(collector).toHaveURL(/\/app$/);
  await expect(collector.getByRole("banner")).toContainText("Collector");

  const nav = collector.getByRole("navigation", { name: "Workspace" });
  await expect(nav.getByRole("link", { name: "Customers" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Team" })).toHaveCount(0);

  for (const [path, what] of [
    ["/app/settings", "change the business's settings"],
    ["/app/team", "manage the team"],
    ["/app/invoices.csv", "export the whole book"],
  ] as const) {
    const response = await collector.goto(path);
    expect(response?.status(), path).toBe(403);
    if (!path.endsWith(".csv")) await expect(collector.getByText(`Your role (Collector) cannot ${what}.`)).toBeVisible();
  }
  await collector.goto("/app/settings");
  await collector.screenshot({ path: "test-results/screens/collector-refused.png" });

  // The collector does collect: a customer's page opens.
  await collector.goto("/app/customers");
  await expect(collector.getByRole("heading", { name: "Customers" })).toBeVisible();

  // Refunds are the owner's: the collector sees a payment without the refund form, and a forged request is refused.
  await collector.goto("/app/payments");
  await collector.getByRole("table").getByRole("row").filter({ hasText: "Succeeded" }).first().getByRole("link").first().click();
  await expect(collector.getByRole("heading", { name: /from/ })).toBeVisible();
  await expect(collector.getByRole("form", { name: "Refund this payment" })).toHaveCount(0);
  const refused = await collector.request.post(collector.url(), { form: { intent: "refund", amount: "1.00", reason: "Not allowed", effect: "REOPEN" } });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("Your role (Collector) cannot refund payments.");

  // The same link cannot be used twice.
  await collector.goto(link);
  await expect(collector.getByRole("alert")).toContainText("accepted already");

  // The owner sees the new member.
  await page.goto("/app/team");
  await expect(page.getByRole("row", { name: /Sam Rivers/ })).toContainText(email);

  // Sam forgets the password: a link from the mailbox sets a new one and ends every session.
  await collector.context().clearCookies();
  await collector.goto("/login");
  await collector.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(collector.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await collector.getByLabel("Email").fill(email);
  await collector.getByRole("button", { name: "Email me a link" }).click();
  await expect(collector.getByRole("status")).toContainText(`If an account uses ${email}, we have emailed it a link`);
  const resetText = await readLatestEmail(page, email, /Reset your Northwind Studio password/);
  const resetLink = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(resetText)?.[0] ?? "";
  expect(resetLink).not.toBe("");
  await collector.goto(resetLink);
  await collector.getByLabel("New password", { exact: true }).fill("harbor seal compass morning");
  await collector.getByLabel("New password again").fill("harbor seal compass morning");
  await collector.getByRole("button", { name: "Save the new password" }).click();
  await expect(collector).toHaveURL(/\/login\?reset=done$/);
  await expect(collector.getByRole("status")).toContainText("Your password is changed and every session has ended.");
  await collector.getByLabel("Email").fill(email);
  await collector.getByLabel("Password").fill("harbor seal compass morning");
  await collector.getByRole("button", { name: "Sign in" }).click();
  await expect(collector).toHaveURL(/\/app$/);
  await collector.goto(resetLink);
  await expect(collector.getByRole("alert")).toContainText("used already");

  // The account page lists the session and changes the password, checking the current one.
  await collector.goto("/app");
  await collector.getByRole("banner").getByRole("link", { name: /Collector/ }).click();
  await expect(collector.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(collector.getByText("This session")).toBeVisible();
  await collector.getByLabel("Current password").fill("not it");
  await collector.getByLabel("New password", { exact: true }).fill("quiet meadow lantern ferry");
  await collector.getByLabel("New password again").fill("quiet meadow lantern ferry");
  await collector.getByRole("button", { name: "Change password" }).click();
  await expect(collector.getByText("That is not your current password.")).toBeVisible();
  await collector.getByLabel("Current password").fill("harbor seal compass morning");
  await collector.getByRole("button", { name: "Change password" }).click();
  await expect(collector.getByRole("status")).toContainText("Password changed.");
  await collector.screenshot({ path: "test-results/screens/account.png", fullPage: true });

  // Two-step sign-in: Sam adds an authenticator (the test plays the phone), gets recovery codes, and from then on
  // signing in asks for a code after the password.
  await collector.getByRole("button", { name: "Set up two-step sign-in" }).click();
  await expect(collector.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await collector.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  await collector.screenshot({ path: "test-results/screens/two-step-setup.png", fullPage: true });
  await collector.getByLabel("2. The 6-digit code the app shows").fill("000000");
  await collector.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(collector.getByText(/That code does not match/)).toBeVisible();
  await collector.getByLabel("2. The 6-digit code the app shows").fill(await totp(secret));
  await collector.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(collector.getByRole("status")).toContainText("Two-step sign-in is on.");
  await expect(collector.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await collector.screenshot({ path: "test-results/screens/two-step-codes.png", fullPage: true });

  await collector.getByRole("button", { name: "Sign out", exact: true }).click();
  await collector.getByLabel("Email").fill(email);
  await collector.getByLabel("Password").fill("quiet meadow lantern ferry");
  await collector.getByRole("button", { name: "Sign in" }).click();
  await expect(collector.getByRole("heading", { name: "Two-step sign-in" })).toBeVisible();
  await collector.getByLabel("Authentication code").fill("12345");
  await collector.getByRole("button", { name: "Sign in" }).click();
  await expect(collector.getByRole("alert")).toContainText("An authenticator code has 6 digits; that has 5.");
  // The enrolment used this 30-second step's code; the next one is what the phone shows in a moment.
  await collector.getByLabel("Authentication code").fill(await totp(secret, 30));
  await collector.getByRole("button", { name: "Sign in" }).click();
  await expect(collector).toHaveURL(/\/app$/);
  await page.goto("/app/team");
  const samRow = page.getByRole("row", { name: /Sam Rivers/ });
  await expect(samRow).toContainText("On");

  // The owner makes Sam a Viewer: the board and the invoices keep their data but lose every button that changes something.
  await samRow.getByLabel("Role of Sam Rivers").selectOption("VIEWER");
  await samRow.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByRole("status")).toContainText("Sam Rivers is now Viewer.");
  await collector.goto("/app/invoices");
  await expect(collector.getByRole("link", { name: "Export CSV" })).toBeVisible();
  await expect(collector.getByRole("link", { name: "New invoice" })).toHaveCount(0);
  await collector.goto("/app/board");
  await expect(collector.getByRole("button", { name: "Send next reminder now" })).toHaveCount(0);
  await collector.goto("/app/reminders");
  await expect(collector.getByRole("button", { name: "Send due reminders now" })).toHaveCount(0);
  await expect(collector.getByRole("button", { name: "Save guardrails" })).toBeDisabled();
  await collector.context().close();
});
