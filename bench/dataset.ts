// The benchmark database: businesses, customers and invoices in a realistic mix of states, built with a
// few set-based statements against the real schema (migrations applied first), reused while its counts match.
import fs from "node:fs";
import pg from "pg";
import { DEFAULT_TIERS } from "~/modules/reminders/default-tiers";
import { applyMigrations, embeddedUrl, ensureDatabaseExists, startEmbeddedPostgres } from "~/utils/database.server";
import { invoiceCountsTotal } from "./stats";

export type DatasetSize = { database: string; customers: number; invoices: number; businesses: number };

// Each size has its own database on the bench server, so that a quick run leaves the full data in place.
export const FULL: DatasetSize = { database: "duely_bench", customers: 100_000, invoices: 1_000_000, businesses: 200 };
export const QUICK: DatasetSize = { database: "duely_bench_quick", customers: 2_000, invoices: 20_000, businesses: 4 };

export type Dataset = {
  url: string;
  reused: boolean;
  buildSeconds: number | null;
  /** The bench PostgreSQL's postmaster, when the bench started it (not with DATABASE_URL). */
  serverPid: number | null;
  counts: Record<string, number>;
  stop: () => Promise<void>;
};

/** Counts per customer: 1% have 50 invoices, 9% 20, 40% 10, 30% 7, 20% 8; the total is exactly 10 per customer. */
const COUNT_SQL = `case when k % 100 = 0 then 50 when k % 10 = 0 then 20 when k % 2 = 0 then 10 when k % 10 in (1, 3, 5) then 7 else 8 end`;

export async function openDataset(size: DatasetSize, options: { rebuild: boolean; log: (line: string) => void }): Promise<Dataset> {
  const { log } = options;
  let adminUrl = process.env.DATABASE_URL;
  let stopServer = async () => undefined as void;
  let serverPid: number | null = null;
  if (!adminUrl) {
    const port = Number(process.env.BENCH_PG_PORT ?? 54401);
    log(`Starting the bench PostgreSQL (.data/bench-postgres, port ${port})...`);
    const server = await startEmbeddedPostgres({ dir: ".data/bench-postgres", port });
    stopServer = server.stop;
    // The postmaster's pid (first line of postmaster.pid): the benchmark reads the database's CPU time from /proc.
    serverPid = Number(fs.readFileSync(".data/bench-postgres/postmaster.pid", "utf8").split("\n")[0]);
    await ensureDatabaseExists(server.url, size.database);
    adminUrl = embeddedUrl(port, size.database);
  }
  const url = adminUrl;
  const expected = { Customer: size.customers, Invoice: size.invoices };
  if (invoiceCountsTotal(size.customers) !== size.invoices) throw new Error(`The count mix gives ${invoiceCountsTotal(size.customers)} invoices, not ${size.invoices}.`);

  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const current = await countRows(client);
    const matches = current.Customer === expected.Customer && current.Invoice === expected.Invoice;
    if (matches && !options.rebuild) {
      log(`Reusing the bench database (${current.Customer} customers, ${current.Invoice} invoices); --rebuild builds it again.`);
      return { url, reused: true, buildSeconds: null, counts: current, serverPid, stop: stopServer };
    }
    log(`Building the bench database: ${size.customers} customers, ${size.invoices} invoices, ${size.businesses} businesses...`);
    const started = performance.now();
    await build(client, size, log);
    const buildSeconds = (performance.now() - started) / 1000;
    const counts = await countRows(client);
    log(`Built in ${buildSeconds.toFixed(1)} s.`);
    return { url, reused: false, buildSeconds, counts, serverPid, stop: stopServer };
  } finally {
    await client.end();
  }
}

const COUNTED = ["Business", "Customer", "Invoice", "InvoiceLine", "Payment", "PaymentAllocation", "Reminder", "ReminderItem", "PromiseToPay", "InvoiceQuestion", "Plan"] as const;

async function countRows(client: pg.Client) {
  const parts = COUNTED.map((t) => `(select count(*)::int from "${t}") as "${t}"`).join(", ");
  const { rows } = await client.query<Record<string, number>>(`select ${parts}`);
  return rows[0]!;
}

async function build(client: pg.Client, size: DatasetSize, log: (line: string) => void) {
  const B = size.businesses;
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const r = await client.query(sql, params);
    // A statement of several inserts ends with "select <rows inserted>".
    const rows = r.command === "SELECT" ? Number(Object.values(r.rows[0] ?? {})[0] ?? 0) : (r.rowCount ?? 0);
    log(`  ${label}: ${rows} rows, ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  const tables = await client.query<{ tablename: string }>(`select tablename from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations'`);
  await client.query(`truncate ${tables.rows.map((r) => `"${r.tablename}"`).join(", ")} restart identity cascade`);
  // Foreign keys are checked by triggers; the rows below are consistent by construction, so skip them while loading.
  await client.query(`set session_replication_role = replica`);
  await client.query(`set synchronous_commit = off`);
  await client.query(`select setseed(0.42)`);

  await step(
    "businesses, owners, tiers, policies",
    `with b as (select g as b from generate_series(1, ${B}) g),
     biz as (
       insert into "Business" (id, name, slug, "timeZone", currency, "supportEmail", "fromEmail", "addressLines", "updatedAt")
       select 'b' || b, 'Business ' || b, 'business-' || b,
         (array['America/New_York','America/Chicago','America/Denver','America/Los_Angeles','Europe/London','Europe/Berlin','Australia/Sydney','America/Toronto'])[1 + b % 8],
         'USD', 'billing@b' || b || '.test', 'billing@b' || b || '.test', array['1 Main Street', 'Springfield'], now() from b returning id),
     owners as (
       insert into "User" (id, "businessId", email, name, "passwordHash", "updatedAt")
       select 'u' || b, 'b' || b, 'owner@b' || b || '.test', 'Owner ' || b, 'not-a-real-hash', now() from b returning id),
     tiers as (
       insert into "ReminderTier" (id, "businessId", position, kind, name, "offsetDays", subject, body, "emailsCustomer", "updatedAt")
       select 'b' || b || '-t' || t.position, 'b' || b, t.position, t.kind::"TierKind", t.name, t."offsetDays", t.subject, t.body, t."emailsCustomer", now()
       from b, json_to_recordset($1::json) as t(position int, kind text, name text, "offsetDays" int, subject text, body text, "emailsCustomer" boolean) returning id),
     disc as (insert into "DiscountPolicy" ("businessId", enabled, "updatedAt") select 'b' || b, b % 3 = 0, now() from b returning 1),
     plans as (insert into "PlanPolicy" ("businessId", "updatedAt") select 'b' || b, now() from b returning 1),
     fees as (insert into "LateFeePolicy" ("businessId", "updatedAt") select 'b' || b, now() from b returning 1)
     select (select count(*) from biz) + (select count(*) from owners) + (select count(*) from tiers)`,
    [JSON.stringify(DEFAULT_TIERS)],
  );

  // Roughly 1% opted out, 1% paused, 0.3% handed over, 1% archived, 2% not allowed plans, 1.6% marked risky.
  await step(
    "customers",
    `insert into "Customer" (id, "businessId", email, name, "companyName", "timeZone", "emailOptOut", "remindersPausedAt", "remindersPausedReason",
       "plansAllowed", "markedRiskyAt", "handedOverAt", "archivedAt", "createdAt", "updatedAt")
     select 'c' || k, 'b' || (1 + (k - 1) % ${B}), 'customer' || k || '@example.test', 'Customer ' || k,
       case when k % 3 = 0 then 'Company ' || k end, case when k % 20 = 0 then 'Europe/Paris' end,
       k % 97 = 1, case when k % 89 = 2 then now() - interval '3 days' end, case when k % 89 = 2 then 'disputed' end,
       k % 50 <> 3, case when k % 61 = 4 then now() - interval '30 days' end, case when k % 331 = 5 then now() - interval '10 days' end,
       case when k % 101 = 7 then now() - interval '20 days' end, now() - interval '2 years', now()
     from generate_series(1, ${size.customers}) k`,
  );

  // One row per invoice with its random draws; the tables below are derived from it.
  await client.query(`drop table if exists bench_inv`);
  await step(
    "invoice plan (scratch table)",
    `create unlogged table bench_inv as
     with cc as (select k, cnt, sum(cnt) over (order by k) - cnt as base from (select k, ${COUNT_SQL} as cnt from generate_series(1, ${size.customers}) k) x),
     raw as (
       select (base + s)::int as n, k, 1 + (k - 1) % ${B} as b, (random() * 400)::int as age, (1000 + random() * 250000)::int as amount,
         random() as r1, random() as r2, random() as r3
       from cc, generate_series(1, cnt) s)
     select raw.*, current_date - age as issue, current_date - age + 30 as due, age - 30 as od,
       case when r2 < 0.02 then 'DRAFT' when r2 < 0.03 then 'VOID' else 'ISSUED' end as state,
       case when r2 < 0.03 then 'none'
            when r1 < p then 'paid' when r1 < p + 0.05 then 'part' when r1 < p + 0.06 then 'processing' else 'none' end as pay
     from raw, lateral (select case when age - 30 > 60 then 0.88 when age - 30 > 0 then 0.5 else 0.15 end as p) pp`,
  );
  await client.query(`alter table bench_inv add primary key (n)`);

  await step(
    "invoices",
    `insert into "Invoice" (id, "businessId", "customerId", number, currency, state, "issueDate", "dueDate", "sentAt", "voidedAt", "voidReason", "remindersPausedAt", "createdAt", "updatedAt")
     select 'i' || n, 'b' || b, 'c' || k, 'INV-' || lpad(n::text, 7, '0'), 'USD', state::"InvoiceState", issue, due,
       case when state <> 'DRAFT' then issue::timestamptz end, case when state = 'VOID' then issue + 2 end, case when state = 'VOID' then 'issued in error' end,
       case when state = 'ISSUED' and pay = 'none' and n % 127 = 0 then now() - interval '2 days' end, issue, now()
     from bench_inv`,
  );
  await step(
    "invoice lines",
    `insert into "InvoiceLine" (id, "invoiceId", position, description, "quantityMilli", "unitAmountCents", "amountCents")
     select 'l' || n || '-' || pos, 'i' || n, pos, (array['Design work', 'Consulting hours', 'Materials'])[pos], 1000, a, a
     from bench_inv, lateral (
       select pos, case when n % 5 <> 0 then amount when pos < 3 then amount / 3 else amount - 2 * (amount / 3) end as a
       from generate_series(1, case when n % 5 = 0 then 3 else 1 end) pos) l`,
  );
  await step(
    "payments",
    `insert into "Payment" (id, "businessId", "customerId", currency, "amountCents", method, status, gateway, "providerPaymentId", "idempotencyKey",
       "receiptNumber", "methodDetails", "createdAt", "processingAt", "succeededAt", "updatedAt")
     select 'p' || n, 'b' || b, 'c' || k, 'USD', case when pay = 'part' then amount * 2 / 5 else amount end,
       (case when pay = 'processing' or n % 4 = 0 then 'US_BANK_ACCOUNT' else 'CARD' end)::"PaymentMethodType",
       (case when pay = 'processing' then 'PROCESSING' else 'SUCCEEDED' end)::"PaymentStatus", 'simulator', 'sim_pi_' || n, 'pay_' || n,
       case when pay <> 'processing' then 'R-' || lpad(n::text, 8, '0') end, 'Visa ending 4242',
       least(now(), (issue + (random() * 40)::int)::timestamptz), case when pay = 'processing' then now() - interval '1 day' end,
       case when pay <> 'processing' then least(now(), (issue + (random() * 40)::int)::timestamptz) end, now()
     from bench_inv where pay <> 'none'`,
  );
  await step(
    "payment allocations",
    `insert into "PaymentAllocation" (id, "paymentId", "invoiceId", "amountCents")
     select 'pa' || n, 'p' || n, 'i' || n, case when pay = 'part' then amount * 2 / 5 else amount end from bench_inv where pay <> 'none'`,
  );
  // Reminders already sent: most open invoices got the tier they are in (nothing new is due), some are one behind.
  await step(
    "reminders sent earlier (outbox, reminder, item)",
    `with due as (
       select n, b, k, case when od >= 45 then 4 when od >= 21 then 3 when od >= 10 then 2 when od >= 3 then 1 else 0 end as pos, r3
       from bench_inv where state = 'ISSUED' and pay in ('none', 'part') and od >= -3),
     sent as (
       select n, b, k, case when r3 < 0.7 then pos else pos - 1 end as pos, now() - ((1 + (r3 * 1000)::int % 12) || ' days')::interval as at
       from due where r3 < 0.85 and (r3 < 0.7 or pos > 0)),
     o as (
       insert into "OutboxEmail" (id, "businessId", "customerId", "dedupeKey", template, "toAddress", "fromAddress", subject, html, text, status, attempts, "createdAt", "sentAt")
       select 'o' || n, 'b' || b, 'c' || k, 'reminder:r' || n, 'reminder', 'customer' || k || '@example.test', 'billing@b' || b || '.test',
         'Reminder', '<p>Reminder</p>', 'Reminder', 'SENT', 1, at, at from sent returning 1),
     r as (insert into "Reminder" (id, "businessId", "customerId", "outboxEmailId", "createdAt") select 'r' || n, 'b' || b, 'c' || k, 'o' || n, at from sent returning 1),
     ri as (insert into "ReminderItem" (id, "reminderId", "invoiceId", "tierId") select 'ri' || n, 'r' || n, 'i' || n, 'b' || b || '-t' || pos from sent returning 1)
     select (select count(*) from o) + (select count(*) from r) + (select count(*) from ri)`,
  );
  await step(
    "promises, questions",
    `with open_inv as (select * from bench_inv where state = 'ISSUED' and pay in ('none', 'part') and od > 0),
     pr as (
       insert into "PromiseToPay" (id, "customerId", "promisedFor", "amountCents", status, "createdAt", "resolvedAt")
       select 'pr' || n, 'c' || k, case when n % 97 = 0 then current_date + 5 else current_date - 3 end, amount,
         (case when n % 97 = 0 then 'OPEN' else 'BROKEN' end)::"PromiseStatus", now() - interval '10 days', case when n % 97 <> 0 then now() - interval '2 days' end
       from open_inv where n % 97 = 0 or n % 89 = 0 returning id),
     pi as (insert into "PromiseInvoice" ("promiseId", "invoiceId") select 'pr' || n, 'i' || n from open_inv where n % 97 = 0 or n % 89 = 0 returning 1),
     q as (
       insert into "InvoiceQuestion" (id, "invoiceId", "customerId", reason, message, status, "createdAt")
       select 'q' || n, 'i' || n, 'c' || k, 'AMOUNT_WRONG', 'The hours look higher than we agreed.', 'OPEN', now() - interval '4 days'
       from open_inv where n % 113 = 0 returning 1)
     select (select count(*) from pr) + (select count(*) from pi) + (select count(*) from q)`,
  );
  await step(
    "payment plans (active, with instalments)",
    `with on_plan as (select * from bench_inv where state = 'ISSUED' and pay = 'none' and od > 0 and k % 211 = 0),
     per as (select k, min(b) as b, sum(amount)::int as principal from on_plan group by k),
     p as (
       insert into "Plan" (id, "businessId", "customerId", status, frequency, "instalmentCount", currency, "principalCents", "termsText", "acceptedAt", "activatedAt", "createdAt")
       select 'pl' || k, 'b' || b, 'c' || k, 'ACTIVE', 'MONTHLY', 3, 'USD', principal, 'Three monthly instalments.', now() - interval '20 days', now() - interval '20 days', now() - interval '20 days'
       from per returning 1),
     pin as (insert into "PlanInvoice" ("planId", "invoiceId", "amountCents") select 'pl' || k, 'i' || n, amount from on_plan returning 1),
     ins as (
       insert into "Instalment" (id, "planId", sequence, "dueDate", "amountCents", status, "paidAt")
       select 'in' || k || '-' || s, 'pl' || k, s, current_date - 20 + 30 * (s - 1), principal / 3 + case when s = 3 then principal % 3 else 0 end,
         (case when s = 1 then 'PAID' else 'SCHEDULED' end)::"InstalmentStatus", case when s = 1 then now() - interval '20 days' end
       from per, generate_series(1, 3) s returning 1)
     select (select count(*) from p) + (select count(*) from pin) + (select count(*) from ins)`,
  );
  await client.query(`drop table bench_inv`);
  await client.query(`set session_replication_role = origin`);
  const t = performance.now();
  await client.query(`vacuum (analyze)`);
  log(`  vacuum analyze: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
