// Issue 17: every owner-side page and action tried with a Collector's and a Viewer's session on their own
// business's data, with a form right in every field. What the role table (app/modules/auth/roles.ts) does not
// allow must answer 403 and write nothing; what it allows must not be refused. Figure: actions allowed beyond
// the role (must be 0).
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as overview from "../../app/routes/app._index";
import * as board from "../../app/routes/app.board";
import * as customer from "../../app/routes/app.customers.$id";
import * as customers from "../../app/routes/app.customers._index";
import * as customerNew from "../../app/routes/app.customers.new";
import * as collectionsCsv from "../../app/routes/app.customers_.$id.collections[.csv]";
import * as statementPdf from "../../app/routes/app.customers_.$id.statement[.pdf]";
import * as creditNotePdf from "../../app/routes/app.credit-notes.$id[.pdf]";
import * as customerEdit from "../../app/routes/app.customers_.$id.edit";
import * as emails from "../../app/routes/app.emails";
import * as invoice from "../../app/routes/app.invoices.$id";
import * as invoices from "../../app/routes/app.invoices._index";
import * as invoiceImport from "../../app/routes/app.invoices.import";
import * as customerImport from "../../app/routes/app.customers.import";
import * as paymentPage from "../../app/routes/app.payments_.$id";
import * as invoiceNew from "../../app/routes/app.invoices.new";
import * as invoicesCsv from "../../app/routes/app.invoices[.csv]";
import * as money from "../../app/routes/app.money";
import * as payments from "../../app/routes/app.payments";
import * as plan from "../../app/routes/app.plans.$id";
import * as plans from "../../app/routes/app.plans._index";
import * as questions from "../../app/routes/app.questions";
import * as reminders from "../../app/routes/app.reminders";
import * as settings from "../../app/routes/app.settings";
import * as team from "../../app/routes/app.team";
import { hashPassword } from "../../app/modules/auth/password.server";
import { can, type Permission, type Role } from "../../app/modules/auth/roles";
import { db } from "../../app/utils/db.server";
import { reportFigure } from "./figures";
import { buildRequest, changedTables, checksums, invoke, ownerCookieFor, seedTenant, setTestDay, type RouteFn, type Tenant } from "../support/tenants";

const ORIGIN = "http://localhost";
type Form = Record<string, string | string[]>;
type Probe = { route: string; what: string; fn: RouteFn; url: string; params: Record<string, string>; form: Form | null; needs: Permission };
const body = (form: Form) => ({ kind: "form" as const, entries: Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v] as [string, string]])) });

function probes(t: Tenant): Probe[] {
  const own = t.a;
  const cust = `${ORIGIN}/app/customers/${own.customer.id}`;
  const inv = (id: string) => `${ORIGIN}/app/invoices/${id}`;
  const idOf = { id: own.customer.id };
  const draft = { customerId: own.customer.id, number: "R-1", issueDate: "2026-12-15", dueDate: "2027-01-14", "lines.0.description": "Work", "lines.0.quantity": "1", "lines.0.unitPrice": "10.00" };
  const get = (route: string, fn: RouteFn, url: string, needs: Permission, params: Record<string, string> = {}): Probe => ({ route, what: "page", fn, url, params, form: null, needs });
  const post = (route: string, what: string, fn: RouteFn, url: string, needs: Permission, form: Form, params: Record<string, string> = {}): Probe => ({ route, what, fn, url, params, form, needs });
  const tier = t.tiers[0]!;
  return [
    // Pages every role reads.
    get("app._index", overview.loader as RouteFn, `${ORIGIN}/app`, "read"),
    get("app.board", board.loader as RouteFn, `${ORIGIN}/app/board`, "read"),
    get("app.customers", customers.loader as RouteFn, `${ORIGIN}/app/customers`, "read"),
    get("app.customers.$id", customer.loader as RouteFn, cust, "read", idOf),
    get("app.customers_.$id.collections[.csv]", collectionsCsv.loader as RouteFn, `${cust}/collections.csv`, "read", idOf),
    get("app.customers_.$id.statement[.pdf]", statementPdf.loader as RouteFn, `${cust}/statement.pdf`, "read", idOf),
    get("app.invoices", invoices.loader as RouteFn, `${ORIGIN}/app/invoices`, "read"),
    get("app.invoices.$id", invoice.loader as RouteFn, inv(own.invoices.talked.id), "read", { id: own.invoices.talked.id }),
    get("app.credit-notes.$id[.pdf]", creditNotePdf.loader as RouteFn, `${ORIGIN}/app/credit-notes/${own.creditNoteId}.pdf`, "read", { id: own.creditNoteId }),
    get("app.money", money.loader as RouteFn, `${ORIGIN}/app/money`, "read"),
    get("app.payments", payments.loader as RouteFn, `${ORIGIN}/app/payments`, "read"),
    get("app.plans", plans.loader as RouteFn, `${ORIGIN}/app/plans`, "read"),
    get("app.plans.$id", plan.loader as RouteFn, `${ORIGIN}/app/plans/${own.planId}`, "read", { id: own.planId }),
    get("app.questions", questions.loader as RouteFn, `${ORIGIN}/app/questions`, "read"),
    get("app.reminders", reminders.loader as RouteFn, `${ORIGIN}/app/reminders`, "read"),
    get("app.emails", emails.loader as RouteFn, `${ORIGIN}/app/emails`, "read"),
    // Pages of a role.
    get("app.invoices[.csv]", invoicesCsv.loader as RouteFn, `${ORIGIN}/app/invoices.csv`, "export"),
    get("app.customers.new", customerNew.loader as RouteFn, `${ORIGIN}/app/customers/new`, "collect"),
    get("app.customers_.$id.edit", customerEdit.loader as RouteFn, `${cust}/edit`, "collect", idOf),
    get("app.invoices.new", invoiceNew.loader as RouteFn, `${ORIGIN}/app/invoices/new`, "collect"),
    get("app.invoices.import", invoiceImport.loader as RouteFn, `${ORIGIN}/app/invoices/import`, "collect"),
    get("app.customers.import", customerImport.loader as RouteFn, `${ORIGIN}/app/customers/import`, "collect"),
    get("app.settings", settings.loader as RouteFn, `${ORIGIN}/app/settings`, "configure"),
    get("app.team", team.loader as RouteFn, `${ORIGIN}/app/team`, "team"),
    // Every action.
    post("app._index", "send-test-email", overview.action, `${ORIGIN}/app`, "collect", { intent: "send-test-email" }),
    ...(
      [
        ["email-link", {}, "collect"],
        ["revoke-links", {}, "collect"],
        ["pause-customer", { paused: "true" }, "collect"],
        ["plan-access", { plansAllowed: "on" }, "collect"],
        ["archive", { archived: "true" }, "collect"],
        ["call-note", { body: "Called them today.", outcome: "promised" }, "collect"],
        ["send-invoice", { invoiceId: own.invoices.talked.id }, "collect"],
        ["pause-invoice", { invoiceId: own.invoices.talked.id, paused: "true" }, "collect"],
        ["hand-over", { agency: "Acme Collections" }, "concede"],
        ["discount-terms", { invoiceId: own.invoices.talked.id, mode: "NONE" }, "concede"],
        ["settle", { invoiceId: own.invoices.spare.id, amount: "10.00", expiresOn: "2026-12-28" }, "concede"],
        ["waive-fee", { feeId: own.feeId, reason: "Goodwill gesture." }, "concede"],
      ] as const
    ).map(([intent, form, needs]) => post("app.customers.$id", intent, customer.action, cust, needs, { intent, ...form }, idOf)),
    post("app.customers.new", "create", customerNew.action, `${ORIGIN}/app/customers/new`, "collect", { name: "Newco", email: "newco@example.test" }),
    post("app.customers_.$id.edit", "save", customerEdit.action, `${cust}/edit`, "collect", { name: "Renamed", email: own.customer.email }, idOf),
    post("app.invoices.$id", "save", invoice.action, inv(own.invoices.draft.id), "collect", { intent: "save", ...draft }, { id: own.invoices.draft.id }),
    post("app.invoices.$id", "send", invoice.action, inv(own.invoices.draft.id), "collect", { intent: "send" }, { id: own.invoices.draft.id }),
    post("app.invoices.$id", "email", invoice.action, inv(own.invoices.talked.id), "collect", { intent: "email" }, { id: own.invoices.talked.id }),
    post("app.invoices.$id", "payment", invoice.action, inv(own.invoices.spare.id), "collect", { intent: "payment", amount: "10.00", method: "BANK_TRANSFER", receivedOn: "2026-12-14", reference: "T-1", submissionKey: `key-${Date.now()}` }, { id: own.invoices.spare.id }),
    post("app.invoices.$id", "chase", invoice.action, inv(own.invoices.spare.id), "collect", { intent: "chase" }, { id: own.invoices.spare.id }),
    post("app.invoices.$id", "void", invoice.action, inv(own.invoices.spare.id), "concede", { intent: "void", reason: "Entered twice." }, { id: own.invoices.spare.id }),
    post("app.invoices.$id", "credit-note", invoice.action, inv(own.invoices.spare.id), "concede", { intent: "credit-note", amount: "1.00", reason: "Role probe", requestKey: crypto.randomUUID() }, { id: own.invoices.spare.id }),
    post("app.invoices.$id", "write-off", invoice.action, inv(own.invoices.spare.id), "concede", { intent: "write-off", reason: "Role probe" }, { id: own.invoices.spare.id }),
    post("app.invoices.new", "draft", invoiceNew.action, `${ORIGIN}/app/invoices/new`, "collect", draft),
    post("app.plans.$id", "cancel", plan.action, `${ORIGIN}/app/plans/${own.planId}`, "collect", { intent: "cancel", reason: "Stop it." }, { id: own.planId }),
    post("app.plans", "run-charges", plans.action, `${ORIGIN}/app/plans`, "collect", { intent: "run-charges" }),
    post("app.board", "pause", board.action, `${ORIGIN}/app/board`, "collect", { intent: "pause", invoice: [own.invoices.talked.id] }),
    post("app.board", "send-next", board.action, `${ORIGIN}/app/board`, "collect", { intent: "send-next", invoice: [own.invoices.talked.id] }),
    post("app.questions", "answer", questions.action, `${ORIGIN}/app/questions`, "collect", { intent: "answer", questionId: own.questionId, answer: "Sorted.", resolve: "on" }),
    post("app.questions", "resolve", questions.action, `${ORIGIN}/app/questions`, "collect", { intent: "resolve", questionId: own.questionId }),
    post("app.reminders", "run-now", reminders.action, `${ORIGIN}/app/reminders`, "collect", { intent: "run-now" }),
    post("app.reminders", "tier", reminders.action, `${ORIGIN}/app/reminders`, "configure", { intent: "tier", tierId: tier.id, offsetDays: String(tier.offsetDays), subject: "Hi", body: "Hello" }),
    post("app.reminders", "guardrails", reminders.action, `${ORIGIN}/app/reminders`, "configure", { intent: "guardrails", reminderMinGapDays: "3", quietHoursStart: "21", quietHoursEnd: "8" }),
    ...(["business", "plans", "late-fees", "discount"] as const).map((intent) => post("app.settings", intent, settings.action, `${ORIGIN}/app/settings`, "configure", { intent })),
    get("app.payments_.$id", paymentPage.loader as RouteFn, `${ORIGIN}/app/payments/${own.paymentId}`, "read", { id: own.paymentId }),
    post("app.payments_.$id", "refund", paymentPage.action, `${ORIGIN}/app/payments/${own.paymentId}`, "refund", { intent: "refund", amount: "1.00", reason: "Role probe", effect: "REOPEN" }, { id: own.paymentId }),
    post("app.payments_.$id", "simulate-dispute", paymentPage.action, `${ORIGIN}/app/payments/${own.paymentId}`, "refund", { intent: "simulate-dispute", disputeId: "none", outcome: "won" }, { id: own.paymentId }),
    post("app.customers.import", "(file)", customerImport.action, `${ORIGIN}/app/customers/import`, "collect", { file: "not a file" }),
    post("app.reminders", "reviewed", reminders.action, `${ORIGIN}/app/reminders`, "configure", { intent: "reviewed" }),
    post("app.team", "invite", team.action, `${ORIGIN}/app/team`, "team", { intent: "invite", email: "sam@example.test", role: "OWNER" }),
    post("app.team", "role", team.action, `${ORIGIN}/app/team`, "team", { intent: "role", memberId: t.owner.user.id, role: "VIEWER" }),
    post("app.team", "require-two-step", team.action, `${ORIGIN}/app/team`, "team", { intent: "require-two-step", requireTwoStep: "off" }),
    post("app.team", "reset-two-step", team.action, `${ORIGIN}/app/team`, "team", { intent: "reset-two-step", memberId: t.owner.user.id }),
  ];
}

let t: Tenant;
const cookies: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  await setTestDay();
  t = await seedTenant("r");
  for (const role of ["COLLECTOR", "VIEWER"] as const) {
    const email = `${role.toLowerCase()}-${Date.now()}@example.test`;
    await db.user.create({ data: { businessId: t.business.id, email, name: `A ${role}`, role, passwordHash: await hashPassword("correct horse battery") } });
    cookies[role] = (await ownerCookieFor(email, "correct horse battery")).cookie;
  }
}, 120_000);

describe("roles on every owner route", () => {
  it("refuses, with 403 and no write, everything beyond the role; never refuses what the role may do", async () => {
    const beyond: string[] = [];
    const overRefused: string[] = [];
    let tried = 0;
    for (const role of ["VIEWER", "COLLECTOR"] as const) {
      for (const p of probes(t)) {
        const allowed = can(role, p.needs);
        // Actions the role may do would change the data the next probes use: only their pages are run.
        if (allowed && p.form) continue;
        tried++;
        const before = allowed ? null : await checksums();
        const request = buildRequest(p.url, { cookie: cookies[role]!, body: p.form ? body(p.form) : undefined });
        const outcome = await invoke(p.fn, request, p.params);
        const label = `${role} ${p.route} ${p.what} (${outcome.status})`;
        if (allowed) {
          if (outcome.status === 403 || outcome.status >= 500) overRefused.push(`${label}: ${outcome.text.slice(0, 200)}`);
          continue;
        }
        const changed = changedTables(before!, await checksums());
        if (outcome.status !== 403 || changed.length > 0) beyond.push(`${label} changed ${changed.join(", ") || "nothing"}`);
        else expect(outcome.text).toMatch(/^Your role \((Viewer|Collector)\) cannot /);
      }
    }
    reportFigure("actions and pages allowed beyond the role", `${beyond.length} of ${tried} tried`, { tried, beyond, overRefused });
    expect(overRefused).toEqual([]);
    expect(beyond).toEqual([]);
    expect(tried).toBeGreaterThan(70);
  }, 300_000);
});
