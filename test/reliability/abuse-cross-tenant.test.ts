// Issue 8: every route that takes an id or a token, tried by someone it does not belong to. A portal customer
// with another customer's ids (same business and another business), an owner with another business's ids, and
// expired, revoked, tampered or missing sessions and links with the rightful ids. The answer must be a 404/403/4xx
// or the way to sign in, must not contain anything that identifies the other party, and must write nothing.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as board from "../../app/routes/app.board";
import * as customer from "../../app/routes/app.customers.$id";
import * as collectionsCsv from "../../app/routes/app.customers_.$id.collections[.csv]";
import * as collectionsPdf from "../../app/routes/app.customers_.$id.collections[.pdf]";
import * as statementPdf from "../../app/routes/app.customers_.$id.statement[.pdf]";
import * as creditNotePdf from "../../app/routes/app.credit-notes.$id[.pdf]";
import * as customerEdit from "../../app/routes/app.customers_.$id.edit";
import * as invoice from "../../app/routes/app.invoices.$id";
import * as paymentPage from "../../app/routes/app.payments_.$id";
import * as invoiceNew from "../../app/routes/app.invoices.new";
import * as plan from "../../app/routes/app.plans.$id";
import * as questions from "../../app/routes/app.questions";
import * as reminders from "../../app/routes/app.reminders";
import * as mailbox from "../../app/routes/dev.mailbox.$id";
import * as portalInvoice from "../../app/routes/portal.invoices.$id";
import * as portalInvoicePdf from "../../app/routes/portal.invoices.$id[.pdf]";
import * as portalCreditNotePdf from "../../app/routes/portal.credit-notes.$id[.pdf]";
import * as portalPay from "../../app/routes/portal.pay";
import * as portalPayment from "../../app/routes/portal.payments.$id";
import * as portalPaymentPdf from "../../app/routes/portal.payments.$id[.pdf]";
import * as portalPlan from "../../app/routes/portal.plan";
import * as portalPlanId from "../../app/routes/portal.plans.$id";
import * as portalPlanPdf from "../../app/routes/portal.plans.$id[.pdf]";
import * as access from "../../app/routes/portal_.access.$token";
import { commitOwnerSession } from "../../app/modules/auth/session.server";
import { commitPortalSession, createPortalLink } from "../../app/modules/portal-access/tokens.server";
import { db } from "../../app/utils/db.server";
import { resetEnvCache } from "../../app/utils/env.server";
import { reportFigure } from "./figures";
import {
  buildRequest,
  changedTables,
  checksums,
  invoke,
  leakedMarkers,
  ownerCookieFor,
  portalCookieFor,
  revokeCustomerLinks,
  seedTenant,
  setTestDay,
  type Outcome,
  type RouteFn,
  type SeededCustomer,
  type Tenant,
} from "../support/tenants";

const ORIGIN = "http://localhost";

type Form = Record<string, string | string[]>;
type Probe = { route: string; what: string; fn: RouteFn; request: Request; params: Record<string, string>; markers: string[]; expect: "refused" | "portal-sign-in" | "owner-sign-in" };

/** A form whose every field is right but for whose the id is. */
const body = (form: Form) => ({ kind: "form" as const, entries: Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v] as [string, string]])) });

type Identities = {
  t1: Tenant;
  t2: Tenant;
  owner1: string;
  portalA1: string;
  /** Customer b of business 1 after the owner revoked their links: their old cookie and link. */
  revokedB1: { cookie: string; token: string };
  expiredA1: string;
  expiredLinkA1: string;
  tamperedPortalA1: string;
  expiredOwner1: string;
  tamperedOwner1: string;
};

const tamper = (cookie: string) => cookie.replace(/.(?=.{4}$)/, (ch) => (ch === "A" ? "B" : "A"));

/** Every owner route with an id: the loader, and each action with a form right in all but the id. */
function ownerTargets(t1: Tenant, victim: SeededCustomer, own: SeededCustomer) {
  const cust = (id: string) => `${ORIGIN}/app/customers/${id}`;
  const inv = (id: string) => `${ORIGIN}/app/invoices/${id}`;
  const customerForm = { name: "Mallory", email: `mallory-${Date.now()}@example.test` };
  const draft = { customerId: own.customer.id, number: "X-1", issueDate: "2026-12-15", dueDate: "2027-01-14", "lines.0.description": "Work", "lines.0.quantity": "1", "lines.0.unitPrice": "10.00" };
  const get = (route: string, fn: RouteFn, url: string, id: string) => ({ route, what: "read", fn, url, id, form: null as Form | null });
  const post = (route: string, what: string, fn: RouteFn, url: string, id: string, form: Form) => ({ route, what, fn, url, id, form: form as Form | null });
  return [
    get("app.customers.$id", customer.loader as RouteFn, cust(victim.customer.id), victim.customer.id),
    ...(
      [
        ["email-link", {}],
        ["revoke-links", {}],
        ["pause-customer", { paused: "true" }],
        ["plan-access", { plansAllowed: "on" }],
        ["archive", { archived: "true" }],
        ["call-note", { body: "Called them today.", outcome: "promised" }],
        ["hand-over", { agency: "Acme Collections" }],
      ] as const
    ).map(([intent, form]) => post("app.customers.$id", intent, customer.action, cust(victim.customer.id), victim.customer.id, { intent, ...form })),
    // Intents about one invoice or fee: the owner's own customer page, the other business's invoice or fee.
    ...(
      [
        ["send-invoice", { invoiceId: victim.invoices.talked.id }],
        ["discount-terms", { invoiceId: victim.invoices.talked.id, mode: "NONE" }],
        ["settle", { invoiceId: victim.invoices.paid.id, amount: "10.00", expiresOn: "2026-12-28" }],
        ["waive-fee", { feeId: victim.feeId, reason: "Goodwill gesture." }],
        ["pause-invoice", { invoiceId: victim.invoices.talked.id, paused: "true" }],
      ] as const
    ).map(([intent, form]) => post("app.customers.$id", intent, customer.action, cust(own.customer.id), own.customer.id, { intent, ...form })),
    get("app.customers_.$id.collections[.csv]", collectionsCsv.loader as RouteFn, `${cust(victim.customer.id)}/collections.csv`, victim.customer.id),
    get("app.customers_.$id.collections[.pdf]", collectionsPdf.loader as RouteFn, `${cust(victim.customer.id)}/collections.pdf`, victim.customer.id),
    get("app.customers_.$id.statement[.pdf]", statementPdf.loader as RouteFn, `${cust(victim.customer.id)}/statement.pdf`, victim.customer.id),
    get("app.customers_.$id.edit", customerEdit.loader as RouteFn, `${cust(victim.customer.id)}/edit`, victim.customer.id),
    post("app.customers_.$id.edit", "save", customerEdit.action, `${cust(victim.customer.id)}/edit`, victim.customer.id, customerForm),
    get("app.payments_.$id", paymentPage.loader as RouteFn, `${ORIGIN}/app/payments/${victim.paymentId}`, victim.paymentId),
    post("app.payments_.$id", "refund", paymentPage.action, `${ORIGIN}/app/payments/${victim.paymentId}`, victim.paymentId, { intent: "refund", amount: "1.00", reason: "Not yours", effect: "REOPEN" }),
    post("app.payments_.$id", "simulate-dispute", paymentPage.action, `${ORIGIN}/app/payments/${victim.paymentId}`, victim.paymentId, { intent: "simulate-dispute", disputeId: "none", outcome: "won" }),
    get("app.invoices.$id", invoice.loader as RouteFn, inv(victim.invoices.talked.id), victim.invoices.talked.id),
    get("app.invoices.$id", invoice.loader as RouteFn, inv(victim.invoices.draft.id), victim.invoices.draft.id),
    post("app.invoices.$id", "save", invoice.action, inv(victim.invoices.draft.id), victim.invoices.draft.id, { intent: "save", ...draft }),
    post("app.invoices.$id", "send", invoice.action, inv(victim.invoices.draft.id), victim.invoices.draft.id, { intent: "send" }),
    post("app.invoices.$id", "email", invoice.action, inv(victim.invoices.talked.id), victim.invoices.talked.id, { intent: "email" }),
    post("app.invoices.$id", "void", invoice.action, inv(victim.invoices.spare.id), victim.invoices.spare.id, { intent: "void", reason: "Entered twice." }),
    post("app.invoices.$id", "chase", invoice.action, inv(victim.invoices.spare.id), victim.invoices.spare.id, { intent: "chase" }),
    post("app.invoices.$id", "payment", invoice.action, inv(victim.invoices.spare.id), victim.invoices.spare.id, { intent: "payment", amount: "10.00", method: "BANK_TRANSFER", receivedOn: "2026-12-14", reference: "T-1", submissionKey: `key-${Date.now()}` }),
    post("app.invoices.$id", "credit-note", invoice.action, inv(victim.invoices.spare.id), victim.invoices.spare.id, { intent: "credit-note", amount: "10.00", reason: "Not yours", requestKey: crypto.randomUUID() }),
    post("app.invoices.$id", "write-off", invoice.action, inv(victim.invoices.spare.id), victim.invoices.spare.id, { intent: "write-off", reason: "Not yours" }),
    get("app.credit-notes.$id[.pdf]", creditNotePdf.loader as RouteFn, `${ORIGIN}/app/credit-notes/${victim.creditNoteId}.pdf`, victim.creditNoteId),
    get("app.plans.$id", plan.loader as RouteFn, `${ORIGIN}/app/plans/${victim.planId}`, victim.planId),
    post("app.plans.$id", "cancel", plan.action, `${ORIGIN}/app/plans/${victim.planId}`, victim.planId, { intent: "cancel", reason: "Stop it." }),
    // Ids in the form rather than the address.
    post("app.board", "pause", board.action, `${ORIGIN}/app/board`, "", { intent: "pause", invoice: [victim.invoices.talked.id] }),
    post("app.board", "send-next", board.action, `${ORIGIN}/app/board`, "", { intent: "send-next", invoice: [victim.invoices.talked.id] }),
    post("app.questions", "answer", questions.action, `${ORIGIN}/app/questions`, "", { intent: "answer", questionId: victim.questionId, answer: "Sorted.", resolve: "on" }),
    post("app.questions", "resolve", questions.action, `${ORIGIN}/app/questions`, "", { intent: "resolve", questionId: victim.questionId }),
    post("app.invoices.new", "draft", invoiceNew.action, `${ORIGIN}/app/invoices/new`, "", { ...draft, customerId: victim.customer.id }),
    post("app.reminders", "tier", reminders.action, `${ORIGIN}/app/reminders`, "", { intent: "tier", tierId: "", offsetDays: "0", subject: "Hi", body: "Hello" }),
  ].map((t) => (t.route === "app.reminders" ? { ...t, form: { ...t.form, tierId: tierOf(t1, victim) } } : t));
}

let victimTiers: Record<string, string> = {};
const tierOf = (_t1: Tenant, victim: SeededCustomer) => victimTiers[victim.customer.businessId] ?? "";

/** Every portal route with an id: the loader, and each action with a form right in all but the id. */
function portalTargets(victim: SeededCustomer) {
  const card = { method: "CARD", cardNumber: "4242 4242 4242 4242", expiry: "12 / 35", cvc: "123" };
  const url = (p: string) => `${ORIGIN}/portal/${p}`;
  const get = (route: string, fn: RouteFn, u: string, id: string) => ({ route, what: "read", fn, url: u, id, form: null as Form | null });
  const post = (route: string, what: string, fn: RouteFn, u: string, id: string, form: Form) => ({ route, what, fn, url: u, id, form: form as Form | null });
  return [
    get("portal.invoices.$id", portalInvoice.loader as RouteFn, url(`invoices/${victim.invoices.talked.id}`), victim.invoices.talked.id),
    post("portal.invoices.$id", "promise", portalInvoice.action, url(`invoices/${victim.invoices.paid.id}`), victim.invoices.paid.id, { intent: "promise", promisedFor: "2026-12-22" }),
    post("portal.invoices.$id", "question", portalInvoice.action, url(`invoices/${victim.invoices.paid.id}`), victim.invoices.paid.id, { intent: "question", reason: "OTHER", message: "Whose invoice is this?" }),
    get("portal.invoices.$id[.pdf]", portalInvoicePdf.loader as RouteFn, url(`invoices/${victim.invoices.talked.id}.pdf`), victim.invoices.talked.id),
    get("portal.credit-notes.$id[.pdf]", portalCreditNotePdf.loader as RouteFn, url(`credit-notes/${victim.creditNoteId}.pdf`), victim.creditNoteId),
    get("portal.payments.$id", portalPayment.loader as RouteFn, url(`payments/${victim.paymentId}`), victim.paymentId),
    get("portal.payments.$id", portalPayment.loader as RouteFn, url(`payments/${victim.pendingPaymentId}`), victim.pendingPaymentId),
    post("portal.payments.$id", "pay", portalPayment.action, url(`payments/${victim.pendingPaymentId}`), victim.pendingPaymentId, card),
    get("portal.payments.$id[.pdf]", portalPaymentPdf.loader as RouteFn, url(`payments/${victim.paymentId}.pdf`), victim.paymentId),
    get("portal.plans.$id", portalPlanId.loader as RouteFn, url(`plans/${victim.planId}`), victim.planId),
    get("portal.plans.$id[.pdf]", portalPlanPdf.loader as RouteFn, url(`plans/${victim.planId}.pdf`), victim.planId),
    post("portal.plans.$id", "pay-missed", portalPlanId.action, url(`plans/${victim.planId}`), victim.planId, { intent: "pay-missed", method: "CARD" }),
    post("portal.plans.$id", "start-change", portalPlanId.action, url(`plans/${victim.planId}`), victim.planId, { intent: "start-change", method: "CARD" }),
    post("portal.plans.$id", "change-method", portalPlanId.action, url(`plans/${victim.planId}`), victim.planId, { intent: "change-method", ...card }),
    // Ids in the form rather than the address.
    post("portal.pay", "pay", portalPay.action, url("pay"), "", { invoice: [victim.invoices.paid.id], amountChoice: "full", method: "CARD" }),
    post("portal.pay", "settlement", portalPay.action, url("pay"), "", { invoice: [victim.invoices.talked.id], amountChoice: "full", method: "CARD", settlementOfferId: victim.settlementId }),
    post("portal.plan", "plan", portalPlan.action, url("plan"), "", { invoice: [victim.invoices.spare.id], count: "3", frequency: "MONTHLY", method: "CARD", agree: "on" }),
  ];
}

function probesFor(targets: ReturnType<typeof portalTargets>, cookie: string | null, markers: string[], expectation: Probe["expect"], who: string): Probe[] {
  return targets.map((t) => ({
    route: t.route,
    what: `${t.what} as ${who}`,
    fn: t.fn,
    request: buildRequest(t.url, { cookie, body: t.form ? body(t.form) : undefined }),
    params: t.id ? { id: t.id } : ({} as Record<string, string>),
    markers,
    expect: expectation,
  }));
}

/** Route files whose path has a parameter ($id, $token), with what they export. */
function parameterRoutes() {
  const dir = path.resolve(import.meta.dirname, "../../app/routes");
  return fs
    .readdirSync(dir)
    .filter((f) => f.includes("$"))
    .flatMap((f) => {
      const source = fs.readFileSync(path.join(dir, f), "utf8");
      const route = f.replace(/\.(tsx|ts)$/, "");
      return (["loader", "action"] as const).filter((kind) => new RegExp(`export (async function|const) ${kind}\\b`).test(source)).map((kind) => ({ route, kind }));
    });
}

let ids: Identities;

beforeAll(async () => {
  await setTestDay();
  const t1 = await seedTenant("one");
  const t2 = await seedTenant("two");
  victimTiers = { [t2.business.id]: t2.tiers[1]!.id, [t1.business.id]: t1.tiers[1]!.id };
  const owner1 = await ownerCookieFor(t1.owner.email, t1.owner.password);
  const portalA1 = await portalCookieFor(t1.a.customer.id);
  const b1 = await portalCookieFor(t1.b.customer.id);
  await revokeCustomerLinks(t1.business.id, t1.b.customer.id, t1.owner.user.id);

  // A session past its end, and a link past its end, for customer a.
  const link = await db.$transaction((tx) => createPortalLink(tx, t1.a.customer.id, 30));
  await db.portalSession.create({ data: { id: "expired-session-of-a-customer-0000000000000", customerId: t1.a.customer.id, tokenId: link.tokenId, createdAt: new Date("2026-11-01"), expiresAt: new Date("2026-11-08") } });
  const old = await db.$transaction((tx) => createPortalLink(tx, t1.a.customer.id, 30));
  await db.portalAccessToken.update({ where: { id: old.tokenId }, data: { expiresAt: new Date("2026-11-30") } });
  // An owner session past its end.
  const expiredOwner = "expired-owner-session-0000000000000000000000";
  await db.session.create({ data: { id: expiredOwner, userId: t1.owner.user.id, expiresAt: new Date(Date.now() - 86400_000), ipAddress: "10.0.0.1", userAgent: "test" } });

  ids = {
    t1,
    t2,
    owner1: owner1.cookie,
    portalA1: portalA1.cookie,
    revokedB1: { cookie: b1.cookie, token: b1.token },
    expiredA1: (await commitPortalSession("expired-session-of-a-customer-0000000000000")).split(";")[0] ?? "",
    expiredLinkA1: old.token,
    tamperedPortalA1: tamper(portalA1.cookie),
    expiredOwner1: (await commitOwnerSession(expiredOwner)).split(";")[0] ?? "",
    tamperedOwner1: tamper(owner1.cookie),
  };
});

function allProbes(): Probe[] {
  const { t1, t2 } = ids;
  const probes: Probe[] = [];
  // (a) portal customer a of business 1 with the ids of b (same business) and of the other business's customers.
  for (const victim of [t1.b, t2.a, t2.b]) probes.push(...probesFor(portalTargets(victim), ids.portalA1, victim.markers, "refused", `portal customer with ${victim.marker}'s ids`));
  // (b) the owner of business 1 with business 2's ids.
  for (const victim of [t2.a, t2.b]) probes.push(...probesFor(ownerTargets(t1, victim, t1.a), ids.owner1, [...victim.markers, t2.business.name], "refused", `owner 1 with ${victim.marker}'s ids`));
  // (c) the rightful ids, without a valid session: none, tampered, expired, revoked, the other kind of cookie.
  const ownMarkersA1 = t1.a.markers;
  for (const [who, cookie] of [
    ["no cookie", null],
    ["a tampered cookie", ids.tamperedPortalA1],
    ["an expired session", ids.expiredA1],
    ["an owner's cookie", ids.owner1],
  ] as const) {
    probes.push(...probesFor(portalTargets(t1.a), cookie, ownMarkersA1, "portal-sign-in", `portal visitor with ${who}`));
  }
  probes.push(...probesFor(portalTargets(t1.b), ids.revokedB1.cookie, t1.b.markers, "portal-sign-in", "customer whose links were revoked"));
  for (const [who, cookie] of [
    ["no cookie", null],
    ["a tampered cookie", ids.tamperedOwner1],
    ["an expired session", ids.expiredOwner1],
    ["a portal cookie", ids.portalA1],
  ] as const) {
    probes.push(...probesFor(ownerTargets(t1, t1.a, t1.b), cookie, [...t1.a.markers, t1.b.markers[0]!], "owner-sign-in", `visitor with ${who}`));
  }
  // Links: expired, revoked, tampered, unknown, malformed.
  const realToken = ids.revokedB1.token;
  for (const [who, token] of [
    ["an expired link", ids.expiredLinkA1],
    ["a revoked link", realToken],
    ["a tampered link", `${ids.expiredLinkA1.slice(0, -1)}${ids.expiredLinkA1.endsWith("A") ? "B" : "A"}`],
    ["an unknown link", "A".repeat(43)],
    ["a malformed link", "../../etc/passwd\u0000"],
  ] as const) {
    probes.push({ route: "portal_.access.$token", what: `open ${who}`, fn: access.loader as RouteFn, request: buildRequest(`${ORIGIN}/portal/access/${encodeURIComponent(token)}`), params: { token }, markers: [...t1.a.markers, ...t1.b.markers], expect: "portal-sign-in" });
  }
  return probes;
}

function verdict(p: Probe, o: Outcome): string | null {
  if (o.status >= 500) return `5xx: ${o.text.slice(0, 200)}`;
  const leaked = leakedMarkers(o.text + (o.location ?? ""), p.markers);
  if (leaked.length) return `leaked ${leaked.join(", ")} (status ${o.status})`;
  if (p.expect === "portal-sign-in") return o.status === 302 && o.location?.startsWith("/portal/expired") ? null : `expected a redirect to /portal/expired, got ${o.status} ${o.location ?? ""}`;
  if (p.expect === "owner-sign-in") return o.status === 302 && o.location?.startsWith("/login?") ? null : `expected a redirect to /login, got ${o.status} ${o.location ?? ""}`;
  return o.status >= 400 && o.status < 500 ? null : `expected a refusal (4xx), got ${o.status} ${o.location ?? ""}`;
}

describe("another customer's ids, another business's session, expired and revoked links", () => {
  it("probes every route file that takes an id or a token", () => {
    const probed = new Set(allProbes().map((p) => `${p.route}#${p.request.method === "GET" ? "loader" : "action"}`));
    // The development mailbox has no sign-in by design: it does not exist in production (checked below).
    probed.add("dev.mailbox.$id#loader");
    for (const { route, kind } of parameterRoutes()) expect(probed, `${route} ${kind}`).toContain(`${route}#${kind}`);
  });

  it("refuses every probe without leaking the other party's data or writing anything", async () => {
    const probes = allProbes();
    const problems: string[] = [];
    const byRoute = new Map<string, Probe[]>();
    for (const p of probes) byRoute.set(p.route, [...(byRoute.get(p.route) ?? []), p]);
    let leaks = 0;
    let writes = 0;
    for (const [route, list] of byRoute) {
      const before = await checksums();
      for (const p of list) {
        const outcome = await invoke(p.fn, p.request, p.params);
        const problem = verdict(p, outcome);
        if (problem) {
          if (problem.startsWith("leaked")) leaks += 1;
          problems.push(`${p.route} ${p.what}: ${problem}`);
        }
      }
      const changed = changedTables(before, await checksums());
      if (changed.length) {
        writes += 1;
        problems.push(`${route}: wrote to ${changed.join(", ")}`);
      }
    }

    // The development mailbox shows any email to anyone outside production; in production it is not there.
    const saved = { APP_ENV: process.env.APP_ENV, SESSION_SECRET: process.env.SESSION_SECRET, APP_URL: process.env.APP_URL, SMTP_URL: process.env.SMTP_URL };
    Object.assign(process.env, { APP_ENV: "production", SESSION_SECRET: "s".repeat(40), APP_URL: "https://duely.example", SMTP_URL: "smtp://user:pass@smtp.example:587" });
    resetEnvCache();
    let mailboxProbes = 0;
    try {
      const emails = await db.outboxEmail.findMany({ where: { businessId: ids.t2.business.id }, take: 5 });
      for (const email of emails) {
        mailboxProbes += 1;
        const outcome = await invoke(mailbox.loader as RouteFn, buildRequest(`${ORIGIN}/dev/mailbox/${email.id}`), { id: email.id });
        if (outcome.status !== 404 || leakedMarkers(outcome.text, [email.toAddress, email.subject]).length) problems.push(`dev.mailbox.$id in production: ${outcome.status}`);
      }
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      resetEnvCache();
    }
    expect(mailboxProbes).toBeGreaterThan(0);

    const total = probes.length + mailboxProbes;
    reportFigure("abuse: cross-tenant", `${total} route×identity probes over ${byRoute.size + 1} routes: ${leaks} leaks, ${writes} writes, ${problems.length - leaks - writes} other refusals missing`, {
      probes: total,
      routes: byRoute.size + 1,
      leaks,
      writes,
    });
    expect(problems).toEqual([]);
  });
});
