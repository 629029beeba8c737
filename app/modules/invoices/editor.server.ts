// The owner's invoice lifecycle: a draft is edited freely; issuing fixes its lines; voiding needs a reason
// and is refused once money has come in. Every change is logged with the owner as the actor.
import { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/activity/activity.server";
import { formatDate, fromDbDate, toDbDate } from "~/modules/dates/calendar";
import { formatMoney } from "~/modules/money/money";
import { emailInvoice } from "~/modules/portal-access/send-link.server";
import { now, today } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import type { DraftInput } from "./draft-form";
import { figuresOf, invoiceFiguresInclude } from "./invoices.server";

/** A rule of the invoice lifecycle was broken; the message says what to do instead. `field` names the form field. */
export class InvoiceRuleError extends Error {
  constructor(
    message: string,
    readonly field: string = "form",
  ) {
    super(message);
  }
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * The customer, and the currency their invoices are in (theirs, else the business's: decision 033). When the form's
 * amounts were read in another currency (the customer's currency changed meanwhile), nothing is saved.
 */
async function requireCustomer(tx: Tx, businessId: string, customerId: string, readIn?: string) {
  const customer = await tx.customer.findFirst({ where: { id: customerId, businessId }, include: { business: { select: { currency: true } } } });
  if (!customer) throw new InvoiceRuleError("Choose one of your customers.", "customerId");
  if (customer.archivedAt) throw new InvoiceRuleError(`${customer.name} is archived; restore the customer before invoicing them.`, "customerId");
  const currency = customer.currency ?? customer.business.currency;
  if (readIn !== undefined && readIn !== currency) throw new InvoiceRuleError(`${customer.name} is billed in ${currency}, not ${readIn}: check the prices in ${currency} and save again.`, "customerId");
  return { ...customer, currency };
}

/** Locks the invoice row for the rest of the transaction, so two edits, an edit and an issue, or two payments cannot interleave. */
export async function lockInvoice(tx: Tx, businessId: string, invoiceId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    select "id" from "Invoice" where "id" = ${invoiceId} and "businessId" = ${businessId} for update`;
  if (!row) throw new Response("Not found", { status: 404 });
  return tx.invoice.findUniqueOrThrow({ where: { id: row.id }, include: { ...invoiceFiguresInclude, customer: { include: { business: true } } } });
}

const linesCreate = (lines: DraftInput["lines"]) => lines.map((l, index) => ({ position: index + 1, ...l }));

export async function createDraft(businessId: string, ownerId: string, input: DraftInput, readIn?: string) {
  try {
    return await db.$transaction(async (tx) => {
      const customer = await requireCustomer(tx, businessId, input.customerId, readIn);
      const invoice = await tx.invoice.create({
        data: {
          businessId,
          customerId: customer.id,
          number: input.number,
          currency: customer.currency,
          state: "DRAFT",
          issueDate: toDbDate(input.issueDate),
          dueDate: toDbDate(input.dueDate),
          memo: input.memo,
          lines: { create: linesCreate(input.lines) },
        },
      });
      const total = input.lines.reduce((s, l) => s + l.amountCents, 0);
      await logActivity(tx, {
        businessId,
        customerId: customer.id,
        invoiceId: invoice.id,
        actor: "OWNER",
        actorUserId: ownerId,
        type: "invoice.created",
        summary: `Draft invoice ${invoice.number} created for ${formatMoney(total, invoice.currency)} (${input.lines.length} ${input.lines.length === 1 ? "line" : "lines"})`,
      });
      return invoice;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvoiceRuleError(`${input.number} is already used by another invoice; choose another number.`, "number");
    throw error;
  }
}

export async function updateDraft(businessId: string, ownerId: string, invoiceId: string, input: DraftInput, readIn?: string) {
  try {
    return await db.$transaction(async (tx) => {
      const invoice = await lockInvoice(tx, businessId, invoiceId);
      if (invoice.state !== "DRAFT") {
        throw new InvoiceRuleError(
          invoice.state === "VOID"
            ? `${invoice.number} is void and cannot be changed. Create a new invoice instead.`
            : `${invoice.number} has been issued, so its lines and dates can no longer be edited. To correct it, void it and create a new invoice, or give a credit on the customer's page.`,
        );
      }
      const customer = await requireCustomer(tx, businessId, input.customerId, readIn);
      await tx.invoiceLine.deleteMany({ where: { invoiceId: invoice.id } });
      const updated = await tx.invoice.update({
        where: { id: invoice.id },
        data: {
          customerId: customer.id,
          currency: customer.currency,
          number: input.number,
          issueDate: toDbDate(input.issueDate),
          dueDate: toDbDate(input.dueDate),
          memo: input.memo,
          lines: { create: linesCreate(input.lines) },
        },
      });
      const total = input.lines.reduce((s, l) => s + l.amountCents, 0);
      await logActivity(tx, {
        businessId,
        customerId: customer.id,
        invoiceId: invoice.id,
        actor: "OWNER",
        actorUserId: ownerId,
        type: "invoice.edited",
        summary: `Draft invoice ${updated.number} edited: ${formatMoney(total, updated.currency)} (${input.lines.length} ${input.lines.length === 1 ? "line" : "lines"})`,
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvoiceRuleError(`${input.number} is already used by another invoice; choose another number.`, "number");
    throw error;
  }
}

/**
 * Issues a draft (its lines are fixed from then on) and emails it to the customer with a portal link.
 * A second click on "Send" finds it issued and sends nothing more.
 */
export async function issueInvoice(businessId: string, ownerId: string, invoiceId: string) {
  const { invoice: issued, alreadyIssued } = await db.$transaction(async (tx) => {
    const invoice = await lockInvoice(tx, businessId, invoiceId);
    if (invoice.state === "ISSUED") return { invoice, alreadyIssued: true };
    if (invoice.state === "VOID") throw new InvoiceRuleError(`${invoice.number} is void and cannot be sent.`);
    const figures = figuresOf(invoice, today(invoice.customer.business.timeZone));
    if (invoice.lines.length === 0 || figures.totalCents <= 0) throw new InvoiceRuleError(`${invoice.number} asks for nothing yet. Add a line with a price before sending it.`);
    if (invoice.customer.archivedAt) throw new InvoiceRuleError(`${invoice.customer.name} is archived; restore the customer before sending them an invoice.`);
    // The owner asked for payment before new work from this customer (decision 011): what is sent to them is due on receipt.
    if (invoice.customer.depositRequired && invoice.dueDate.getTime() > invoice.issueDate.getTime()) {
      throw new InvoiceRuleError(
        `${invoice.customer.name} must pay a deposit before new work, so ${invoice.number} has to be due on receipt: set its due date to its issue date (${formatDate(fromDbDate(invoice.issueDate))}), or turn off "Deposit required" on their page.`,
      );
    }
    await tx.invoice.update({ where: { id: invoice.id }, data: { state: "ISSUED" } });
    await logActivity(tx, {
      businessId,
      customerId: invoice.customerId,
      invoiceId: invoice.id,
      actor: "OWNER",
      actorUserId: ownerId,
      type: "invoice.issued",
      summary: `Invoice ${invoice.number} issued for ${formatMoney(figures.totalCents, invoice.currency)}; its lines can no longer be edited`,
    });
    return { invoice, alreadyIssued: false };
  });
  if (!alreadyIssued) await emailInvoice(businessId, issued.id, ownerId);
  return { invoice: issued, alreadyIssued };
}

export async function voidInvoice(businessId: string, ownerId: string, invoiceId: string, reason: string) {
  const why = reason.trim();
  if (why.length < 3) throw new InvoiceRuleError("Say why you void the invoice (at least 3 characters).", "reason");
  if (why.length > 500) throw new InvoiceRuleError("Shorten the reason to at most 500 characters.", "reason");
  return db.$transaction(async (tx) => {
    const invoice = await lockInvoice(tx, businessId, invoiceId);
    if (invoice.state === "VOID") throw new InvoiceRuleError(`${invoice.number} is already void.`);
    // A written-off invoice was owed and stays in the books as bad debt; voiding would say it never was.
    if (invoice.uncollectibleAt) throw new InvoiceRuleError(`${invoice.number} is written off as uncollectible, so it stays in your books as bad debt and cannot be voided.`);
    const figures = figuresOf(invoice, today(invoice.customer.business.timeZone));
    const received = figures.paidCents + figures.processingCents;
    if (received > 0) {
      throw new InvoiceRuleError(
        `${formatMoney(received, invoice.currency)} has been received on ${invoice.number}, so it cannot be voided: the payment would be left without an invoice. ` +
          "Refund the payment first, or to forgive what is left, write it off or offer a settlement on the customer's page.",
      );
    }
    const pending = await tx.paymentAllocation.count({ where: { invoiceId: invoice.id, payment: { status: "PENDING", createdAt: { gt: new Date(now().getTime() - 24 * 3600_000) } } } });
    if (pending > 0) throw new InvoiceRuleError(`The customer is paying ${invoice.number} right now. Try again in a few minutes.`);
    const plan = await tx.planInvoice.findFirst({ where: { invoiceId: invoice.id, plan: { status: { in: ["PENDING", "ACTIVE"] } } } });
    if (plan) throw new InvoiceRuleError(`${invoice.number} is in a payment plan. Cancel the plan on its page before voiding the invoice.`);
    const updated = await tx.invoice.update({ where: { id: invoice.id }, data: { state: "VOID", voidedAt: now(), voidReason: why } });
    await logActivity(tx, {
      businessId,
      customerId: invoice.customerId,
      invoiceId: invoice.id,
      actor: "OWNER",
      actorUserId: ownerId,
      type: "invoice.voided",
      summary: `Invoice ${invoice.number} voided: ${why}`,
    });
    return updated;
  });
}
