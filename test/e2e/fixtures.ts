import { test as base, expect } from "@playwright/test";
import pg from "pg";
import { checkLedger, LEDGER_BREACHES_SQL, LEDGER_INVOICES_SQL, type LedgerRow } from "../../app/modules/ledger/ledger";
import type { CalendarDate } from "../../app/modules/dates/calendar";

const DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${Number(process.env.E2E_PG_PORT ?? 54349)}/duely`;

/**
 * Every e2e test fails on an uncaught error in the page (a broken hydration, a client crash), and on a ledger that
 * does not balance once it is done (issue 18): billed + fees − discounts − credits − write-offs − (payments −
 * refunds − disputed) = the balance the app shows, for every invoice of the demo's database, and nothing applied twice.
 */
export const test = base.extend<{ failOnPageError: void; ledgerBalanced: void }>({
  failOnPageError: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await use();
      expect(errors, "uncaught errors in the page").toEqual([]);
    },
    { auto: true },
  ],
  ledgerBalanced: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      await use();
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      try {
        const rows = (await client.query<LedgerRow>(LEDGER_INVOICES_SQL, [null])).rows;
        const breaches = (await client.query<{ problem: string }>(LEDGER_BREACHES_SQL, [null])).rows;
        const report = checkLedger(rows, breaches, new Date().toISOString().slice(0, 10) as CalendarDate);
        expect(report.invoices, "invoices in the ledger check").toBeGreaterThan(0);
        expect(report.problems, "the ledger after this test").toEqual([]);
      } finally {
        await client.end();
      }
    },
    { auto: true },
  ],
});

export { expect };
