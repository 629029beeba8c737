// Issue 19: every customer PDF in the customer's language. For each language a customer reads, the invoice (through
// the portal's route), the receipt, the statement (the owner's download too) and the plan agreement are read back by
// pdf.js, and the catalog's words, the locale's dates and money, and the document's language tag are found in them.
import { afterEach, describe, expect, it } from "vitest";
import type { CalendarDate } from "../../app/modules/dates/calendar";
import { planAgreementPdf, receiptPdf, statementPdf } from "../../app/modules/documents/documents.server";
import { OFFERED_LOCALES } from "../../app/modules/i18n/catalogs.server";
import { customerTranslator } from "../../app/modules/i18n/locale.server";
import { LOCALES } from "../../app/modules/i18n/locales";
import { translator } from "../../app/modules/i18n/translator.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { startPayment } from "../../app/modules/payments/checkout.server";
import { confirmSimulatedPayment } from "../../app/modules/payments/simulator.server";
import { startPlan } from "../../app/modules/plans/plans.server";
import * as portalInvoicePdf from "../../app/routes/portal.invoices.$id[.pdf]";
import { setClockOffset } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice } from "../fixtures/factories";
import { pdfReadingText } from "../support/pdf-text";
import { buildRequest, portalCookieFor, type RouteFn } from "../support/tenants";

const setDay = (day: string) => setClockOffset(new Date(`${day}T17:00:00Z`).getTime() - Date.now());
const CARD = { method: "CARD" as const, card: { number: "4242424242424242", expMonth: 12, expYear: 2035, cvc: "123" } };
const english = translator("en");
/**
 * pdf.js's reading-order text with no spaces at all: a line wraps anywhere, and pdf.js puts a space between the runs
 * of different fonts (Chinese characters and Latin digits), so words are compared without their spaces, NFKC-normalised
 * as pdf.js reads them back (full-width punctuation, Arabic presentation forms).
 */
const bare = (text: string) => text.normalize("NFKC").replace(/[\s\u200e\u200f\u2066-\u2069]+/g, "");
const read = async (pdf: Buffer) => bare(await pdfReadingText(pdf));
const lang = (pdf: Buffer) => /\/Lang \(([^)]+)\)/.exec(pdf.toString("latin1"))?.[1];

afterEach(async () => {
  await setClockOffset(0);
  await stopBoss();
});

describe("customer PDFs in the customer's language", () => {
  it.each(LOCALES.map((l) => [l]))("%s: invoice, receipt, statement and plan agreement", { timeout: 60_000 }, async (locale) => {
    // A language is only offered, and its PDFs only written in it, once every message is translated.
    expect(OFFERED_LOCALES).toContain(locale);
    const tr = translator(locale);
    const { t } = tr;
    if (locale !== "en") expect(t("pdf.billTo")).not.toBe(english.t("pdf.billTo"));

    const business = await createBusiness();
    const customer = await db.customer.update({ where: { id: (await createCustomer(business.id, { name: "Jordan Reyes" })).id }, data: { language: locale } });
    const invoice = await createInvoice(business.id, customer.id, { amountCents: 125_000, issueDate: "2026-11-01" as CalendarDate, dueInDays: 30 });
    const second = await createInvoice(business.id, customer.id, { amountCents: 30_000, issueDate: "2026-11-01" as CalendarDate, dueInDays: 30 });
    await setDay("2026-12-10");

    // The invoice as the portal serves it: the customer's language, whatever the browser asks for.
    const { cookie } = await portalCookieFor(customer.id);
    const request = buildRequest(`http://localhost/portal/invoices/${invoice.id}.pdf`, { cookie, headers: { "accept-language": "en-US" } });
    const response = (await (portalInvoicePdf.loader as RouteFn)({ request, params: { id: invoice.id }, context: { ipAddress: "10.200.0.1" } })) as Response;
    expect(response.status).toBe(200);
    const invoiceBytes = Buffer.from(await response.arrayBuffer());
    expect(lang(invoiceBytes)).toBe(tr.tag);
    const invoiceText = await read(invoiceBytes);
    for (const word of [t("pdf.invoice.title").toLocaleUpperCase(tr.tag), t("pdf.billTo"), t("pdf.issued"), t("pdf.due"), t("pdf.balanceDue"), t("pdf.stamp.overdue", { days: 9 })]) {
      expect(invoiceText, `${locale} invoice: "${word}"`).toContain(bare(word));
    }
    expect(invoiceText).toContain(bare(tr.date("2026-12-01")));
    expect(invoiceText).toContain(bare(tr.money(125_000, "USD")));

    // The receipt of a card payment.
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
    expect(await confirmSimulatedPayment(customer.id, paymentId, CARD)).toBe("SUCCEEDED");
    const receipt = await receiptPdf(tr, customer.id, paymentId);
    const receiptText = await read(receipt!.pdf);
    for (const word of [t("pdf.receipt.title").toLocaleUpperCase(tr.tag), t("pdf.paidOn"), t("pdf.amountPaid"), t("pdf.invoiceLine", { number: invoice.number }), t("pdf.totalPaid"), t("pdf.stamp.paid")]) {
      expect(receiptText, `${locale} receipt: "${word}"`).toContain(bare(word));
    }

    // The statement the owner downloads is in the customer's language too.
    const statement = await statementPdf({ businessId: business.id, customerId: customer.id }, customerTranslator);
    expect(lang(statement!.pdf)).toBe(tr.tag);
    const statementText = await read(statement!.pdf);
    for (const word of [t("pdf.statement.title").toLocaleUpperCase(tr.tag), t("pdf.statementFor"), t("pdf.openInvoices"), t("pdf.col.balance"), t("pdf.overdueDays", { days: 9 }), t("pdf.recent", { days: 90 })]) {
      expect(statementText, `${locale} statement: "${word}"`).toContain(bare(word));
    }
    expect(statementText).toContain(bare(tr.money(30_000, "USD")));

    // A plan agreement: the terms are stored in the language the customer accepted them in.
    const { planId, paymentId: first } = await startPlan({ customerId: customer.id, invoiceIds: [second.id], count: 3, frequency: "MONTHLY", method: "CARD", locale });
    expect(await confirmSimulatedPayment(customer.id, first, CARD)).toBe("SUCCEEDED");
    const plan = await db.plan.findUniqueOrThrow({ where: { id: planId } });
    const agreement = await read((await planAgreementPdf(tr, customer, business, planId))!.pdf);
    for (const word of [t("pdf.plan.title").toLocaleUpperCase(tr.tag), t("pdf.agreedBy"), t("pdf.schedule"), t("plan.frequency.MONTHLY"), t("instalment.status.PAID"), t("pdf.terms"), t("pdf.planTotal")]) {
      expect(agreement, `${locale} agreement: "${word}"`).toContain(bare(word));
    }
    expect(agreement).toContain(bare(tr.date("2027-01-10", "long")));
    expect(agreement).toContain(bare(plan.termsText));
  });
});
