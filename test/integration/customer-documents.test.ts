// The statement and plan agreement PDFs (issue 19): what each says, read back from the PDF, and that a customer
// gets only their own (another customer's plan id answers 404, another customer's invoices never appear).
import { customerTranslator } from "../../app/modules/i18n/locale.server";
import { translator } from "../../app/modules/i18n/translator.server";
import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { issueCreditNote } from "../../app/modules/credit-notes/credit-notes.server";
import type { CalendarDate } from "../../app/modules/dates/calendar";
import { planAgreementPdf, statementPdf } from "../../app/modules/documents/documents.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { confirmSimulatedPayment } from "../../app/modules/payments/simulator.server";
import { startPlan } from "../../app/modules/plans/plans.server";
import { setClockOffset } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import * as portalPlanPdf from "../../app/routes/portal.plans.$id[.pdf]";
import * as portalStatementPdf from "../../app/routes/portal.statement[.pdf]";
import { createBusiness, createCustomer, createInvoice, createOwner, recordPayment } from "../fixtures/factories";
import { looksLikePdf, pdfText } from "../support/pdf-text";
import { buildRequest, invoke, portalCookieFor, type RouteFn } from "../support/tenants";

const setDay = (day: string) => setClockOffset(new Date(`${day}T17:00:00Z`).getTime() - Date.now());
const CARD = { method: "CARD" as const, card: { number: "4242424242424242", expMonth: 12, expYear: 2035, cvc: "123" } };
/** The PDF's text with each drawn piece on its own line, as one line of words. */
const flat = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, " ");

afterEach(async () => {
  await setClockOffset(0);
  await stopBoss();
});

describe("the plan agreement PDF", () => {
  it("has the terms as agreed, the schedule with dates and amounts, the method and when it was accepted; only for its customer", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id, { name: "Ada Lovelace" });
    const other = await createCustomer(business.id, { name: "Grace Hopper" });
    const invoice = await createInvoice(business.id, customer.id, { amountCents: 30_000, issueDate: "2026-11-01" as CalendarDate, dueInDays: 30 });
    await setDay("2026-12-01");
    const { planId, paymentId } = await startPlan({ customerId: customer.id, invoiceIds: [invoice.id], count: 3, frequency: "MONTHLY", method: "CARD" });
    expect(await confirmSimulatedPayment(customer.id, paymentId, CARD)).toBe("SUCCEEDED");
    const plan = await db.plan.findUniqueOrThrow({ where: { id: planId } });

    const doc = await planAgreementPdf(translator("en"), customer, business, planId);
    const text = flat(doc!.pdf);
    expect(text).toContain("PAYMENT PLAN AGREEMENT");
    expect(text).toContain(`Invoice ${invoice.number}`);
    expect(text).toMatch(/Accepted Dec 1, 2026, \d{1,2}:\d{2} [AP]M EST/);
    expect(text).toContain("Instalments 3 How often Every month");
    expect(text).toMatch(/Payment method .*4242/);
    // The schedule, in order: sequence, date, status, amount.
    expect(text).toMatch(/1 December 1, 2026 Paid \$100\.00 2 January 1, 2027 Scheduled \$100\.00 3 February 1, 2027 Scheduled \$100\.00/);
    expect(text).toContain("Paid so far $100.00");
    expect(text).toContain("Plan total $300.00");
    // The terms exactly as stored, word for word (wrapped over lines).
    expect(text).toContain(plan.termsText.replace(/\s+/g, " "));

    // Another customer of the same business: nothing, and the route answers 404.
    expect(await planAgreementPdf(translator("en"), other, business, planId)).toBeNull();
    const { cookie } = await portalCookieFor(other.id);
    const outcome = await invoke(portalPlanPdf.loader as RouteFn, buildRequest(`http://localhost/portal/plans/${planId}.pdf`, { cookie }), { id: planId });
    expect(outcome.status).toBe(404);
    expect(outcome.text).not.toContain(invoice.number);
    // Its own customer gets the PDF from the route.
    const own = await invoke(portalPlanPdf.loader as RouteFn, buildRequest(`http://localhost/portal/plans/${planId}.pdf`, { cookie: (await portalCookieFor(customer.id)).cookie }), { id: planId });
    expect(own.status).toBe(200);
    expect(own.contentType).toBe("application/pdf");
  });
});

describe("the statement PDF", () => {
  it("lists every open invoice with amount, paid and balance, recent payments and credits, and a balance per currency", async () => {
    const business = await createBusiness();
    const { user } = await createOwner(business.id);
    const customer = await createCustomer(business.id, { name: "Ada Lovelace" });
    const other = await createCustomer(business.id, { name: "Grace Hopper" });
    await setDay("2026-12-10");
    const partly = await createInvoice(business.id, customer.id, { amountCents: 10_000, issueDate: "2026-11-01" as CalendarDate, dueInDays: 30 });
    const paid = await createInvoice(business.id, customer.id, { amountCents: 5_000, issueDate: "2026-11-05" as CalendarDate, dueInDays: 30 });
    const credited = await createInvoice(business.id, customer.id, { amountCents: 20_000, issueDate: "2026-11-20" as CalendarDate, dueInDays: 30 });
    const euros = await createInvoice(business.id, customer.id, { amountCents: 7_000, issueDate: "2026-11-25" as CalendarDate, dueInDays: 30 });
    await db.invoice.update({ where: { id: euros.id }, data: { currency: "EUR" } });
    const theirs = await createInvoice(business.id, other.id, { amountCents: 99_900 });
    const payment = await recordPayment(business.id, customer.id, partly.id, 4_000);
    await db.payment.update({ where: { id: payment.id }, data: { receiptNumber: `R-${payment.id.slice(-6)}`, succeededAt: new Date() } });
    await recordPayment(business.id, customer.id, paid.id, 5_000);
    const note = await issueCreditNote(business.id, { id: user.id, name: "Olive Owner" }, credited.id, { intent: "credit-note", amount: "50.00", reason: "Workshop shortened", requestKey: crypto.randomUUID() });
    expect(note.ok).toBe(true);

    const { cookie } = await portalCookieFor(customer.id);
    const outcome = await invoke(portalStatementPdf.loader as RouteFn, buildRequest("http://localhost/portal/statement.pdf", { cookie }));
    expect(outcome.status).toBe(200);
    expect(outcome.contentType).toBe("application/pdf");
    const doc = (await statementPdf({ customerId: customer.id }, customerTranslator))!;
    expect(looksLikePdf(doc.pdf)).toBe(true);
    const text = flat(doc.pdf);
    expect(text).toContain("STATEMENT");
    // Open invoices by due date: number, due, amount, paid, balance; the paid one is not listed.
    expect(text).toContain(`${partly.number} Overdue 9 days Dec 1, 2026 $100.00 $40.00 $60.00`);
    expect(text).toContain(`${credited.number} Dec 20, 2026 $200.00 $0.00 $150.00`);
    expect(text).toContain(`${euros.number} Dec 25, 2026 €70.00 €0.00 €70.00`);
    expect(text).not.toContain(paid.number);
    // Recent payments and credits, newest first.
    expect(text).toContain(`Credit note CN-0001 on ${credited.number} -$50.00`);
    expect(text).toContain(`Payment R-${payment.id.slice(-6)} (Card) -$40.00`);
    // One balance per currency, never added together: $60 + $150 in dollars, €70 in euros.
    expect(text).toContain("Balance due (EUR) €70.00");
    expect(text).toContain("Balance due (USD) $210.00");
    expect(text).not.toContain("280.00");
    // Another customer's invoice never appears, and the owner of another business cannot read this customer's.
    expect(text).not.toContain(theirs.number);
    const elsewhere = await createBusiness();
    expect(await statementPdf({ businessId: elsewhere.id, customerId: customer.id }, customerTranslator)).toBeNull();
    expect(flat((await statementPdf({ businessId: business.id, customerId: customer.id }, customerTranslator))!.pdf)).toContain("Balance due (USD) $210.00");
  });
});
