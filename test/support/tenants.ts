// Two businesses with everything a customer can own (invoices, payments, plans, questions, promises,
// settlements, late fees, credit notes, portal sessions), each row marked with a unique value, for the abuse tests:
// calling route modules in-process as a given identity, and checksumming every table to prove nothing was written.
import crypto from "node:crypto";
import { signIn, commitOwnerSession } from "../../app/modules/auth/session.server";
import { issueCreditNote } from "../../app/modules/credit-notes/credit-notes.server";
import type { CalendarDate } from "../../app/modules/dates/calendar";
import { startPayment } from "../../app/modules/payments/checkout.server";
import { confirmSimulatedPayment } from "../../app/modules/payments/simulator.server";
import { startPlan } from "../../app/modules/plans/plans.server";
import { commitPortalSession, createPortalLink, openPortalLink } from "../../app/modules/portal-access/tokens.server";
import { revokeCustomerLinks } from "../../app/modules/portal-access/send-link.server";
import { DEFAULT_TIERS } from "../../app/modules/reminders/default-tiers";
import { makePromise } from "../../app/modules/reminders/promises.server";
import { askQuestion } from "../../app/modules/reminders/questions.server";
import { proposeSettlement } from "../../app/modules/settlements/settlements.server";
import { setClockOffset } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice, createOwner } from "../fixtures/factories";
import { pdfText } from "./pdf-text";

export const CARD = { method: "CARD" as const, card: { number: "4242424242424242", expMonth: 12, expYear: 2035, cvc: "123" } };

/** Noon in New York on 15 December 2026: invoices issued 1 November are two weeks overdue. */
export const DAY = "2026-12-15" as CalendarDate;
export async function setTestDay() {
  await setClockOffset(new Date(`${DAY}T17:00:00Z`).getTime() - Date.now());
}

const hex = () => crypto.randomBytes(4).toString("hex");

export async function portalCookieFor(customerId: string) {
  const link = await db.$transaction((tx) => createPortalLink(tx, customerId, 30));
  const opened = await openPortalLink(link.token);
  if (!opened.ok) throw new Error(`could not open a portal link: ${opened.reason}`);
  return { token: link.token, tokenId: link.tokenId, sessionId: opened.sessionId, cookie: cookiePair(await commitPortalSession(opened.sessionId)) };
}

export async function ownerCookieFor(email: string, password: string) {
  const result = await signIn({ email, password, ipAddress: `10.1.${Math.floor(Math.random() * 250)}.1`, userAgent: "abuse-test" });
  if (result.ok !== true) throw new Error(`sign-in failed: ${result.ok === false ? result.error : "two-step"}`);
  return { sessionId: result.sessionId, cookie: cookiePair(await commitOwnerSession(result.sessionId)) };
}

const cookiePair = (setCookie: string) => setCookie.split(";")[0] ?? "";

/** One customer with an invoice partly paid by card (and credited), one on a plan, one with a promise, a question, a settlement offer and a late fee, and a draft. */
async function seedCustomer(businessId: string, ownerId: string, tierId: string, label: string) {
  const marker = `${label}${hex()}`;
  const customer = await createCustomer(businessId, { name: `Name ${marker}`, email: `mail-${marker}@example.test` });
  const amount = (base: number) => base + Math.floor(Math.random() * 900) * 100 + 37;
  const paid = await createInvoice(businessId, customer.id, { amountCents: amount(410_000), issueDate: "2026-11-01" as CalendarDate, dueInDays: 30 });
  const planned = await createInvoice(businessId, customer.id, { amountCents: amount(520_000), issueDate: "2026-11-01" as CalendarDate, dueInDays: 30 });
  const talked = await createInvoice(businessId, customer.id, { amountCents: amount(630_000), issueDate: "2026-11-01" as CalendarDate, dueInDays: 30 });
  const spare = await createInvoice(businessId, customer.id, { amountCents: amount(850_000), issueDate: "2026-11-01" as CalendarDate, dueInDays: 30 });
  const draft = await createInvoice(businessId, customer.id, { amountCents: amount(740_000), state: "DRAFT" });

  const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [paid.id], amountCents: 100_000 + Math.floor(Math.random() * 900) * 100 + 11, method: "CARD" });
  if ((await confirmSimulatedPayment(customer.id, paymentId, CARD)) !== "SUCCEEDED") throw new Error("payment did not succeed");
  const plan = await startPlan({ customerId: customer.id, invoiceIds: [planned.id], count: 3, frequency: "MONTHLY", method: "CARD" });
  if ((await confirmSimulatedPayment(customer.id, plan.paymentId, CARD)) !== "SUCCEEDED") throw new Error("plan payment did not succeed");
  await makePromise(customer.id, [talked.id], "2026-12-20");
  const question = await askQuestion(customer.id, talked.id, "AMOUNT_WRONG", `Question text ${marker}`);
  await proposeSettlement(businessId, ownerId, talked.id, "100.00", "2026-12-28");
  const fee = await db.lateFee.create({ data: { invoiceId: talked.id, tierId, amountCents: 2_500, description: `Late fee ${marker}` } });
  // A payment started and not finished: the simulator's card form is the action on its page.
  const pending = await startPayment({ customerId: customer.id, invoiceIds: [paid.id], amountCents: 5_000, method: "CARD" });
  const credited = await issueCreditNote(businessId, { id: ownerId, name: "Owner" }, paid.id, { amount: "12.34", reason: `Credit ${marker}`, requestKey: crypto.randomUUID() });
  if (!credited.ok) throw new Error(`credit note not issued: ${JSON.stringify(credited.fieldErrors)}`);

  const invoices = await db.invoice.findMany({ where: { customerId: customer.id }, include: { lines: true } });
  const payments = await db.payment.findMany({ where: { customerId: customer.id } });
  const questionRow = await db.invoiceQuestion.findFirstOrThrow({ where: { invoiceId: talked.id } });
  const settlement = await db.settlementOffer.findFirstOrThrow({ where: { invoiceId: talked.id } });
  // What identifies this customer: any of these in someone else's answer is a leak.
  const markers = [
    marker,
    customer.email,
    ...invoices.map((i) => i.number),
    ...invoices.flatMap((i) => i.lines.map((l) => String(l.amountCents))),
    ...payments.filter((p) => p.amountCents > 10_000).map((p) => String(p.amountCents)),
  ];
  void question;
  return {
    marker,
    markers,
    customer,
    invoices: { paid, planned, talked, spare, draft },
    paymentId,
    pendingPaymentId: pending.paymentId,
    planId: plan.planId,
    questionId: questionRow.id,
    settlementId: settlement.id,
    feeId: fee.id,
    creditNoteId: credited.creditNoteId,
  };
}

export type SeededCustomer = Awaited<ReturnType<typeof seedCustomer>>;

export async function seedTenant(label: string) {
  const business = await createBusiness();
  await db.business.update({ where: { id: business.id }, data: { name: `Shop ${label}${hex()}` } });
  await db.reminderTier.createMany({ data: DEFAULT_TIERS.map((t) => ({ ...t, businessId: business.id })) });
  const tiers = await db.reminderTier.findMany({ where: { businessId: business.id }, orderBy: { position: "asc" } });
  const lateTier = tiers.find((t) => t.offsetDays > 0) ?? tiers[0]!;
  const owner = await createOwner(business.id);
  const a = await seedCustomer(business.id, owner.user.id, lateTier.id, `${label}a`);
  const b = await seedCustomer(business.id, owner.user.id, lateTier.id, `${label}b`);
  return { business: await db.business.findUniqueOrThrow({ where: { id: business.id } }), owner, tiers, a, b };
}
export type Tenant = Awaited<ReturnType<typeof seedTenant>>;

export { revokeCustomerLinks };

// ---------------------------------------------------------------- calling routes in-process

export type RouteArgs = { request: Request; params: Record<string, string>; context: Record<string, unknown> };
export type RouteFn = (args: RouteArgs) => Promise<Response> | Response;

export type Outcome = {
  status: number;
  location: string | null;
  contentType: string;
  /** The body as text; for a PDF, the text it draws too. */
  text: string;
  thrown: boolean;
  /** A thrown error that is not a Response: the server would answer 500. */
  error?: unknown;
};

export async function invoke(fn: RouteFn, request: Request, params: Record<string, string> = {}, context: Record<string, unknown> = { ipAddress: "10.200.0.1" }): Promise<Outcome> {
  let response: Response;
  let thrown = false;
  try {
    response = await fn({ request, params, context });
  } catch (error) {
    if (!(error instanceof Response)) return { status: 500, location: null, contentType: "", text: String(error instanceof Error ? error.stack : error), thrown: true, error };
    response = error;
    thrown = true;
  }
  const contentType = response.headers.get("Content-Type") ?? "";
  const buffer = Buffer.from(await response.arrayBuffer());
  const text = contentType.includes("pdf") ? `${buffer.toString("latin1")}\n${pdfText(buffer)}` : buffer.toString("utf8");
  return { status: response.status, location: response.headers.get("Location"), contentType, text, thrown };
}

export type Body = { kind: "form"; entries: [string, string][] } | { kind: "multipart"; entries: [string, string | Blob][] } | { kind: "raw"; contentType: string; body: string };

export function buildRequest(url: string, opts: { method?: string; cookie?: string | null; body?: Body; headers?: Record<string, string> } = {}) {
  const headers = new Headers(opts.headers ?? {});
  if (opts.cookie) headers.set("Cookie", opts.cookie);
  const method = opts.method ?? (opts.body ? "POST" : "GET");
  if (!opts.body) return new Request(url, { method, headers });
  if (opts.body.kind === "form") {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    const params = new URLSearchParams();
    for (const [k, v] of opts.body.entries) params.append(k, v);
    return new Request(url, { method, headers, body: params });
  }
  if (opts.body.kind === "multipart") {
    const form = new FormData();
    for (const [k, v] of opts.body.entries) form.append(k, v);
    return new Request(url, { method, headers, body: form });
  }
  headers.set("Content-Type", opts.body.contentType);
  return new Request(url, { method, headers, body: opts.body.body });
}

// ---------------------------------------------------------------- proving nothing was written

/**
 * Rate-limit windows are the one table a refused request may write, by design: failed sign-ins and
 * portal-link requests count against the address and the network, so that guessing is slowed down.
 * Of pg-boss's tables only the jobs and schedules are the app's; the others (instance, version, queue
 * statistics...) are pg-boss's own housekeeping, written by its maintenance loop on its own time.
 */
export const TABLES_ALLOWED_TO_CHANGE = ["public.RateLimitWindow", "pgboss.* but job* and schedule"];
const allowedToChange = (name: string) => name === 'public."RateLimitWindow"' || (name.startsWith("pgboss.") && !/^pgboss\.(job|schedule)/.test(name));

let tableList: string[] | null = null;

async function tables() {
  tableList ??= (
    await db.$queryRawUnsafe<{ name: string }[]>(
      `select format('%I.%I', schemaname, tablename) as name from pg_tables
       where schemaname in ('public', 'pgboss') and tablename <> '_prisma_migrations' order by 1`,
    )
  )
    .map((r) => r.name)
    .filter((name) => !allowedToChange(name));
  return tableList;
}

/** An md5 of every row of every table (but the rate-limit windows), one per table. */
export async function checksums(): Promise<Record<string, string>> {
  const names = await tables();
  const sql = names.map((n) => `select '${n.replace(/'/g, "''")}' as name, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as sum from ${n} t`).join(" union all ");
  const rows = await db.$queryRawUnsafe<{ name: string; sum: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}

export function changedTables(before: Record<string, string>, after: Record<string, string>) {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}

/** Whichever of the markers appears in the text. */
export function leakedMarkers(text: string, markers: string[]) {
  return markers.filter((m) => m.length >= 5 && text.includes(m));
}
