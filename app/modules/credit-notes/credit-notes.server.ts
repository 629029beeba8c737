// Credit notes and write-offs (issue 18). A credit note is a numbered document (CN-0001, per business, never
// reused) whose CREDIT adjustment takes money off an invoice; the customer is emailed a link to its PDF. A
// write-off marks what is left of an invoice uncollectible: a WRITE_OFF adjustment of exactly the balance,
// reminders and fees stop, Money counts it as bad debt, and the customer is not told. Both are decided under
// the invoice's row lock, so two at once never take off more than is owed.
import { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/activity/activity.server";
import { brandOf } from "~/modules/business/brand";
import { dateInZone } from "~/modules/dates/calendar";
import { customerWords } from "~/modules/email/customer-words.server";
import { enqueueEmail } from "~/modules/email/outbox.server";
import { lockInvoice } from "~/modules/invoices/editor.server";
import { figuresOf, invoiceFiguresInclude } from "~/modules/invoices/invoices.server";
import { formatMoney } from "~/modules/money/money";
import { completePlansPaidEarly } from "~/modules/plans/plans.server";
import { createPortalLink } from "~/modules/portal-access/tokens.server";
import { now, today } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { fieldErrorsOf } from "~/utils/forms";
import { ConcessionError, creditLimitMessage, creditNoteFormSchema, creditNoteNumber, isRequestKey, writeOffFormSchema, writeOffRefusal, type CreditNoteInput } from "./credit-notes";

type Actor = { id: string; name: string };

export type CreditNoteResult =
  | { ok: true; creditNoteId: string; number: string; amountCents: number; duplicate: boolean }
  | { ok: false; fieldErrors: Record<string, string[]> };

export type WriteOffResult = { ok: true; amountCents: number } | { ok: false; fieldErrors: Record<string, string[]> };

// Issues of one invoice queue on its row lock, and numbers of one business on its row: many at once wait their turn.
const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;

/** The credit note a form's one-time key already made, if that form was for this invoice of this business. */
async function madeBy(client: Tx | typeof db, businessId: string, invoiceId: string, requestKey: string): Promise<CreditNoteResult | null> {
  const note = await client.creditNote.findUnique({ where: { requestKey } });
  if (!note) return null;
  if (note.businessId !== businessId || note.invoiceId !== invoiceId) return { ok: false, fieldErrors: { form: ["This form was already sent for another invoice. Reload the page and send it again."] } };
  return { ok: true, creditNoteId: note.id, number: note.number, amountCents: note.amountCents, duplicate: true };
}

/** The owner issues a credit note against an issued invoice: at most what is still owed on it. */
export async function issueCreditNote(businessId: string, actor: Actor, invoiceId: string, values: Record<string, string>): Promise<CreditNoteResult> {
  // A resubmitted form answers with the note it made, before the (now lower) balance could refuse its amount.
  if (isRequestKey(values.requestKey)) {
    const earlier = await madeBy(db, businessId, invoiceId, values.requestKey);
    if (earlier) return earlier;
  }
  const invoice = await db.invoice.findFirst({ where: { id: invoiceId, businessId }, include: { ...invoiceFiguresInclude, business: true } });
  if (!invoice) throw new Response("Not found", { status: 404 });
  const refusal = issuable(invoice);
  if (refusal) return { ok: false, fieldErrors: { form: [refusal] } };
  const parsed = creditNoteFormSchema(invoice.currency, figuresOf(invoice, today(invoice.business.timeZone))).safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error.issues) };
  try {
    return await db.$transaction((tx) => recordCreditNote(tx, businessId, actor, invoiceId, parsed.data), TX_OPTIONS);
  } catch (error) {
    if (error instanceof ConcessionError) return { ok: false, fieldErrors: { [error.field]: [error.message] } };
    // The same key sent twice at once to two invoices: the first one made the note.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await madeBy(db, businessId, invoiceId, parsed.data.requestKey);
      if (winner) return winner;
    }
    throw error;
  }
}

function issuable(invoice: { number: string; state: string; uncollectibleAt: Date | null }): string | null {
  if (invoice.state === "DRAFT") return `${invoice.number} is a draft. Edit its lines instead of crediting it, or send it first.`;
  if (invoice.state === "VOID") return `${invoice.number} is void: nothing is owed on it to credit.`;
  if (invoice.uncollectibleAt) return `${invoice.number} is written off: nothing is owed on it to credit.`;
  return null;
}

async function recordCreditNote(tx: Tx, businessId: string, actor: Actor, invoiceId: string, input: CreditNoteInput): Promise<CreditNoteResult> {
  const invoice = await lockInvoice(tx, businessId, invoiceId);
  // Sent twice at once: the second waited for the lock and finds what the first made.
  const again = await madeBy(tx, businessId, invoiceId, input.requestKey);
  if (again) return again;
  const refusal = issuable(invoice);
  if (refusal) throw new ConcessionError("form", refusal);
  const { business } = invoice.customer;
  const before = figuresOf(invoice, today(business.timeZone));
  if (input.amountCents > before.dueNowCents) throw new ConcessionError("amount", creditLimitMessage(before, invoice.currency));

  const [numbered] = await tx.$queryRaw<{ seq: number }[]>`
    update "Business" set "creditNoteSeq" = "creditNoteSeq" + 1 where id = ${businessId} returning "creditNoteSeq" as seq`;
  const number = creditNoteNumber(Number(numbered!.seq));
  const at = now();
  const adjustment = await tx.invoiceAdjustment.create({
    data: { invoiceId: invoice.id, kind: "CREDIT", amountCents: input.amountCents, reason: `Credit note ${number}: ${input.reason}`, approvedById: actor.id, createdAt: at },
  });
  const note = await tx.creditNote.create({
    data: { businessId, invoiceId: invoice.id, number, currency: invoice.currency, amountCents: input.amountCents, reason: input.reason, adjustmentId: adjustment.id, createdById: actor.id, requestKey: input.requestKey, createdAt: at },
  });
  const balanceAfterCents = before.balanceCents - input.amountCents;
  const money = (c: number) => formatMoney(c, invoice.currency);
  await logActivity(tx, {
    businessId,
    customerId: invoice.customerId,
    invoiceId: invoice.id,
    actor: "OWNER",
    actorUserId: actor.id,
    type: "credit_note.issued",
    summary: `${actor.name} issued credit note ${number} for ${money(input.amountCents)} on ${invoice.number}: ${input.reason}. Balance now ${money(balanceAfterCents)}`,
    // The document shows the balance the credit left; later payments do not rewrite it.
    data: { creditNoteId: note.id, number, amountCents: input.amountCents, balanceBeforeCents: before.balanceCents, balanceAfterCents },
  });

  // An offer to settle for as much as is now owed (or more) would no longer be a saving: it is withdrawn.
  const dueNowAfter = before.dueNowCents - input.amountCents;
  const stale = await tx.settlementOffer.updateMany({ where: { invoiceId: invoice.id, status: "OPEN", amountCents: { gte: dueNowAfter } }, data: { status: "WITHDRAWN", resolvedAt: at } });
  if (stale.count > 0) {
    await logActivity(tx, { businessId, customerId: invoice.customerId, invoiceId: invoice.id, actor: "SYSTEM", type: "settlement.withdrawn", summary: `The settlement offer on ${invoice.number} was withdrawn: after credit note ${number} it asked for as much as is owed` });
  }
  await completePlansPaidEarly(tx, [invoice.id]);

  const customer = invoice.customer;
  const link = await createPortalLink(tx, customer.id, business.portalLinkTtlDays);
  const words = customerWords(customer, business);
  await enqueueEmail(tx, {
    template: "credit-note",
    to: customer.email,
    replyTo: business.supportEmail,
    businessId,
    customerId: customer.id,
    dedupeKey: `credit-note:${note.id}`,
    props: {
      locale: words.locale,
      brand: brandOf(business),
      customerName: customer.name,
      creditNoteNumber: number,
      invoiceNumber: invoice.number,
      amountText: words.money(input.amountCents, invoice.currency),
      reason: input.reason,
      dateText: words.day(dateInZone(at, business.timeZone)),
      balanceText: words.money(balanceAfterCents, invoice.currency),
      pdfUrl: creditNotePortalPdfUrl(note.id),
      portalUrl: link.url,
    },
  });
  return { ok: true, creditNoteId: note.id, number, amountCents: input.amountCents, duplicate: false };
}

export const creditNotePortalPdfUrl = (creditNoteId: string) => `${getEnv().APP_URL}/portal/credit-notes/${creditNoteId}.pdf`;

/**
 * The owner writes off what is left of an issued invoice as uncollectible: a WRITE_OFF adjustment of exactly the
 * balance, under the invoice's lock. Reminders and late fees skip it from then on; the customer is not emailed.
 */
export async function writeOffInvoice(businessId: string, actor: Actor, invoiceId: string, values: Record<string, string>): Promise<WriteOffResult> {
  const parsed = writeOffFormSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error.issues) };
  const { reason } = parsed.data;
  try {
    return await db.$transaction(async (tx) => {
      const invoice = await lockInvoice(tx, businessId, invoiceId);
      const figures = figuresOf(invoice, today(invoice.customer.business.timeZone));
      const inPlan = (await tx.planInvoice.count({ where: { invoiceId: invoice.id, plan: { status: { in: ["PENDING", "ACTIVE"] } } } })) > 0;
      const refusal = writeOffRefusal({ ...figures, number: invoice.number, state: invoice.state, uncollectible: invoice.uncollectibleAt !== null, inPlan, currency: invoice.currency });
      if (refusal) throw new ConcessionError("form", refusal);
      const paying = await tx.paymentAllocation.count({ where: { invoiceId: invoice.id, payment: { status: "PENDING", createdAt: { gt: new Date(now().getTime() - 24 * 3600_000) } } } });
      if (paying > 0) throw new ConcessionError("form", `The customer is paying ${invoice.number} right now. Try again in a few minutes.`);
      const at = now();
      const amountCents = figures.balanceCents;
      await tx.invoiceAdjustment.create({ data: { invoiceId: invoice.id, kind: "WRITE_OFF", amountCents, reason, approvedById: actor.id, createdAt: at } });
      await tx.invoice.update({ where: { id: invoice.id }, data: { uncollectibleAt: at, uncollectibleReason: reason, uncollectibleById: actor.id } });
      // Nothing is owed any more, so no offer to settle for less can stand.
      await tx.settlementOffer.updateMany({ where: { invoiceId: invoice.id, status: "OPEN" }, data: { status: "WITHDRAWN", resolvedAt: at } });
      await logActivity(tx, {
        businessId,
        customerId: invoice.customerId,
        invoiceId: invoice.id,
        actor: "OWNER",
        actorUserId: actor.id,
        type: "invoice.written_off",
        summary: `${actor.name} wrote off ${formatMoney(amountCents, invoice.currency)} of ${invoice.number} as uncollectible: ${reason}. Reminders and late fees stop`,
        data: { amountCents },
      });
      return { ok: true as const, amountCents };
    }, TX_OPTIONS);
  } catch (error) {
    if (error instanceof ConcessionError) return { ok: false, fieldErrors: { [error.field]: [error.message] } };
    throw error;
  }
}

/** An invoice's credit notes, oldest first, for the owner (by business) or the customer (by customer). */
export async function creditNotesOf(invoiceId: string, owner: { businessId: string } | { customerId: string }) {
  return db.creditNote.findMany({
    where: { invoiceId, ...("businessId" in owner ? { businessId: owner.businessId } : { invoice: { customerId: owner.customerId } }) },
    orderBy: { createdAt: "asc" },
    select: { id: true, number: true, amountCents: true, currency: true, reason: true, createdAt: true, adjustmentId: true },
  });
}

/** Who wrote the invoice off, for the owner's page. */
export async function writtenOffBy(invoice: { uncollectibleById: string | null; businessId: string }) {
  if (!invoice.uncollectibleById) return null;
  return (await db.user.findFirst({ where: { id: invoice.uncollectibleById, businessId: invoice.businessId }, select: { name: true } }))?.name ?? null;
}
