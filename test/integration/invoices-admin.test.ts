import { afterEach, describe, expect, it } from "vitest";
import { addDays, formatDate } from "../../app/modules/dates/calendar";
import { importInvoices, exportInvoicesCsv } from "../../app/modules/invoices/csv.server";
import { parseCsv } from "../../app/modules/invoices/csv";
import type { DraftInput } from "../../app/modules/invoices/draft-form";
import { createDraft, InvoiceRuleError, issueInvoice, updateDraft, voidInvoice } from "../../app/modules/invoices/editor.server";
import { recordOfflinePayment } from "../../app/modules/invoices/offline-payment.server";
import { getOwnerInvoice, suggestInvoiceNumber } from "../../app/modules/invoices/owner.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { today } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createOwner } from "../fixtures/factories";

afterEach(async () => {
  await stopBoss();
});

async function setup() {
  const business = await createBusiness();
  const { user } = await createOwner(business.id);
  const customer = await createCustomer(business.id, { name: "Grace Hopper" });
  const day = today(business.timeZone);
  const draft = (overrides: Partial<DraftInput> = {}): DraftInput => ({
    customerId: customer.id,
    number: "INV-1001",
    issueDate: day,
    dueDate: addDays(day, 30),
    memo: null,
    lines: [
      { description: "Workshop", quantityMilli: 1500, unitAmountCents: 20000, amountCents: 30000 },
      { description: "Materials", quantityMilli: 1000, unitAmountCents: 12500, amountCents: 12500 },
    ],
    ...overrides,
  });
  const figures = async (invoiceId: string) => (await getOwnerInvoice(business.id, invoiceId, day))!.figures;
  return { business, owner: user, customer, day, draft, figures };
}

describe("drafts, issuing and voiding", () => {
  it("creates a draft with lines, edits it, issues and emails it; then its lines are fixed", async () => {
    const { business, owner, customer, draft, figures } = await setup();
    const invoice = await createDraft(business.id, owner.id, draft());
    expect(await figures(invoice.id)).toMatchObject({ status: "DRAFT", totalCents: 42500 });
    expect(await suggestInvoiceNumber(business.id)).toBe("INV-1002");

    await updateDraft(business.id, owner.id, invoice.id, draft({ memo: "Thanks!", lines: [{ description: "Workshop", quantityMilli: 2000, unitAmountCents: 20000, amountCents: 40000 }] }));
    const lines = await db.invoiceLine.findMany({ where: { invoiceId: invoice.id } });
    expect(lines).toHaveLength(1);
    expect(await figures(invoice.id)).toMatchObject({ totalCents: 40000 });

    await expect(issueInvoice(business.id, owner.id, invoice.id)).resolves.toMatchObject({ alreadyIssued: false });
    await expect(issueInvoice(business.id, owner.id, invoice.id)).resolves.toMatchObject({ alreadyIssued: true });
    expect(await db.outboxEmail.count({ where: { customerId: customer.id, template: "invoice-sent" } })).toBe(1);
    const issued = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(issued.state).toBe("ISSUED");
    expect(issued.sentAt).not.toBeNull();
    const email = await db.outboxEmail.findFirstOrThrow({ where: { customerId: customer.id, template: "invoice-sent" } });
    expect(email.text).toMatch(/\/portal\/access\//);

    await expect(updateDraft(business.id, owner.id, invoice.id, draft())).rejects.toThrow(/INV-1001 has been issued, so its lines and dates can no longer be edited/);
    const types = (await db.activityEvent.findMany({ where: { invoiceId: invoice.id }, orderBy: { id: "asc" } })).map((a) => [a.type, a.actor]);
    expect(types).toEqual([
      ["invoice.created", "OWNER"],
      ["invoice.edited", "OWNER"],
      ["invoice.issued", "OWNER"],
      ["invoice.sent", "OWNER"],
    ]);
  });

  it("sends nothing to a customer who must pay a deposit until the invoice is due on receipt", async () => {
    const { business, owner, customer, day, draft } = await setup();
    await db.customer.update({ where: { id: customer.id }, data: { depositRequired: true } });
    const invoice = await createDraft(business.id, owner.id, draft());
    await expect(issueInvoice(business.id, owner.id, invoice.id)).rejects.toThrow(
      `Grace Hopper must pay a deposit before new work, so INV-1001 has to be due on receipt: set its due date to its issue date (${formatDate(day)}), or turn off "Deposit required" on their page.`,
    );
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).state).toBe("DRAFT");
    expect(await db.outboxEmail.count({ where: { customerId: customer.id } })).toBe(0);
    await updateDraft(business.id, owner.id, invoice.id, draft({ dueDate: day }));
    await expect(issueInvoice(business.id, owner.id, invoice.id)).resolves.toMatchObject({ alreadyIssued: false });
    expect(await db.outboxEmail.count({ where: { customerId: customer.id, template: "invoice-sent" } })).toBe(1);
  });

  it("refuses a number already used by the business, naming the field", async () => {
    const { business, owner, draft } = await setup();
    await createDraft(business.id, owner.id, draft());
    const error = await createDraft(business.id, owner.id, draft()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvoiceRuleError);
    expect(error).toMatchObject({ field: "number", message: "INV-1001 is already used by another invoice; choose another number." });
    const other = await createBusiness();
    const { user } = await createOwner(other.id);
    const otherCustomer = await createCustomer(other.id);
    await expect(createDraft(other.id, user.id, draft({ customerId: otherCustomer.id }))).resolves.toMatchObject({ number: "INV-1001" });
    await expect(createDraft(business.id, owner.id, draft({ customerId: otherCustomer.id, number: "INV-7" }))).rejects.toThrow("Choose one of your customers.");
  });

  it("voids with a reason, and refuses once money was received, saying what to do", async () => {
    const { business, owner, draft, day } = await setup();
    const unpaid = await createDraft(business.id, owner.id, draft());
    await issueInvoice(business.id, owner.id, unpaid.id);
    await expect(voidInvoice(business.id, owner.id, unpaid.id, " ")).rejects.toThrow("Say why you void the invoice (at least 3 characters).");
    await voidInvoice(business.id, owner.id, unpaid.id, "Issued twice by mistake");
    expect(await db.invoice.findUniqueOrThrow({ where: { id: unpaid.id } })).toMatchObject({ state: "VOID", voidReason: "Issued twice by mistake" });
    await expect(voidInvoice(business.id, owner.id, unpaid.id, "again")).rejects.toThrow("INV-1001 is already void.");
    await expect(issueInvoice(business.id, owner.id, unpaid.id)).rejects.toThrow("INV-1001 is void and cannot be sent.");

    const paid = await createDraft(business.id, owner.id, draft({ number: "INV-1002" }));
    await issueInvoice(business.id, owner.id, paid.id);
    await recordOfflinePayment(business.id, owner.id, paid.id, { amount: "100", method: "CHECK", receivedOn: day, reference: "1234", submissionKey: "key-void-test" });
    await expect(voidInvoice(business.id, owner.id, paid.id, "Customer cancelled")).rejects.toThrow(
      /\$100\.00 has been received on INV-1002, so it cannot be voided.*Refund the payment first, or to forgive what is left, write it off/,
    );
  });
});

describe("offline payments", () => {
  async function issued() {
    const ctx = await setup();
    const invoice = await createDraft(ctx.business.id, ctx.owner.id, ctx.draft());
    await issueInvoice(ctx.business.id, ctx.owner.id, invoice.id);
    return { ...ctx, invoice };
  }

  it("records a cheque with a receipt number and a receipt email, logged as the owner", async () => {
    const { business, owner, customer, invoice, day, figures } = await issued();
    const recorded = await recordOfflinePayment(business.id, owner.id, invoice.id, { amount: "125.00", method: "CHECK", receivedOn: day, reference: "004512", submissionKey: "form-key-1" });
    expect(recorded).toMatchObject({ amountCents: 12500, duplicate: false, receiptNumber: expect.stringMatching(/^R-\d{6}$/) });
    const payment = await db.payment.findUniqueOrThrow({ where: { id: recorded.paymentId }, include: { allocations: true } });
    expect(payment).toMatchObject({ status: "SUCCEEDED", method: "CHECK", gateway: "offline", methodDetails: "Cheque no. 004512", amountCents: 12500 });
    expect(payment.allocations).toEqual([expect.objectContaining({ invoiceId: invoice.id, amountCents: 12500 })]);
    expect(await figures(invoice.id)).toMatchObject({ status: "PARTLY_PAID", paidCents: 12500, balanceCents: 30000 });
    const receipt = await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `receipt:${payment.id}` } });
    expect(receipt.toAddress).toBe(customer.email);
    expect(receipt.text).toContain(recorded.receiptNumber);
    expect(receipt.text).toContain("Cheque no. 004512");
    const log = await db.activityEvent.findFirstOrThrow({ where: { invoiceId: invoice.id, type: "payment.recorded" } });
    expect(log).toMatchObject({ actor: "OWNER", actorUserId: owner.id });
    expect(log.summary).toBe(`$125.00 received on ${formatDate(day)} recorded (Cheque no. 004512), receipt ${recorded.receiptNumber}`);

    const bank = await recordOfflinePayment(business.id, owner.id, invoice.id, { amount: "300", method: "BANK_TRANSFER", receivedOn: addDays(day, -2), reference: "", submissionKey: "form-key-2" });
    expect(bank.receiptNumber).not.toBe(recorded.receiptNumber);
    expect(await figures(invoice.id)).toMatchObject({ status: "PAID", balanceCents: 0 });
  });

  it("refuses an overpayment, a future date, a draft, a cheque without a number and a rounded amount, recording nothing", async () => {
    const { business, owner, invoice, day, draft } = await issued();
    const base = { method: "CHECK" as const, receivedOn: day, reference: "1", submissionKey: "form-key-x" };
    await expect(recordOfflinePayment(business.id, owner.id, invoice.id, { ...base, amount: "425.01" })).rejects.toMatchObject({
      field: "amount",
      message: "That is more than the $425.00 still owed on INV-1001. Record at most $425.00 here; return any extra to the customer or record it against their other invoices.",
    });
    await expect(recordOfflinePayment(business.id, owner.id, invoice.id, { ...base, amount: "10", receivedOn: addDays(day, 1) })).rejects.toMatchObject({ field: "receivedOn" });
    await expect(recordOfflinePayment(business.id, owner.id, invoice.id, { ...base, amount: "10", reference: "" })).rejects.toMatchObject({ field: "reference", message: "Enter the cheque number." });
    await expect(recordOfflinePayment(business.id, owner.id, invoice.id, { ...base, amount: "10.005" })).rejects.toMatchObject({ field: "amount", message: expect.stringMatching(/more than 2 decimals/) });
    await expect(recordOfflinePayment(business.id, owner.id, invoice.id, { ...base, amount: "0" })).rejects.toThrow("Enter an amount greater than zero.");
    const other = await createDraft(business.id, owner.id, draft({ number: "INV-2000" }));
    await expect(recordOfflinePayment(business.id, owner.id, other.id, { ...base, amount: "10" })).rejects.toThrow("INV-2000 is a draft. Send it before recording a payment on it.");
    expect(await db.payment.count({ where: { businessId: business.id } })).toBe(0);
  });

  it("records a double submit of the same form once, even when both arrive together", async () => {
    const { business, owner, invoice, day, figures } = await issued();
    const input = { amount: "100", method: "CHECK" as const, receivedOn: day, reference: "77", submissionKey: "same-form-token" };
    const [a, b] = await Promise.all([recordOfflinePayment(business.id, owner.id, invoice.id, input), recordOfflinePayment(business.id, owner.id, invoice.id, input)]);
    expect(a.paymentId).toBe(b.paymentId);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    const again = await recordOfflinePayment(business.id, owner.id, invoice.id, input);
    expect(again).toMatchObject({ paymentId: a.paymentId, duplicate: true, receiptNumber: a.receiptNumber });
    expect(await db.payment.count({ where: { businessId: business.id } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { template: "receipt", businessId: business.id } })).toBe(1);
    expect(await figures(invoice.id)).toMatchObject({ paidCents: 10000 });
  });
});

const HEADER = "customer_email,invoice_number,issue_date,due_date,description,quantity,unit_price,memo";

describe("CSV import and export", () => {
  it("imports nothing from a file with bad rows, and reports each one", async () => {
    const { business, owner, customer, draft } = await setup();
    await createDraft(business.id, owner.id, draft({ number: "INV-0001" }));
    const file = [
      HEADER,
      `${customer.email},INV-5001,2026-11-01,2026-12-01,Good line,1,100.00,`,
      `nobody@example.test,INV-5002,2026-11-01,2026-12-01,Unknown customer,1,100.00,`,
      `${customer.email},INV-0001,2026-11-01,2026-12-01,Number taken,1,100.00,`,
      `${customer.email},INV-5003,2026-11-01,2026-12-01,Rounded,1,99.999,`,
    ].join("\n");
    const result = await importInvoices(business.id, owner.id, file, { issue: false });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "customer_email"],
      [4, "invoice_number"],
      [5, "unit_price"],
    ]);

    const fixed = file.replace("99.999", "99.99");
    const second = await importInvoices(business.id, owner.id, fixed, { issue: false });
    expect(second.ok ? [] : second.errors).toEqual([
      { row: 3, column: "customer_email", value: "nobody@example.test", message: "No customer has the email nobody@example.test. Add the customer first, or correct the address." },
      { row: 4, column: "invoice_number", value: "INV-0001", message: "INV-0001 is already used by one of your invoices. Give this invoice another number, or leave it out of the file." },
    ]);
    expect(await db.invoice.count({ where: { businessId: business.id } })).toBe(1);
    expect(await db.activityEvent.count({ where: { businessId: business.id, type: "invoice.imported" } })).toBe(0);
  });

  it("imports a good file: several rows with one number make one invoice with several lines", async () => {
    const { business, owner, customer, day } = await setup();
    const other = await createCustomer(business.id, { email: "Alan@Example.test", name: "Alan Turing" });
    const file = [
      HEADER,
      `${customer.email},INV-6001,2026-11-01,2026-12-01,Workshop,6,150,Thanks`,
      `${customer.email},INV-6001,2026-11-01,2026-12-01,"Materials, printed",1,125.00,`,
      `alan@example.test,INV-6002,2026-11-02,2026-12-02,Data audit,12.5,110,`,
    ].join("\r\n");
    const result = await importInvoices(business.id, owner.id, file, { issue: true });
    expect(result).toMatchObject({ ok: true, invoiceCount: 2, lineCount: 3, totalCents: 102500 + 137500, numbers: ["INV-6001", "INV-6002"] });
    const invoices = await db.invoice.findMany({ where: { businessId: business.id }, include: { lines: { orderBy: { position: "asc" } } }, orderBy: { number: "asc" } });
    expect(invoices.map((i) => [i.number, i.state, i.customerId, i.memo, i.lines.map((l) => l.description)])).toEqual([
      ["INV-6001", "ISSUED", customer.id, "Thanks", ["Workshop", "Materials, printed"]],
      ["INV-6002", "ISSUED", other.id, null, ["Data audit"]],
    ]);
    expect(await db.outboxEmail.count({ where: { businessId: business.id } })).toBe(0);
    expect((await getOwnerInvoice(business.id, invoices[1]!.id, day))!.figures.totalCents).toBe(137500);
    const again = await importInvoices(business.id, owner.id, file, { issue: true });
    expect(again.ok ? [] : again.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "invoice_number"],
      [4, "invoice_number"],
    ]);
  });

  it("exports invoices with their figures, and the export imports into another business as it is", async () => {
    const { business, owner, customer, draft, day } = await setup();
    const invoice = await createDraft(business.id, owner.id, draft({ memo: "=cmd, with comma" }));
    await issueInvoice(business.id, owner.id, invoice.id);
    await recordOfflinePayment(business.id, owner.id, invoice.id, { amount: "100", method: "CHECK", receivedOn: day, reference: "9", submissionKey: "export-key" });
    await createDraft(business.id, owner.id, draft({ number: "INV-1002", lines: [{ description: "Draft line", quantityMilli: 1000, unitAmountCents: 5000, amountCents: 5000 }] }));

    const all = await exportInvoicesCsv(business.id, { q: "", state: "ALL", status: "ALL" });
    const rows = parseCsv(all.csv);
    expect(rows[0]).toEqual(["invoice_number", "customer_email", "customer_name", "state", "status", "issue_date", "due_date", "memo", "description", "quantity", "unit_price", "line_amount", "currency", "total", "paid", "balance"]);
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4], r[7], r[8], r[9], r[10], r[11], r[13], r[14], r[15]])).toEqual([
      ["INV-1001", "ISSUED", "Partly paid", "'=cmd, with comma", "Workshop", "1.5", "200.00", "300.00", "425.00", "100.00", "325.00"],
      ["INV-1001", "ISSUED", "Partly paid", "'=cmd, with comma", "Materials", "1", "125.00", "125.00", "425.00", "100.00", "325.00"],
      ["INV-1002", "DRAFT", "Draft", "", "Draft line", "1", "50.00", "50.00", "50.00", "0.00", "50.00"],
    ]);
    const drafts = await exportInvoicesCsv(business.id, { q: "", state: "DRAFT", status: "ALL" });
    expect(drafts.count).toBe(1);

    const target = await createBusiness();
    const { user } = await createOwner(target.id);
    await createCustomer(target.id, { email: customer.email });
    const imported = await importInvoices(target.id, user.id, all.csv, { issue: false });
    expect(imported).toMatchObject({ ok: true, invoiceCount: 2, lineCount: 3, totalCents: 47500 });
    const copy = await db.invoice.findFirstOrThrow({ where: { businessId: target.id, number: "INV-1001" }, include: { lines: { orderBy: { position: "asc" } } } });
    expect(copy.memo).toBe("=cmd, with comma");
    expect(copy.lines.map((l) => [l.description, l.quantityMilli, l.unitAmountCents, l.amountCents])).toEqual([
      ["Workshop", 1500, 20000, 30000],
      ["Materials", 1000, 12500, 12500],
    ]);
  });
});
