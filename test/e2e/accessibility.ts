// Accessibility check shared by the desktop and phone specs: axe-core (WCAG 2.1 A and AA rules) on a
// page as a customer or owner sees it; a serious or critical violation fails the test with what to fix.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Serious and critical violations on the page as "page: rule (impact): help" with each offending element. */
export async function seriousViolations(page: Page, name: string, minRulesChecked = 10) {
  const results = await new AxeBuilder({ page })
    // A sandboxed email preview runs no script, so axe cannot enter it: emails are checked on their own (emailViolations).
    .exclude("iframe[sandbox]")
    // Details of passing rules are not needed: one node each keeps the run quick.
    .options({ iframes: false, resultTypes: ["violations"] })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  // Axe must have actually looked at the page: an empty document would pass every rule.
  expect(results.passes.length, `axe checked rules on ${name}`).toBeGreaterThan(minRulesChecked);
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  return serious.map((v) => `${name}: ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").join(" ")}`).join("\n")}`);
}

/** Opens each path in turn and fails once at the end with every page's serious violations. */
export async function expectPagesAccessible(page: Page, paths: string[]) {
  const report: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    report.push(...(await seriousViolations(page, path)));
  }
  expect(report, "serious accessibility violations").toEqual([]);
}

/** The owner's pages used most on a phone (between jobs): checked at phone size as well. */
export const OWNER_PHONE_PAGES = ["/app", "/app/board", "/app/customers", "/app/invoices", "/app/invoices/new", "/app/settings"];

/** The owner's pages, each opened by its URL; detail pages are reached from their lists. */
export const OWNER_PAGES = ["/app", "/app/board", "/app/money", "/app/customers", "/app/customers/new", "/app/invoices", "/app/invoices/new", "/app/invoices/import", "/app/payments", "/app/plans", "/app/questions", "/app/reminders", "/app/emails", "/app/settings"];

export async function ownerDetailPages(page: Page) {
  await page.goto("/app/customers");
  const customer = await page.locator('a[href^="/app/customers/"]:not([href$="/new"])').first().getAttribute("href");
  await page.goto("/app/invoices");
  const invoice = await page.locator('a[href^="/app/invoices/"]:not([href$="/new"]):not([href$="/import"])').first().getAttribute("href");
  expect(customer, "a customer link on the customers page").toBeTruthy();
  expect(invoice, "an invoice link on the invoices page").toBeTruthy();
  return [customer!, `${customer!}/edit`, invoice!];
}

/** Each email preview on the owner's Emails page, checked as the customer's mail client shows it. */
export async function emailViolations(page: Page) {
  await page.goto("/app/emails");
  const links = await page.getByRole("navigation", { name: "Emails" }).getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  expect(links.length, "email previews listed").toBeGreaterThan(3);
  const report: string[] = [];
  // Each preview page is fetched (not opened) and its email set as the whole document.
  const htmls = await page.evaluate(async (hrefs) => {
    return Promise.all(
      hrefs.map(async (href) => {
        const doc = new DOMParser().parseFromString(await (await fetch(href)).text(), "text/html");
        return doc.querySelector("iframe[sandbox]")?.getAttribute("srcdoc") ?? null;
      }),
    );
  }, links);
  for (const [i, href] of links.entries()) {
    const html = htmls[i];
    expect(html, `the preview of ${href}`).toBeTruthy();
    await page.setContent(html!);
    report.push(...(await seriousViolations(page, `email ${href}`, 4)));
  }
  return report;
}
