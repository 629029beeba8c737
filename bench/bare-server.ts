// The baseline for the portal page: node:http and a pg Pool answering GET /portal with the data the page's
// loaders return (layout and page), as JSON, from the same SQL statements the app runs (exported by its modules)
// and the same pure shaping: what is left between the two is the web framework, React and the HTML.
// `node --import tsx bench/bare-server.ts` with DATABASE_URL and PORT; the benchmark starts it.
import http from "node:http";
import { createCookie } from "@remix-run/node";
import pg from "pg";
import { dateInZone } from "~/modules/dates/calendar";
import { CUSTOMER_INVOICES_SQL, invoicesWithOffersFromRows, type CustomerInvoiceRow } from "~/modules/invoices/invoices.server";
import { CUSTOMER_PAYMENTS_SQL, type CustomerPaymentRow } from "~/modules/payments/history.server";
import { PLAN_ACCOUNT_SQL, planAccountFromRow, type PlanAccountRow } from "~/modules/plans/portal.server";
import { portalHomeData, portalLayoutData } from "~/modules/portal/home.server";
import { SESSION_SQL, portalSessionFromRow } from "~/modules/portal-access/tokens.server";

// Rows as the app's pool reads them (app/utils/db.server.ts): a date stays its text, a timestamp is UTC.
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(1114, (v) => new Date(`${v.replace(" ", "T")}Z`));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });

async function portalData(sessionId: string) {
  const row = (await pool.query<Record<string, unknown>>(SESSION_SQL, [sessionId])).rows[0];
  if (!row) return null;
  const session = portalSessionFromRow(row);
  const { customer } = session;
  const { business } = customer;
  if (session.expiresAt <= new Date() || session.token?.revokedAt || customer.archivedAt) return null;
  const today = dateInZone(new Date(), business.timeZone);
  const [invoiceRows, payments, planRows] = await Promise.all([
    pool.query<CustomerInvoiceRow>(CUSTOMER_INVOICES_SQL, [customer.id]),
    pool.query<CustomerPaymentRow>(CUSTOMER_PAYMENTS_SQL, [customer.id, 10]),
    pool.query<PlanAccountRow>(PLAN_ACCOUNT_SQL, [business.id, customer.id]),
  ]);
  const { invoices, offers } = invoicesWithOffersFromRows(invoiceRows.rows, customer.id, today);
  const account = planAccountFromRow(planRows.rows[0]!, business);
  if (!account.policy) throw new Error("The bench business has no plan policy.");
  return {
    layout: portalLayoutData(customer, business, "simulator"),
    page: portalHomeData({ customer, business, invoices, offers, payments: payments.rows, account: { ...account, policy: account.policy } }),
  };
}

// The app's portal cookie, signed with the same secret, so the baseline verifies the signature too.
const portalCookie = createCookie("duely_portal", { secrets: [process.env.SESSION_SECRET ?? ""] });

const server = http.createServer((req, res) => {
  if (req.method !== "GET" || req.url !== "/portal") {
    res.writeHead(404).end();
    return;
  }
  portalCookie
    .parse(req.headers.cookie ?? null)
    .then((sessionId: unknown) => (typeof sessionId === "string" ? portalData(sessionId) : null))
    .then(
      (data) => {
        if (!data) res.writeHead(302, { Location: "/portal/expired" }).end();
        else res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" }).end(JSON.stringify(data));
      },
      (error: unknown) => {
        console.error(error);
        res.writeHead(500).end();
      },
    );
});
server.listen(Number(process.env.PORT ?? 3431), "127.0.0.1", () => console.log(`bare server listening on ${process.env.PORT ?? 3431}`));
// Requests still in flight when the benchmark is done are dropped.
process.on("SIGTERM", () => process.exit(0));
