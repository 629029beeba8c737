import { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/activity/activity.server";
import type { CalendarDate } from "~/modules/dates/calendar";
import { groupByCurrency, listCustomerInvoices, type InvoiceSummary } from "~/modules/invoices/invoices.server";
import { listCustomerPayments } from "~/modules/payments/history.server";
import { sumByCurrency } from "~/modules/money/money";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { CALL_OUTCOMES, type CallNoteInput, type CustomerInput } from "./customer-form";

export function listCustomers(businessId: string) {
  return db.customer.findMany({
    where: { businessId, archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, companyName: true, email: true, currency: true },
  });
}

/**
 * Each customer's balance and overdue amount, from the invoices' computed figures, one entry per currency their
 * invoices are in (never added across currencies); `balanceCents`/`overdueCents` are the first currency's
 * (the customer's own, else the business's), kept for sorting.
 */
export function listCustomerBalances<C extends { id: string; currency?: string | null }>(customers: readonly C[], invoices: readonly InvoiceSummary[], businessCurrency: string) {
  return customers.map((c) => {
    const own = invoices.filter((i) => i.customer.id === c.id);
    const balances = groupByCurrency(own, c.currency ?? businessCurrency)
      .map(([currency, list]) => ({
        currency,
        balanceCents: list.reduce((s, i) => s + i.figures.balanceCents, 0),
        overdueCents: list.filter((i) => i.figures.status === "OVERDUE").reduce((s, i) => s + i.figures.dueNowCents, 0),
      }))
      .filter((b, index) => index === 0 || b.balanceCents !== 0 || b.overdueCents !== 0);
    return { ...c, balanceCents: balances[0]!.balanceCents, overdueCents: balances[0]!.overdueCents, balances };
  });
}

/** Everything the owner's customer page shows; null when the customer is not this business's. */
export async function getCustomerOverview(businessId: string, customerId: string, day: CalendarDate) {
  const customer = await db.customer.findFirst({ where: { id: customerId, businessId } });
  if (!customer) return null;
  const [invoices, payments, activity, activeLinks, fees, settlements] = await Promise.all([
    listCustomerInvoices(customer.id, day),
    listCustomerPayments(customer.id, 50),
    db.activityEvent.findMany({ where: { customerId: customer.id, businessId }, orderBy: { id: "desc" }, take: 50 }),
    db.portalAccessToken.count({ where: { customerId: customer.id, revokedAt: null, expiresAt: { gt: now() } } }),
    db.lateFee.findMany({ where: { invoice: { customerId: customer.id } }, include: { invoice: { select: { number: true, currency: true } } }, orderBy: { createdAt: "asc" } }),
    db.settlementOffer.findMany({ where: { invoice: { customerId: customer.id }, status: { in: ["OPEN", "ACCEPTED"] } }, orderBy: { createdAt: "desc" } }),
  ]);
  const actorIds = [...new Set(activity.map((a) => a.actorUserId).filter((id): id is string => id !== null))];
  const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds }, businessId }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return {
    customer,
    invoices,
    payments,
    activeLinks,
    settlements: Object.fromEntries(settlements.map((o) => [o.invoiceId, { status: o.status, amountCents: o.amountCents, expiresOn: o.expiresOn.toISOString().slice(0, 10) }])),
    fees: fees.map((f) => ({ id: f.id, invoiceNumber: f.invoice.number, currency: f.invoice.currency, amountCents: f.amountCents, description: f.description, status: f.status, waiveReason: f.waiveReason })),
    activity: activity.map((a) => ({
      id: a.id.toString(),
      type: a.type,
      summary: a.summary,
      actor: a.actor,
      actorName: a.actorUserId ? (actors.get(a.actorUserId) ?? null) : null,
      occurredAt: a.occurredAt,
      callNote: a.type === CALL_NOTE_TYPE ? callNoteOf(a.data) : null,
    })),
  };
}

/**
 * The owner's switches on who may set up a plan online: "plans not allowed" for this customer, and
 * "risky payer" (refused plans while the plan rules exclude risky payers). Logged with the owner.
 */
export async function setPlanAccess(businessId: string, ownerId: string, customerId: string, input: { plansAllowed: boolean; risky: boolean; depositRequired?: boolean }) {
  await db.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({ where: { id: customerId, businessId } });
    if (!customer) throw new Response("Not found", { status: 404 });
    const wasRisky = customer.markedRiskyAt !== null;
    const depositRequired = input.depositRequired ?? customer.depositRequired;
    await tx.customer.update({
      where: { id: customer.id },
      data: { plansAllowed: input.plansAllowed, depositRequired, markedRiskyAt: input.risky ? (customer.markedRiskyAt ?? now()) : null },
    });
    if (customer.depositRequired !== depositRequired) {
      const summary = depositRequired ? "Deposit required before new work" : "Deposit no longer required";
      await logActivity(tx, { businessId, customerId: customer.id, actor: "OWNER", actorUserId: ownerId, type: "customer.deposit_required", summary, data: { depositRequired } });
    }
    const changes: string[] = [];
    if (customer.plansAllowed !== input.plansAllowed) changes.push(input.plansAllowed ? "plans allowed again" : "plans not allowed");
    if (wasRisky !== input.risky) changes.push(input.risky ? "marked as a risky payer" : "no longer marked as a risky payer");
    if (changes.length === 0) return;
    await logActivity(tx, { businessId, customerId: customer.id, actor: "OWNER", actorUserId: ownerId, type: "customer.plan_access", summary: `Payment plans: ${changes.join("; ")}` });
  });
}

/**
 * Whether an invoice, or the invoice a late fee is on, is this customer's (and the business's): a customer page's
 * actions act only on the invoices that page shows.
 */
export async function customerHasInvoice(businessId: string, customerId: string, ref: { invoiceId: string } | { feeId: string }): Promise<boolean> {
  if ("invoiceId" in ref) return (await db.invoice.count({ where: { id: ref.invoiceId, businessId, customerId } })) === 1;
  return (await db.lateFee.count({ where: { id: ref.feeId, invoice: { businessId, customerId } } })) === 1;
}

/** One of the business's customers, or null. */
export function getCustomer(businessId: string, customerId: string) {
  return db.customer.findFirst({ where: { id: customerId, businessId } });
}

export type ArchivedFilter = "active" | "archived" | "all";

/** The business's customers matching a search on name, company or email; archived ones only when asked. */
export function searchCustomers(businessId: string, options: { query?: string; archived?: ArchivedFilter } = {}) {
  const q = options.query?.trim();
  const archived = options.archived ?? "active";
  return db.customer.findMany({
    where: {
      businessId,
      ...(archived === "all" ? {} : { archivedAt: archived === "archived" ? { not: null } : null }),
      ...(q
        ? {
            OR: [
              { name: { contains: q, mode: "insensitive" } },
              { companyName: { contains: q, mode: "insensitive" } },
              { email: { contains: q, mode: "insensitive" } },
            ],
          }
        : {}),
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, companyName: true, email: true, archivedAt: true, currency: true },
  });
}

export type CustomerSaveResult = { ok: true; customerId: string } | { ok: false; fieldErrors: Record<string, string[]> };

const DUPLICATE_EMAIL = "Another customer already uses this email address. Open that customer instead, or use a different address.";

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function emailTaken(businessId: string, email: string, exceptId?: string) {
  const other = await db.customer.findFirst({ where: { businessId, email: { equals: email, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  return other !== null;
}

/** Adds a customer; an email another of the business's customers has (in any case) is a field error. */
export async function createCustomer(businessId: string, ownerId: string, input: CustomerInput): Promise<CustomerSaveResult> {
  if (await emailTaken(businessId, input.email)) return { ok: false, fieldErrors: { email: [DUPLICATE_EMAIL] } };
  try {
    const customer = await db.$transaction(async (tx) => {
      const created = await tx.customer.create({ data: { businessId, ...input } });
      await logActivity(tx, { businessId, customerId: created.id, actor: "OWNER", actorUserId: ownerId, type: "customer.created", summary: `Customer added: ${created.name} <${created.email}>` });
      return created;
    });
    return { ok: true, customerId: customer.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { email: [DUPLICATE_EMAIL] } };
    throw error;
  }
}

const FIELD_LABELS: Record<keyof CustomerInput, string> = {
  name: "name",
  companyName: "company",
  email: "email",
  phone: "phone",
  timeZone: "time zone",
  emailOptOut: "email opt-out",
  currency: "currency",
  language: "language",
};

/** Saves the owner's edits and logs which fields changed; a customer of another business is a 404. */
export async function updateCustomer(businessId: string, ownerId: string, customerId: string, input: CustomerInput, day: CalendarDate): Promise<CustomerSaveResult> {
  const customer = await db.customer.findFirst({ where: { id: customerId, businessId }, include: { business: { select: { currency: true } } } });
  if (!customer) throw new Response("Not found", { status: 404 });
  if (await emailTaken(businessId, input.email, customer.id)) return { ok: false, fieldErrors: { email: [DUPLICATE_EMAIL] } };
  const changed = (Object.keys(FIELD_LABELS) as (keyof CustomerInput)[]).filter((key) => customer[key] !== input[key]);
  if (changed.length === 0) return { ok: true, customerId: customer.id };
  if (changed.includes("currency")) {
    const refusal = await currencyChangeRefusal(customer, input.currency, day);
    if (refusal) return { ok: false, fieldErrors: { currency: [refusal] } };
  }
  try {
    await db.$transaction(async (tx) => {
      await tx.customer.update({ where: { id: customer.id }, data: input });
      const was = (key: "currency" | "language", value: string | null) => value ?? (key === "currency" ? `${customer.business.currency} (the business's)` : "the business's");
      const details = (["currency", "language"] as const).filter((key) => changed.includes(key)).map((key) => `${FIELD_LABELS[key]} ${was(key, customer[key])} → ${was(key, input[key])}`);
      await logActivity(tx, {
        businessId,
        customerId: customer.id,
        actor: "OWNER",
        actorUserId: ownerId,
        type: "customer.updated",
        summary: `Details changed: ${changed.map((key) => FIELD_LABELS[key]).join(", ")}${details.length > 0 ? ` (${details.join("; ")})` : ""}`,
        data: { changed, ...(changed.includes("currency") ? { currency: { from: customer.currency, to: input.currency } } : {}), ...(changed.includes("language") ? { language: { from: customer.language, to: input.language } } : {}) },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { email: [DUPLICATE_EMAIL] } };
    throw error;
  }
  return { ok: true, customerId: customer.id };
}

/**
 * Why a customer's currency cannot change now, or null: a draft, or an issued invoice with money still owed, in the
 * currency they are billed in today would be left in a currency the customer is no longer billed in (decision 033).
 */
async function currencyChangeRefusal(customer: { id: string; currency: string | null; business: { currency: string } }, next: string | null, day: CalendarDate): Promise<string | null> {
  const from = customer.currency ?? customer.business.currency;
  const to = next ?? customer.business.currency;
  if (from === to) return null;
  const drafts = await db.invoice.findMany({ where: { customerId: customer.id, state: "DRAFT", currency: from }, select: { number: true } });
  const owed = (await listCustomerInvoices(customer.id, day)).filter((i) => i.currency === from && i.figures.balanceCents > 0);
  const open = [...owed.map((i) => i.number), ...drafts.map((d) => d.number)];
  if (open.length === 0) return null;
  const list = open.slice(0, 5).join(", ") + (open.length > 5 ? ` and ${open.length - 5} more` : "");
  return `This customer still has ${open.length === 1 ? "an open invoice" : `${open.length} open invoices`} in ${from} (${list}). Collect, void or write ${open.length === 1 ? "it" : "them"} off first, or keep ${from}: nothing is converted between currencies.`;
}

/**
 * Archives or restores a customer. Archiving is allowed with money still owed (the owner may have given up
 * on it, or settled it elsewhere); the answer says how much is still open so the page can warn.
 */
export async function setCustomerArchived(businessId: string, ownerId: string, customerId: string, archived: boolean, day: CalendarDate) {
  const customer = await db.customer.findFirst({ where: { id: customerId, businessId } });
  if (!customer) throw new Response("Not found", { status: 404 });
  const open = (await listCustomerInvoices(customer.id, day)).filter((i) => i.figures.balanceCents > 0);
  const openBalances = sumByCurrency(open.map((i) => ({ currency: i.currency, cents: i.figures.balanceCents })));
  if ((customer.archivedAt !== null) !== archived) {
    await db.$transaction(async (tx) => {
      await tx.customer.update({ where: { id: customer.id }, data: { archivedAt: archived ? now() : null } });
      const summary = archived
        ? `Customer archived${open.length > 0 ? ` with ${open.length} open ${open.length === 1 ? "invoice" : "invoices"}` : ""}`
        : "Customer restored from the archive";
      await logActivity(tx, { businessId, customerId: customer.id, actor: "OWNER", actorUserId: ownerId, type: archived ? "customer.archived" : "customer.unarchived", summary, data: { openInvoices: open.length, openBalances } });
    });
  }
  return { openInvoices: open.length, openBalances };
}

export const CALL_NOTE_TYPE = "note.call";

function callNoteOf(data: Prisma.JsonValue) {
  const value = data && typeof data === "object" && !Array.isArray(data) ? data : {};
  const body = typeof value.body === "string" ? value.body : "";
  const outcome = typeof value.outcome === "string" && value.outcome in CALL_OUTCOMES ? CALL_OUTCOMES[value.outcome as keyof typeof CALL_OUTCOMES] : null;
  return { body, outcome };
}

/** The owner's note after a phone call, kept in the customer's activity log with who wrote it. */
export async function addCallNote(businessId: string, ownerId: string, customerId: string, input: CallNoteInput) {
  const customer = await db.customer.findFirst({ where: { id: customerId, businessId }, select: { id: true } });
  if (!customer) throw new Response("Not found", { status: 404 });
  const outcome = input.outcome ? CALL_OUTCOMES[input.outcome] : null;
  const firstLine = input.body.split("\n")[0] ?? "";
  const excerpt = firstLine.length > 120 ? `${firstLine.slice(0, 119)}…` : firstLine;
  await db.$transaction((tx) =>
    logActivity(tx, {
      businessId,
      customerId: customer.id,
      actor: "OWNER",
      actorUserId: ownerId,
      type: CALL_NOTE_TYPE,
      summary: `Call${outcome ? ` (${outcome.toLowerCase()})` : ""}: ${excerpt}`,
      data: { body: input.body, outcome: input.outcome },
    }),
  );
}
