// The baseline for the portal page: node:http and a pg Pool answering GET /portal with the same data the
// page's loaders return (layout and invoices), as JSON, computed with the same pure functions.
// `node --import tsx bench/bare-server.ts` with DATABASE_URL and PORT; the benchmark starts it.
import http from "node:http";
import { createCookie } from "@remix-run/node";
import pg from "pg";
import { addMonths, dateInZone, toDbDate, type CalendarDate } from "~/modules/dates/calendar";
import { earlyPayOffer, termsFor, type EarlyPayOffer } from "~/modules/discounts/early-pay";
import { computeInvoiceFigures } from "~/modules/invoices/balance";
import { totalsOf, type InvoiceSummary } from "~/modules/invoices/invoices.server";
import type { OnlineMethod } from "~/modules/payments/pricing";
import { instalmentCharge } from "~/modules/plans/terms";

// Dates come back as "YYYY-MM-DD" strings, as the app's fromDbDate makes them.
pg.types.setTypeParser(1082, (v) => v);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });

type Session = {
  expiresAt: Date;
  revokedAt: Date | null;
  customerId: string;
  name: string;
  companyName: string | null;
  email: string;
  archivedAt: Date | null;
  plansAllowed: boolean;
  markedRiskyAt: Date | null;
  handedOverAt: Date | null;
  businessId: string;
  businessName: string;
  timeZone: string;
  currency: string;
  brandColor: string;
  supportEmail: string;
  phone: string | null;
  addressLines: string[];
  cardSurchargeBps: number;
  achDiscountBps: number;
};

const SESSION_SQL = `
  select s."expiresAt", t."revokedAt", c.id as "customerId", c.name, c."companyName", c.email, c."archivedAt", c."plansAllowed", c."markedRiskyAt",
    c."handedOverAt", b.id as "businessId", b.name as "businessName", b."timeZone", b.currency, b."brandColor", b."supportEmail", b.phone,
    b."addressLines", b."cardSurchargeBps", b."achDiscountBps"
  from "PortalSession" s join "Customer" c on c.id = s."customerId" join "Business" b on b.id = c."businessId"
  left join "PortalAccessToken" t on t.id = s."tokenId"
  where s.id = $1`;

const INVOICES_SQL = `
  select i.id, i.number, i.currency, i.state, i."issueDate", i."dueDate", i."discountOverride", i."discountKind", i."discountPercentBps",
    i."discountAmountCents", i."discountWindowDays",
    coalesce((select json_agg(json_build_object('amountCents', l."amountCents") order by l.position) from "InvoiceLine" l where l."invoiceId" = i.id), '[]') as lines,
    coalesce((select json_agg(json_build_object('amountCents', a."amountCents", 'paymentStatus', p.status)) from "PaymentAllocation" a
      join "Payment" p on p.id = a."paymentId" where a."invoiceId" = i.id), '[]') as allocations,
    coalesce((select json_agg(json_build_object('amountCents', d."amountCents", 'status', d.status, 'paymentStatus', p.status)) from "Discount" d
      join "Payment" p on p.id = d."paymentId" where d."invoiceId" = i.id), '[]') as discounts,
    coalesce((select json_agg(json_build_object('amountCents', f."amountCents", 'status', f.status)) from "LateFee" f where f."invoiceId" = i.id), '[]') as "lateFees",
    coalesce((select json_agg(json_build_object('amountCents', a."amountCents", 'kind', a.kind)) from "InvoiceAdjustment" a where a."invoiceId" = i.id), '[]') as adjustments
  from "Invoice" i where i."customerId" = $1 and i.state = 'ISSUED' order by i."dueDate", i.number`;

const PAYMENTS_SQL = `
  select p.id, p.status, p.method, p."amountCents", p."receiptNumber", p."createdAt",
    coalesce((select json_agg(i.number) from "PaymentAllocation" a join "Invoice" i on i.id = a."invoiceId" where a."paymentId" = p.id), '[]') as "invoiceNumbers"
  from "Payment" p where p."customerId" = $1 and p.status in ('PROCESSING', 'SUCCEEDED', 'FAILED') order by p."createdAt" desc limit 10`;

const PLANS_SQL = `
  select p.id, p.status, p.frequency, p."instalmentCount", pm.type as "methodType", pm.brand, pm.last4, pm."bankName",
    coalesce((select json_agg(json_build_object('sequence', x.sequence, 'dueDate', x."dueDate", 'amountCents', x."amountCents", 'feeCents', x."feeCents",
      'status', x.status, 'nextAttemptOn', x."nextAttemptOn") order by x.sequence) from "Instalment" x where x."planId" = p.id), '[]') as instalments,
    coalesce((select json_agg(json_build_object('id', i.id, 'number', i.number)) from "PlanInvoice" pi join "Invoice" i on i.id = pi."invoiceId" where pi."planId" = p.id), '[]') as invoices
  from "Plan" p left join "PaymentMethod" pm on pm.id = p."paymentMethodId"
  where p."customerId" = $1 and p.status = 'ACTIVE' order by p."createdAt" desc`;

type InvoiceRow = {
  id: string;
  number: string;
  currency: string;
  state: "ISSUED";
  issueDate: string;
  dueDate: string;
  discountOverride: "INHERIT" | "NONE" | "CUSTOM";
  discountKind: "PERCENT" | "FIXED" | null;
  discountPercentBps: number | null;
  discountAmountCents: number | null;
  discountWindowDays: number | null;
  lines: { amountCents: number }[];
  allocations: { amountCents: number; paymentStatus: "SUCCEEDED" | "PROCESSING" | "PENDING" | "FAILED" | "CANCELED" }[];
  discounts: { amountCents: number; status: "GRANTED" | "WITHDRAWN"; paymentStatus: "SUCCEEDED" | "PROCESSING" | "PENDING" | "FAILED" | "CANCELED" }[];
  lateFees: { amountCents: number; status: "APPLIED" | "WAIVED" }[];
  adjustments: { amountCents: number; kind: "CREDIT" | "WRITE_OFF" }[];
};

type PlanRow = {
  id: string;
  status: string;
  frequency: string;
  instalmentCount: number;
  methodType: string | null;
  brand: string | null;
  last4: string | null;
  bankName: string | null;
  instalments: { sequence: number; dueDate: string; amountCents: number; feeCents: number; status: string; nextAttemptOn: string | null }[];
  invoices: { id: string; number: string }[];
};

async function portalData(sessionId: string) {
  const session = (await pool.query<Session>(SESSION_SQL, [sessionId])).rows[0];
  const at = new Date();
  if (!session || session.expiresAt <= at || session.revokedAt || session.archivedAt) return null;
  const today = dateInZone(at, session.timeZone);
  const since = toDbDate(addMonths(today, -12));
  const [invoiceRows, payments, discountPolicy, planPolicy, plans, broken] = await Promise.all([
    pool.query<InvoiceRow>(INVOICES_SQL, [session.customerId]),
    pool.query(PAYMENTS_SQL, [session.customerId]),
    pool.query(`select * from "DiscountPolicy" where "businessId" = $1`, [session.businessId]),
    pool.query(`select * from "PlanPolicy" where "businessId" = $1`, [session.businessId]),
    pool.query<PlanRow>(PLANS_SQL, [session.customerId]),
    pool.query(`select 1 from "Plan" where "customerId" = $1 and status = 'DEFAULTED' and "defaultedAt" >= $2 limit 1`, [session.customerId, since]),
  ]);
  const invoices: InvoiceSummary[] = invoiceRows.rows.map((i) => ({
    id: i.id,
    number: i.number,
    currency: i.currency,
    issueDate: i.issueDate as CalendarDate,
    dueDate: i.dueDate as CalendarDate,
    customer: { id: session.customerId, name: session.name, companyName: session.companyName },
    figures: computeInvoiceFigures({ ...i, dueDate: i.dueDate as CalendarDate }, today),
  }));
  const policy = discountPolicy.rows[0] ?? null;
  const offers: Record<string, EarlyPayOffer | null> = {};
  for (const i of invoiceRows.rows) {
    const granted = i.discounts.some((d) => d.status === "GRANTED" && (d.paymentStatus === "SUCCEEDED" || d.paymentStatus === "PROCESSING"));
    const figures = invoices.find((v) => v.id === i.id)!.figures;
    offers[i.id] = earlyPayOffer(termsFor(policy, i), i.issueDate as CalendarDate, today, figures.dueNowCents, granted);
  }
  const pricing = { cardSurchargeBps: session.cardSurchargeBps, achDiscountBps: session.achDiscountBps };
  const current = plans.rows.map((p) => {
    const method: OnlineMethod = p.methodType === "US_BANK_ACCOUNT" ? "US_BANK_ACCOUNT" : "CARD";
    const next = p.instalments.find((i) => i.status === "SCHEDULED" || i.status === "FAILED");
    return {
      id: p.id,
      status: p.status,
      frequency: p.frequency,
      instalmentCount: p.instalmentCount,
      paidCount: p.instalments.filter((i) => i.status === "PAID").length,
      invoices: p.invoices,
      methodText: p.last4 ? `${p.brand ?? p.bankName ?? "Card"} ending ${p.last4}` : "your saved payment method",
      missed: p.instalments.some((i) => i.status === "FAILED"),
      next: next ? { sequence: next.sequence, on: next.status === "FAILED" && next.nextAttemptOn ? next.nextAttemptOn : next.dueDate, amountCents: instalmentCharge(next, method, pricing).totalCents } : null,
    };
  });
  const onPlan = new Set(current.flatMap((p) => p.invoices.map((i) => i.id)));
  const planCandidates = invoices.filter((i) => i.figures.dueNowCents > 0 && !onPlan.has(i.id)).map((i) => i.id);
  const plan = planPolicy.rows[0] as { enabled: boolean; excludeRisky: boolean } | undefined;
  let offerPlan = planCandidates.length > 0 && (plan?.enabled ?? true) && session.plansAllowed && !((plan?.excludeRisky ?? true) && session.markedRiskyAt) && !session.handedOverAt && broken.rowCount === 0;
  if (offerPlan) {
    const taken = await pool.query(`select 1 from "PlanInvoice" pi join "Plan" p on p.id = pi."planId" where pi."invoiceId" = any($1) and p.status = 'ACTIVE' limit 1`, [planCandidates]);
    offerPlan = taken.rowCount === 0;
  }
  return {
    layout: {
      testMode: "simulator",
      customer: { name: session.name, companyName: session.companyName, email: session.email },
      business: { name: session.businessName, brandColor: session.brandColor, supportEmail: session.supportEmail, phone: session.phone, addressLines: session.addressLines },
    },
    page: {
      customerName: session.name,
      currency: session.currency,
      totals: totalsOf(invoices),
      invoices,
      payments: payments.rows,
      offers,
      plans: current,
      planByInvoice: Object.fromEntries(current.flatMap((p) => p.invoices.map((i) => [i.id, p.id]))),
      offerPlan,
    },
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
