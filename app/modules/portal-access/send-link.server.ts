// Emailing a customer their portal link: from the owner ("your account" email, invoice sent) or on request.
import { logActivity } from "~/modules/activity/activity.server";
import { brandOf } from "~/modules/business/brand";
import { dateInZone, fromDbDate } from "~/modules/dates/calendar";
import { customerWords } from "~/modules/email/customer-words.server";
import { enqueueEmail } from "~/modules/email/outbox.server";
import { earlyPayOffers } from "~/modules/discounts/offers.server";
import { figuresOf, invoiceFiguresInclude, listCustomerInvoices, totalsOf } from "~/modules/invoices/invoices.server";
import { now, today } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { createPortalLink, revokePortalLinks } from "./tokens.server";

type Actor = { actor: "OWNER" | "CUSTOMER"; actorUserId?: string };

export async function emailPortalLink(businessId: string, customerId: string, by: Actor) {
  const customer = await db.customer.findFirst({ where: { id: customerId, businessId, archivedAt: null }, include: { business: true } });
  if (!customer) throw new Response("Not found", { status: 404 });
  const { business } = customer;
  const totals = totalsOf(await listCustomerInvoices(customer.id, today(business.timeZone)));
  const words = customerWords(customer, business);
  return db.$transaction(async (tx) => {
    const link = await createPortalLink(tx, customer.id, business.portalLinkTtlDays);
    const email = await enqueueEmail(tx, {
      template: "portal-link",
      to: customer.email,
      replyTo: business.supportEmail,
      businessId: business.id,
      customerId: customer.id,
      props: {
        locale: words.locale,
        brand: brandOf(business),
        customerName: customer.name,
        portalUrl: link.url,
        expiresText: words.day(dateInZone(link.expiresAt, business.timeZone)),
        owedText: totals.outstandingCents > 0 ? words.money(totals.outstandingCents, business.currency) : null,
      },
    });
    await logActivity(tx, {
      businessId: business.id,
      customerId: customer.id,
      actor: by.actor,
      actorUserId: by.actorUserId,
      type: by.actor === "OWNER" ? "portal.link_sent" : "portal.link_requested",
      summary: by.actor === "OWNER" ? `Portal link emailed to ${customer.email}` : "Asked for a new portal link; one was emailed",
      data: { outboxEmailId: email.id },
    });
    return email;
  });
}

export async function emailInvoice(businessId: string, invoiceId: string, ownerId: string) {
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, businessId, state: "ISSUED" },
    include: { ...invoiceFiguresInclude, customer: { include: { business: true } } },
  });
  if (!invoice) throw new Response("Not found", { status: 404 });
  const { customer } = invoice;
  const { business } = customer;
  const day = today(business.timeZone);
  const figures = figuresOf(invoice, day);
  const offer = (await earlyPayOffers(business.id, [{ id: invoice.id, dueNowCents: figures.dueNowCents }], day))[invoice.id] ?? null;
  const words = customerWords(customer, business);
  return db.$transaction(async (tx) => {
    const link = await createPortalLink(tx, customer.id, business.portalLinkTtlDays);
    const email = await enqueueEmail(tx, {
      template: "invoice-sent",
      to: customer.email,
      replyTo: business.supportEmail,
      businessId: business.id,
      customerId: customer.id,
      props: {
        locale: words.locale,
        brand: brandOf(business),
        customerName: customer.name,
        invoiceNumber: invoice.number,
        amountDueText: words.money(figures.balanceCents, invoice.currency),
        dueDateText: words.day(fromDbDate(invoice.dueDate)),
        portalUrl: link.url,
        earlyPay: words.earlyPay(offer, invoice.currency),
      },
    });
    await tx.invoice.update({ where: { id: invoice.id }, data: { sentAt: invoice.sentAt ?? now() } });
    await logActivity(tx, {
      businessId: business.id,
      customerId: customer.id,
      invoiceId: invoice.id,
      actor: "OWNER",
      actorUserId: ownerId,
      type: "invoice.sent",
      summary: `Invoice ${invoice.number} emailed to ${customer.email} with a portal link`,
      data: { outboxEmailId: email.id },
    });
    return email;
  });
}

export async function revokeCustomerLinks(businessId: string, customerId: string, ownerId: string) {
  const customer = await db.customer.findFirst({ where: { id: customerId, businessId } });
  if (!customer) throw new Response("Not found", { status: 404 });
  await db.$transaction(async (tx) => {
    await revokePortalLinks(tx, customer.id);
    await logActivity(tx, {
      businessId,
      customerId,
      actor: "OWNER",
      actorUserId: ownerId,
      type: "portal.links_revoked",
      summary: "Revoked every portal link and signed the customer out of the portal",
    });
  });
}
