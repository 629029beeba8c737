// Credit notes and write-offs (issue 18): numbered per business under concurrency, one note per form however often
// it is sent, never more than is owed, a PDF and an email for the customer; a write-off takes exactly what is left,
// stops the reminder engine, and shows on Money as bad debt (a settlement's forgiven rest does not).
import { customerTranslator } from "../../app/modules/i18n/locale.server";
import { translator } from "../../app/modules/i18n/translator.server";
import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { issueCreditNote, writeOffInvoice } from "../../app/modules/credit-notes/credit-notes.server";
import { loadDashboard } from "../../app/modules/dashboard/dashboard.server";
import { creditNotePdf, invoicePdf } from "../../app/modules/documents/documents.server";
import { InvoiceRuleError, voidInvoice } from "../../app/modules/invoices/editor.server";
import { getOwnerInvoice } from "../../app/modules/invoices/owner.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { DEFAULT_TIERS } from "../../app/modules/reminders/default-tiers";
import { findCandidates } from "../../app/modules/reminders/engine.server";
import { now, today } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice, createOwner, recordPayment } from "../fixtures/factories";
import { pdfText } from "../support/pdf-text";

async function world(amounts: number[] = [50_000]) {
  const business = await createBusiness();
  await db.reminderTier.createMany({ data: DEFAULT_TIERS.map((t) => ({ ...t, businessId: business.id })) });
  const { user } = await createOwner(business.id);
  const customer = await createCustomer(business.id, { name: "Ada Lovelace" });
  const invoices = [];
  // Issued 1 November, due 1 December: overdue, so the reminder engine is after them.
  for (const amountCents of amounts) invoices.push(await createInvoice(business.id, customer.id, { amountCents }));
  const actor = { id: user.id, name: "Olive Owner" };
  const credit = (invoiceId: string, amount: string, reason = "Two hours of the workshop were cancelled", requestKey: string = crypto.randomUUID()) =>
    issueCreditNote(business.id, actor, invoiceId, { intent: "credit-note", amount, reason, requestKey });
  const writeOff = (invoiceId: string, reason = "The client closed down; no answer in 120 days") => writeOffInvoice(business.id, actor, invoiceId, { intent: "write-off", reason });
  const figures = async (invoiceId: string) => (await getOwnerInvoice(business.id, invoiceId, today(business.timeZone)))!.figures;
  return { business, owner: user, customer, invoices, credit, writeOff, figures };
}

afterEach(async () => {
  await stopBoss();
});

describe("credit notes", () => {
  it("numbers CN-0001 to CN-0020 in order, each once, when 20 are issued at once on one business", async () => {
    const { business, invoices, credit, customer } = await world(Array.from({ length: 10 }, () => 10_000));
    // Two at once on each of ten invoices: the invoice's lock and the business's number are both contended.
    const results = await Promise.all(invoices.flatMap((invoice) => [credit(invoice.id, "12.00"), credit(invoice.id, "13.00")]));
    expect(results.every((r) => r.ok && !r.duplicate)).toBe(true);
    const notes = await db.creditNote.findMany({ where: { businessId: business.id }, orderBy: { number: "asc" } });
    expect(notes.map((n) => n.number)).toEqual(Array.from({ length: 20 }, (_, i) => `CN-${String(i + 1).padStart(4, "0")}`));
    // Numbered in the order they were made.
    const byTime = [...notes].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.number.localeCompare(b.number));
    expect(byTime.map((n) => n.number)).toEqual(notes.map((n) => n.number));
    expect((await db.business.findUniqueOrThrow({ where: { id: business.id } })).creditNoteSeq).toBe(20);
    // Each note carries its money as a CREDIT adjustment approved by the owner, and is logged and emailed.
    const adjustments = await db.invoiceAdjustment.findMany({ where: { id: { in: notes.map((n) => n.adjustmentId) } } });
    expect(adjustments).toHaveLength(20);
    expect(adjustments.every((a) => a.kind === "CREDIT" && a.approvedById !== null)).toBe(true);
    expect(await db.activityEvent.count({ where: { businessId: business.id, type: "credit_note.issued" } })).toBe(20);
    expect(await db.outboxEmail.count({ where: { customerId: customer.id, template: "credit-note" } })).toBe(20);
    // Another business starts at CN-0001 of its own.
    const other = await world();
    const first = await other.credit(other.invoices[0]!.id, "5");
    expect(first).toMatchObject({ ok: true, number: "CN-0001" });
  }, 60_000);

  it("makes one note from one form, however many times it is sent, at once or later", async () => {
    const { invoices, credit, customer, figures } = await world([50_000]);
    const key = crypto.randomUUID();
    const send = () => credit(invoices[0]!.id, "100.00", "Goodwill after a late delivery", key);
    const results = [...(await Promise.all([send(), send(), send()])), await send()];
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.creditNoteId : "")));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
    expect(await db.creditNote.count({ where: { invoiceId: invoices[0]!.id } })).toBe(1);
    expect(await db.invoiceAdjustment.count({ where: { invoiceId: invoices[0]!.id } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { customerId: customer.id, template: "credit-note" } })).toBe(1);
    expect((await figures(invoices[0]!.id)).balanceCents).toBe(40_000);
    // The same key on another invoice of the business is refused, not a second note.
    const other = await createInvoice(customer.businessId, customer.id, { amountCents: 10_000 });
    expect(await credit(other.id, "1.00", "Goodwill", key)).toEqual({ ok: false, fieldErrors: { form: ["This form was already sent for another invoice. Reload the page and send it again."] } });
  });

  it("never credits more than is owed: the message names the most, and two at once cannot pass it together", async () => {
    const { business, invoices, credit, customer, figures } = await world([50_000]);
    const invoice = invoices[0]!;
    await recordPayment(business.id, customer.id, invoice.id, 10_000);
    expect(await credit(invoice.id, "400.01")).toEqual({ ok: false, fieldErrors: { amount: ["Credit at most $400.00, the balance of the invoice."] } });
    expect(await credit(invoice.id, "0")).toEqual({ ok: false, fieldErrors: { amount: ["Enter an amount more than 0."] } });
    expect(await credit(invoice.id, "12.345")).toMatchObject({ ok: false, fieldErrors: { amount: [expect.stringMatching(/exact to the cent/)] } });
    expect(await credit(invoice.id, "10", "no")).toMatchObject({ ok: false, fieldErrors: { reason: [expect.stringMatching(/at least 3 characters/)] } });
    expect(await db.creditNote.count({ where: { invoiceId: invoice.id } })).toBe(0);

    // Two credits of 300.00 against 400.00 owed, sent at once: the second is decided after the first, under the lock.
    const both = await Promise.all([credit(invoice.id, "300"), credit(invoice.id, "300")]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toEqual({ ok: false, fieldErrors: { amount: ["Credit at most $100.00, the balance of the invoice."] } });
    expect(await credit(invoice.id, "100")).toMatchObject({ ok: true, number: "CN-0002" });
    expect(await figures(invoice.id)).toMatchObject({ status: "PAID", balanceCents: 0, creditCents: 40_000 });
    expect(await credit(invoice.id, "1")).toEqual({ ok: false, fieldErrors: { amount: ["Nothing is owed on this invoice, so there is nothing to credit."] } });
    // A refused note uses no number.
    expect((await db.business.findUniqueOrThrow({ where: { id: business.id } })).creditNoteSeq).toBe(2);
  });

  it("is refused on a draft, a void invoice, and another business's invoice", async () => {
    const { business, customer, credit } = await world([]);
    const draft = await createInvoice(business.id, customer.id, { state: "DRAFT" });
    const voided = await createInvoice(business.id, customer.id, { state: "VOID" });
    expect(await credit(draft.id, "1")).toMatchObject({ ok: false, fieldErrors: { form: [expect.stringMatching(/is a draft/)] } });
    expect(await credit(voided.id, "1")).toMatchObject({ ok: false, fieldErrors: { form: [expect.stringMatching(/is void/)] } });
    const other = await world();
    await expect(credit(other.invoices[0]!.id, "1")).rejects.toMatchObject({ status: 404 });
    expect(await db.creditNote.count({ where: { invoiceId: other.invoices[0]!.id } })).toBe(0);
  });

  it("gives the customer a PDF (number, amount, reason, balance after) and an email linking to it; the invoice PDF lists it", async () => {
    const { business, customer, invoices, credit } = await world([50_000]);
    const invoice = invoices[0]!;
    const issued = await credit(invoice.id, "150.00", "Two hours of the workshop were cancelled");
    expect(issued).toMatchObject({ ok: true, number: "CN-0001", amountCents: 15_000, duplicate: false });
    const noteId = issued.ok ? issued.creditNoteId : "";

    const text = pdfText((await creditNotePdf({ customerId: customer.id }, noteId, customerTranslator))!.pdf);
    expect(text).toContain("CREDIT NOTE");
    expect(text).toContain("CN-0001");
    expect(text).toContain("$150.00");
    expect(text).toContain(invoice.number);
    expect(text).toContain("Two hours of the workshop were cancelled");
    expect(text).toContain(business.name);
    expect(text).toContain(customer.email);
    expect(text).toMatch(/Balance before\n\$500\.00/);
    expect(text).toMatch(/Balance after\n\$350\.00/);
    // The owner reads it by business; anyone else finds nothing.
    expect(await creditNotePdf({ businessId: business.id }, noteId, customerTranslator)).not.toBeNull();
    const stranger = await createCustomer(business.id);
    expect(await creditNotePdf({ customerId: stranger.id }, noteId, customerTranslator)).toBeNull();
    expect(await creditNotePdf({ businessId: (await createBusiness()).id }, noteId, customerTranslator)).toBeNull();

    // A later payment does not rewrite the document.
    await recordPayment(business.id, customer.id, invoice.id, 5_000);
    expect(pdfText((await creditNotePdf({ customerId: customer.id }, noteId, customerTranslator))!.pdf)).toMatch(/Balance after\n\$350\.00/);

    const invoiceText = pdfText((await invoicePdf(translator("en"), customer, business, invoice.id))!.pdf);
    expect(invoiceText).toMatch(/Credit note CN-0001\n-\$150\.00/);
    expect(invoiceText).toMatch(/Balance due\n\$300\.00/);

    const email = await db.outboxEmail.findFirstOrThrow({ where: { template: "credit-note", customerId: customer.id } });
    expect(email.toAddress).toBe(customer.email);
    expect(email.subject).toBe(`Credit note CN-0001 from ${business.name}: $150.00 off invoice ${invoice.number}`);
    expect(email.text).toContain("Two hours of the workshop were cancelled");
    expect(email.text).toContain(`/portal/credit-notes/${noteId}.pdf`);
    expect(email.text).toMatch(/\/portal\/access\//);
    expect(email.text).toContain("$350.00");
    expect(await db.activityEvent.findFirstOrThrow({ where: { invoiceId: invoice.id, type: "credit_note.issued" } })).toMatchObject({
      actor: "OWNER",
      summary: `Olive Owner issued credit note CN-0001 for $150.00 on ${invoice.number}: Two hours of the workshop were cancelled. Balance now $350.00`,
    });
  });
});

describe("writing an invoice off as uncollectible", () => {
  it("takes exactly what is left off, reads Written off, stops the reminder engine, emails no one, and counts as bad debt", async () => {
    const { business, owner, customer, invoices, writeOff, figures, credit } = await world([50_000, 20_000]);
    const [invoice, other] = invoices as [(typeof invoices)[0], (typeof invoices)[0]];
    await recordPayment(business.id, customer.id, invoice.id, 10_000);
    expect(await credit(invoice.id, "50")).toMatchObject({ ok: true });
    const emailsBefore = await db.outboxEmail.count({ where: { customerId: customer.id } });
    expect((await findCandidates(now(), business.id)).map((c) => c.invoiceId)).toContain(invoice.id);

    expect(await writeOff(invoice.id)).toEqual({ ok: true, amountCents: 35_000 });
    expect(await figures(invoice.id)).toMatchObject({ status: "WRITTEN_OFF", balanceCents: 0, dueNowCents: 0, writtenOffCents: 35_000, paidCents: 10_000, creditCents: 5_000 });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      uncollectibleAt: expect.any(Date),
      uncollectibleReason: "The client closed down; no answer in 120 days",
      uncollectibleById: owner.id,
    });
    expect(await db.invoiceAdjustment.findFirstOrThrow({ where: { invoiceId: invoice.id, kind: "WRITE_OFF" } })).toMatchObject({ amountCents: 35_000, approvedById: owner.id, settlementOfferId: null });
    expect(await db.activityEvent.findFirstOrThrow({ where: { invoiceId: invoice.id, type: "invoice.written_off" } })).toMatchObject({ actor: "OWNER", summary: expect.stringContaining("wrote off $350.00") });
    expect(await db.outboxEmail.count({ where: { customerId: customer.id } })).toBe(emailsBefore);

    // The engine no longer finds it; the other invoice of the customer is still chased.
    const candidates = (await findCandidates(now(), business.id)).map((c) => c.invoiceId);
    expect(candidates).not.toContain(invoice.id);
    expect(candidates).toContain(other.id);

    // Money: bad debt this month and this year; a settlement's write-off is not bad debt.
    const offer = await db.settlementOffer.create({ data: { businessId: business.id, invoiceId: other.id, amountCents: 15_000, expiresOn: new Date("2026-12-31"), createdById: owner.id, status: "ACCEPTED" } });
    await db.invoiceAdjustment.create({ data: { invoiceId: other.id, kind: "WRITE_OFF", amountCents: 5_000, reason: "Settled for $150.00", approvedById: owner.id, settlementOfferId: offer.id } });
    const money = (await loadDashboard(business.id, business.currency, business.timeZone, today(business.timeZone)))[0]!.figures;
    expect(money.badDebtThisMonthCents).toBe(35_000);
    expect(money.badDebtLast12MonthsCents).toBe(35_000);
    // Realization counts only what was collected: the written-off and credited parts lower it.
    expect(money.collectedOnBilledCents).toBe(10_000);
    expect(money.billedCents).toBe(70_000);
  });

  it("is refused when nothing is left, twice, on a draft, without a reason, and afterwards a write-off cannot be voided or credited", async () => {
    const { business, customer, invoices, writeOff, credit, owner } = await world([30_000, 40_000]);
    const [paid, open] = invoices as [(typeof invoices)[0], (typeof invoices)[0]];
    await recordPayment(business.id, customer.id, paid.id, 30_000);
    expect(await writeOff(paid.id)).toEqual({ ok: false, fieldErrors: { form: [`Nothing is left to pay on ${paid.number}, so there is nothing to write off.`] } });
    const draft = await createInvoice(business.id, customer.id, { state: "DRAFT" });
    expect(await writeOff(draft.id)).toMatchObject({ ok: false, fieldErrors: { form: [expect.stringMatching(/is a draft/)] } });
    expect(await writeOff(open.id, "")).toEqual({ ok: false, fieldErrors: { reason: ["Say why you write this invoice off (at least 3 characters)."] } });
    const processing = await createInvoice(business.id, customer.id, { amountCents: 10_000 });
    await recordPayment(business.id, customer.id, processing.id, 4_000, "PROCESSING");
    expect(await writeOff(processing.id)).toMatchObject({ ok: false, fieldErrors: { form: [expect.stringMatching(/\$40\.00 is on its way/)] } });

    // Two at once: one write-off, of the balance.
    const both = await Promise.all([writeOff(open.id), writeOff(open.id)]);
    expect(both).toContainEqual({ ok: true, amountCents: 40_000 });
    expect(both).toContainEqual({ ok: false, fieldErrors: { form: [`${open.number} is already written off.`] } });
    expect(await db.invoiceAdjustment.count({ where: { invoiceId: open.id, kind: "WRITE_OFF" } })).toBe(1);
    await expect(voidInvoice(business.id, owner.id, open.id, "Entered twice")).rejects.toThrow(InvoiceRuleError);
    expect(await credit(open.id, "1")).toMatchObject({ ok: false, fieldErrors: { form: [expect.stringMatching(/written off/)] } });
    await expect(writeOff((await world()).invoices[0]!.id)).rejects.toMatchObject({ status: 404 });
  });
});
