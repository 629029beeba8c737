// The reminder engine. One run: a set-based query finds the invoices that have a tier due and not yet
// sent; guardrails decide per customer; each customer's email is one transaction (reminder, items,
// outbox email, activity), so a run killed at any point loses nothing and sends nothing twice.
import { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/activity/activity.server";
import { brandOf } from "~/modules/business/brand";
import { addDays, dateInZone, fromDbDate, type CalendarDate } from "~/modules/dates/calendar";
import { wordsIn } from "~/modules/email/customer-words.server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/modules/i18n/locales";
import { emailLocale } from "~/modules/i18n/locale.server";
import { enqueueEmail } from "~/modules/email/outbox.server";
import { formatMoney } from "~/modules/money/money";
import { createPortalLink } from "~/modules/portal-access/tokens.server";
import { now as clockNow } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { currentTier, gateCustomer, SKIP_REASONS } from "./decide";
import { fillPlaceholders, type PlaceholderValues } from "./placeholders";
import { cancelExpiredDiscountedPayments, earlyPayOffers } from "~/modules/discounts/offers.server";
import { getGateway } from "~/modules/payments/gateway.server";
import { applyLateFees } from "~/modules/fees/late-fees.server";
import { expireSettlements } from "~/modules/settlements/settlements.server";
import { settlePromises } from "./promises.server";
import { planEligibility } from "~/modules/plans/plans.server";

type Candidate = {
  invoiceId: string;
  number: string;
  customerId: string;
  businessId: string;
  dueDate: Date;
  daysFromDue: number;
  dueNowCents: bigint;
  currency: string;
  lastSentPosition: number | null;
  promiseBroken: boolean;
  invoicePaused: boolean;
  openQuestion: boolean;
  openPromise: boolean;
  inPlan: boolean;
  /** A chargeback or inquiry is open on a payment of this invoice: nothing on it is chased until it closes. */
  underDispute: boolean;
  /** The amount held by open chargebacks (not in dueNowCents). */
  disputedCents: bigint;
};

/**
 * Invoices with money due now whose earliest tier day has come. Balances are computed in SQL the same
 * way computeInvoiceFigures computes dueNowCents (an integration test holds the two together).
 */
export async function findCandidates(at: Date, businessId?: string): Promise<Candidate[]> {
  return db.$queryRaw<Candidate[]>(candidatesSql(at, businessId));
}

/** The candidates query itself, so that a benchmark can time the same scan inside the database alone. */
export function candidatesSql(at: Date, businessId?: string) {
  return Prisma.sql`
    with lines as (select "invoiceId", sum("amountCents") as c from "InvoiceLine" group by 1),
    fees as (select "invoiceId", sum("amountCents") as c from "LateFee" where status = 'APPLIED' group by 1),
    paid as (
      select a."invoiceId", sum(a."amountCents") as c from "PaymentAllocation" a
      join "Payment" p on p.id = a."paymentId" and p.status in ('SUCCEEDED', 'PROCESSING') group by 1),
    disc as (
      select d."invoiceId", sum(d."amountCents") as c from "Discount" d
      join "Payment" p on p.id = d."paymentId" and p.status in ('SUCCEEDED', 'PROCESSING') where d.status = 'GRANTED' group by 1),
    adj as (select "invoiceId", sum("amountCents") as c from "InvoiceAdjustment" group by 1),
    refunded as (
      select ra."invoiceId", sum(ra."amountCents") as c from "RefundAllocation" ra
      join "Refund" r on r.id = ra."refundId" and r.status = 'SUCCEEDED' group by 1),
    open_dispute as (
      select da."invoiceId", sum(case when d.inquiry then 0 else da."amountCents" end) as c from "DisputeAllocation" da
      join "Dispute" d on d.id = da."disputeId" and d.status = 'OPEN' group by 1),
    -- A chargeback lost is owed again; an open one is held (out of paid, but never chased): it adds nothing here.
    lost as (
      select da."invoiceId", sum(da."amountCents") as c from "DisputeAllocation" da
      join "Dispute" d on d.id = da."disputeId" and d.status = 'LOST' and not d.inquiry group by 1),
    sent as (
      select ri."invoiceId", max(t.position) as position, max(r."createdAt") as at
      from "ReminderItem" ri join "ReminderTier" t on t.id = ri."tierId" join "Reminder" r on r.id = ri."reminderId" group by 1),
    first_offset as (select "businessId", min("offsetDays") as o from "ReminderTier" group by 1),
    inv as (
      select i.id, i.number, i."customerId", i."businessId", i."dueDate", i.currency, i."remindersPausedAt",
        (${at}::timestamptz at time zone b."timeZone")::date as today,
        coalesce(lines.c, 0) + coalesce(fees.c, 0) - coalesce(paid.c, 0) + coalesce(refunded.c, 0) + coalesce(lost.c, 0) - coalesce(disc.c, 0) - coalesce(adj.c, 0) as due_now
      from "Invoice" i
      join "Business" b on b.id = i."businessId"
      left join lines on lines."invoiceId" = i.id
      left join fees on fees."invoiceId" = i.id
      left join paid on paid."invoiceId" = i.id
      left join disc on disc."invoiceId" = i.id
      left join adj on adj."invoiceId" = i.id
      left join refunded on refunded."invoiceId" = i.id
      left join lost on lost."invoiceId" = i.id
      where i.state = 'ISSUED' and i."uncollectibleAt" is null and (${businessId ?? null}::text is null or i."businessId" = ${businessId ?? null})
        -- An archived customer is no longer chased (the owner archives a settled or abandoned account).
        and not exists (select 1 from "Customer" cu where cu.id = i."customerId" and cu."archivedAt" is not null))
    select inv.id as "invoiceId", inv.number, inv."customerId", inv."businessId", inv."dueDate", inv.currency,
      (inv.today - inv."dueDate")::int as "daysFromDue",
      inv.due_now as "dueNowCents",
      sent.position as "lastSentPosition",
      exists (select 1 from "PromiseToPay" pr join "PromiseInvoice" pi on pi."promiseId" = pr.id
              where pi."invoiceId" = inv.id and pr.status = 'BROKEN' and (sent.at is null or pr."resolvedAt" > sent.at)) as "promiseBroken",
      inv."remindersPausedAt" is not null as "invoicePaused",
      exists (select 1 from "InvoiceQuestion" q where q."invoiceId" = inv.id and q.status <> 'RESOLVED') as "openQuestion",
      exists (select 1 from "PromiseToPay" pr join "PromiseInvoice" pi on pi."promiseId" = pr.id
              where pi."invoiceId" = inv.id and pr.status = 'OPEN' and pr."promisedFor" >= inv.today) as "openPromise",
      exists (select 1 from "PlanInvoice" pl join "Plan" p on p.id = pl."planId" where pl."invoiceId" = inv.id and p.status = 'ACTIVE') as "inPlan",
      od."invoiceId" is not null as "underDispute",
      coalesce(od.c, 0) as "disputedCents"
    from inv
    join first_offset fo on fo."businessId" = inv."businessId"
    left join sent on sent."invoiceId" = inv.id
    left join open_dispute od on od."invoiceId" = inv.id
    -- An invoice held by a dispute stays in view (the board shows it held) with nothing due now.
    where (inv.due_now > 0 or od."invoiceId" is not null) and (inv.today - inv."dueDate") >= fo.o
    order by inv."customerId", inv."dueDate"`;
}

export type RunResult = { customersEmailed: number; ownerAlerts: number; invoicesReminded: number; skipped: number; promisesSettled: number };

const INVOICE_SKIPS = [
  ["underDispute", "under_dispute", "a payment on it is under dispute with the card holder's bank"],
  ["invoicePaused", "invoice_paused", "reminders are paused for this invoice"],
  ["openQuestion", "open_question", "the customer asked a question that is not resolved"],
  ["openPromise", "promise_pending", "the customer promised to pay by a date that has not passed"],
  ["inPlan", "in_plan", "the invoice is in a current payment plan"],
] as const;

async function recordSkip(tx: Tx | typeof db, c: { invoiceId: string; customerId: string; businessId: string }, tierId: string, reason: string, why: string, tierName: string) {
  const inserted = await tx.$executeRaw`
    insert into "ReminderSkip" ("id", "invoiceId", "tierId", "reason") values (${crypto.randomUUID()}, ${c.invoiceId}, ${tierId}, ${reason})
    on conflict ("invoiceId", "tierId", "reason") do nothing`;
  if (inserted) {
    await logActivity(tx as Tx, { businessId: c.businessId, customerId: c.customerId, invoiceId: c.invoiceId, actor: "SYSTEM", type: "reminder.skipped", summary: `${tierName} held back: ${why}`, data: { reason, tierId } });
  }
}

type Tier = Awaited<ReturnType<typeof db.reminderTier.findMany>>[number];

/** Each business's tiers, by position, for the businesses of these candidates. */
async function loadTiers(candidates: readonly Candidate[]) {
  const businessIds = [...new Set(candidates.map((c) => c.businessId))];
  const tiers = await db.reminderTier.findMany({ where: { businessId: { in: businessIds } }, orderBy: { position: "asc" } });
  const tiersOf = new Map<string, Tier[]>();
  for (const t of tiers) tiersOf.set(t.businessId, [...(tiersOf.get(t.businessId) ?? []), t]);
  return tiersOf;
}

/** The tier an invoice is due for now (null: nothing due) and the reason it is held back, if it is. */
function decideInvoice(c: Candidate, own: readonly Tier[], advance: ReadonlySet<string>) {
  const next = advance.has(c.invoiceId) ? own.find((t) => t.position > (c.lastSentPosition ?? -1)) : undefined;
  const tier = currentTier(own, next ? Math.max(c.daysFromDue, next.offsetDays) : c.daysFromDue, c.lastSentPosition, c.promiseBroken);
  if (!tier) return null;
  return { tier, skip: INVOICE_SKIPS.find(([flag]) => c[flag]) };
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour of the day in a time zone (formatters are costly to create, so one per zone is kept). */
function localHour(at: Date, timeZone: string) {
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { hour: "numeric", hourCycle: "h23", timeZone });
    hourFormats.set(timeZone, format);
  }
  return Number(format.format(at));
}

type GateRow = {
  timeZone: string | null;
  remindersPausedAt: Date | null;
  emailOptOut: boolean;
  handedOverAt: Date | null;
  business: { timeZone: string; reminderMinGapDays: number; quietHoursStart: number; quietHoursEnd: number };
};

function gateOf(customer: GateRow, lastReminderAt: Date | null, at: Date) {
  const { business } = customer;
  return gateCustomer(
    {
      lastReminderAt,
      minGapDays: business.reminderMinGapDays,
      localHour: localHour(at, customer.timeZone ?? business.timeZone),
      quietHoursStart: business.quietHoursStart,
      quietHoursEnd: business.quietHoursEnd,
      paused: customer.remindersPausedAt !== null,
      optedOut: customer.emailOptOut,
      handedOver: customer.handedOverAt !== null,
    },
    at,
  );
}

export type Decisions = {
  /** Invoices with money due whose first tier day has come (what findCandidates returns). */
  candidates: number;
  /** Tiers that would be emailed to customers / alerted to owners in a run now. */
  send: number;
  alert: number;
  /** Held back, by reason (invoice holds and customer gates). */
  held: Record<string, number>;
  /** Candidates whose current tier was already sent. */
  nothingDue: number;
  customers: number;
};

/**
 * What a run now would do with every invoice, writing nothing (benchmarks, previews): the same candidates,
 * the same per-invoice decision and the same customer gate as runReminders, without locks, emails or logs.
 */
export async function decideReminders(options: { businessId?: string; at?: Date } = {}): Promise<Decisions> {
  const at = options.at ?? clockNow();
  const candidates = await findCandidates(at, options.businessId);
  const out: Decisions = { candidates: candidates.length, send: 0, alert: 0, held: {}, nothingDue: 0, customers: 0 };
  const hold = (reason: string, n = 1) => (out.held[reason] = (out.held[reason] ?? 0) + n);
  const tiersOf = await loadTiers(candidates);
  const byCustomer = new Map<string, Tier[]>();
  for (const c of candidates) {
    const decision = decideInvoice(c, tiersOf.get(c.businessId) ?? [], new Set());
    if (!decision) out.nothingDue++;
    else if (decision.skip) hold(decision.skip[1]);
    else byCustomer.set(c.customerId, [...(byCustomer.get(c.customerId) ?? []), decision.tier]);
  }
  out.customers = byCustomer.size;
  const ids = [...byCustomer.keys()];
  // The customer gate's inputs for many customers per query (one query per customer made a 1M-invoice run take minutes).
  for (let from = 0; from < ids.length; from += GATE_BATCH) {
    for (const row of await gateRows(ids.slice(from, from + GATE_BATCH))) {
      const tiers = byCustomer.get(row.id) ?? [];
      const gate = gateOf(row, row.lastReminderAt, at);
      const toOwner = tiers.filter((t) => !t.emailsCustomer).length;
      out.alert += toOwner;
      if (gate.send) out.send += tiers.length - toOwner;
      else hold(gate.reason, tiers.length - toOwner);
    }
  }
  return out;
}

const GATE_BATCH = 5_000;

/** What gateCustomer needs for each of these customers, with the time of their last emailed reminder. */
async function gateRows(customerIds: string[]) {
  const rows = await db.$queryRaw<(Omit<GateRow, "business"> & GateRow["business"] & { id: string; businessTimeZone: string; lastReminderAt: Date | null })[]>`
    select c.id, c."timeZone", c."remindersPausedAt", c."emailOptOut", c."handedOverAt", b."timeZone" as "businessTimeZone", b."reminderMinGapDays",
      b."quietHoursStart", b."quietHoursEnd",
      (select max(r."createdAt") from "Reminder" r where r."customerId" = c.id and r."outboxEmailId" is not null) as "lastReminderAt"
    from "Customer" c join "Business" b on b.id = c."businessId"
    where c.id = any(${customerIds}::text[])`;
  return rows.map((r) => ({
    ...r,
    business: { timeZone: r.businessTimeZone, reminderMinGapDays: r.reminderMinGapDays, quietHoursStart: r.quietHoursStart, quietHoursEnd: r.quietHoursEnd },
  }));
}

/**
 * One run of the reminder sequence. `advance` (the owner's "send the next reminder now" on the tier board)
 * treats the next tier of those invoices as due today; every guardrail still applies (holds, pauses, the
 * minimum gap, quiet hours, one email per customer per run).
 */
export async function runReminders(options: { businessId?: string; at?: Date; advance?: readonly string[] } = {}): Promise<RunResult> {
  const at = options.at ?? clockNow();
  const promisesSettled = await settlePromises(at);
  await applyLateFees(at, options.businessId);
  await expireSettlements(at);
  const gateway = await getGateway();
  await cancelExpiredDiscountedPayments(at, (providerId, paymentId) => gateway.cancelPaymentIntent(providerId, paymentId));
  const advance = new Set(options.advance ?? []);
  // "Send the next reminder now" touches only the chosen invoices; a scheduled run, every due one.
  const candidates = (await findCandidates(at, options.businessId)).filter((c) => !options.advance || advance.has(c.invoiceId));
  const result: RunResult = { customersEmailed: 0, ownerAlerts: 0, invoicesReminded: 0, skipped: 0, promisesSettled };
  if (candidates.length === 0) return result;

  const tiersOf = await loadTiers(candidates);

  const byCustomer = new Map<string, { candidate: Candidate; tier: Tier }[]>();
  for (const c of candidates) {
    const decision = decideInvoice(c, tiersOf.get(c.businessId) ?? [], advance);
    if (!decision) continue;
    const { tier, skip } = decision;
    if (skip) {
      await recordSkip(db, c, tier.id, skip[1], skip[2], tier.name);
      result.skipped++;
      continue;
    }
    const list = byCustomer.get(c.customerId) ?? [];
    list.push({ candidate: c, tier });
    byCustomer.set(c.customerId, list);
  }

  for (const [customerId, items] of byCustomer) {
    const outcome = await remindCustomer(customerId, items, at).catch((error: unknown) => {
      // Another worker reminded the same (invoice, tier) first: the unique key did its job.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "duplicate" as const;
      throw error;
    });
    if (outcome === "emailed") {
      result.customersEmailed++;
      result.invoicesReminded += items.filter((i) => i.tier.emailsCustomer).length;
    }
    if (outcome === "emailed" || outcome === "alerted") result.ownerAlerts += items.some((i) => !i.tier.emailsCustomer) ? 1 : 0;
    if (outcome === "skipped") result.skipped += items.length;
  }
  return result;
}

type Item = { candidate: Candidate; tier: { id: string; position: number; kind: string; name: string; subject: string; body: string; emailsCustomer: boolean; offsetDays: number } };

/**
 * The words of a reminder: the email is in the customer's email language (emailLocale: its fixed parts, money and
 * dates); the owner's text is the tier's text written for that language when there is one, else the tier's own
 * (the business's language), marked as such so that it keeps its own direction (docs/decisions/032-email-languages.md).
 */
export async function reminderText(tx: Tx | typeof db, tier: { id: string; subject: string; body: string }, customer: { language: string | null }, business: { language: string }) {
  const locale = emailLocale(customer, business);
  const own = locale === business.language ? null : await tx.tierText.findUnique({ where: { tierId_language: { tierId: tier.id, language: locale } }, select: { subject: true, body: true } });
  const textLocale: Locale = own ? locale : isLocale(business.language) ? business.language : DEFAULT_LOCALE;
  return { locale, textLocale, text: own ?? { subject: tier.subject, body: tier.body } };
}

async function remindCustomer(customerId: string, items: Item[], at: Date): Promise<"emailed" | "alerted" | "skipped"> {
  return db.$transaction(
    async (tx) => {
      // One reminder run per customer at a time: two workers queue behind this lock, and the second sees the first's reminder.
      await tx.$queryRaw`select id from "Customer" where id = ${customerId} for update`;
      const customer = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, include: { business: { include: { users: true, reminderTiers: true } } } });
      const { business } = customer;
      const last = await tx.reminder.findFirst({ where: { customerId, outboxEmailId: { not: null } }, orderBy: { createdAt: "desc" } });
      const toCustomer = items.filter((i) => i.tier.emailsCustomer);
      const toOwner = items.filter((i) => !i.tier.emailsCustomer);

      const gate = gateOf(customer, last?.createdAt ?? null, at);
      // Collections alerts go to the owner, so the customer's night hours and gap do not hold them back.
      const customerBlocked = !gate.send;
      if (customerBlocked && toOwner.length === 0) {
        for (const i of items) await recordSkip(tx, i.candidate, i.tier.id, gate.reason, SKIP_REASONS[gate.reason] ?? gate.reason, i.tier.name);
        return "skipped";
      }
      const sendable = customerBlocked ? toOwner : items;
      if (customerBlocked) {
        for (const i of toCustomer) await recordSkip(tx, i.candidate, i.tier.id, gate.reason, SKIP_REASONS[gate.reason] ?? gate.reason, i.tier.name);
      }

      const reminder = await tx.reminder.create({ data: { businessId: business.id, customerId, createdAt: at } });
      await tx.reminderItem.createMany({ data: sendable.map((i) => ({ reminderId: reminder.id, invoiceId: i.candidate.invoiceId, tierId: i.tier.id })) });
      const today = dateInZone(at, business.timeZone);
      const collectionsTier = business.reminderTiers.find((t) => t.kind === "COLLECTIONS");

      const customerItems = sendable.filter((i) => i.tier.emailsCustomer);
      if (customerItems.length > 0) {
        const top = customerItems.reduce((a, b) => (b.tier.position > a.tier.position ? b : a));
        const link = await createPortalLink(tx, customerId, business.portalLinkTtlDays);
        const earliest = customerItems.reduce((a, b) => (b.candidate.dueDate < a.candidate.dueDate ? b : a)).candidate;
        const totalDue = customerItems.reduce((s, i) => s + Number(i.candidate.dueNowCents), 0);
        const { locale, textLocale, text } = await reminderText(tx, top.tier, customer, business);
        const words = wordsIn(locale);
        const values: PlaceholderValues = {
          customerName: customer.name,
          businessName: business.name,
          invoiceNumbers: customerItems.map((i) => i.candidate.number).join(", "),
          amount: words.money(totalDue, earliest.currency),
          dueDate: words.email.date(fromDbDate(earliest.dueDate), "medium"),
          daysOverdue: words.email.intl.formatNumber(Math.max(0, earliest.daysFromDue)),
          portalLink: link.url,
          consequence: business.finalNoticeConsequence,
          consequenceDate: words.day(addDays(fromDbDate(earliest.dueDate), collectionsTier?.offsetDays ?? 45) as CalendarDate),
        };
        const offers = await earlyPayOffers(business.id, customerItems.map((i) => ({ id: i.candidate.invoiceId, dueNowCents: Number(i.candidate.dueNowCents) })), today, tx);
        const plans = await planEligibility(customerId, customerItems.map((i) => i.candidate.invoiceId), tx);
        const email = await enqueueEmail(tx, {
          template: "reminder",
          to: customer.email,
          replyTo: business.supportEmail,
          businessId: business.id,
          customerId,
          dedupeKey: `reminder:${reminder.id}`,
          props: {
            locale,
            textLocale,
            brand: brandOf(business),
            tierKind: top.tier.kind,
            subject: fillPlaceholders(text.subject, values),
            body: fillPlaceholders(text.body, values),
            portalUrl: link.url,
            promiseMaxDays: business.promiseMaxDays,
            planOffer: plans.allowed && totalDue >= plans.policy.minBalanceCents ? { min: plans.policy.minInstalments, max: plans.policy.maxInstalments } : null,
            invoices: customerItems.map((i) => ({
              number: i.candidate.number,
              dueDateText: words.email.date(fromDbDate(i.candidate.dueDate), "medium"),
              amountText: words.money(Number(i.candidate.dueNowCents), i.candidate.currency),
              overdueDays: Math.max(0, i.candidate.daysFromDue),
              earlyPay: words.earlyPay(offers[i.candidate.invoiceId], i.candidate.currency),
            })),
          },
        });
        await tx.reminder.update({ where: { id: reminder.id }, data: { outboxEmailId: email.id } });
        for (const i of customerItems) {
          await logActivity(tx, {
            businessId: business.id,
            customerId,
            invoiceId: i.candidate.invoiceId,
            actor: "SYSTEM",
            type: "reminder.sent",
            summary: `${i.tier.name} emailed to ${customer.email} (${today})`,
            data: { reminderId: reminder.id, tierId: i.tier.id, outboxEmailId: email.id },
          });
        }
      }

      const ownerItems = sendable.filter((i) => !i.tier.emailsCustomer);
      if (ownerItems.length > 0) {
        for (const owner of business.users) {
          await enqueueEmail(tx, {
            template: "collections-alert",
            to: owner.email,
            businessId: business.id,
            customerId,
            dedupeKey: `collections:${reminder.id}:${owner.id}`,
            props: {
              brand: brandOf(business),
              customerName: customer.name,
              invoices: ownerItems.map((i) => ({ number: i.candidate.number, amountText: formatMoney(Number(i.candidate.dueNowCents), i.candidate.currency), overdueDays: i.candidate.daysFromDue })),
              customerUrl: `${getEnv().APP_URL}/app/customers/${customerId}`,
            },
          });
        }
        for (const i of ownerItems) {
          await logActivity(tx, {
            businessId: business.id,
            customerId,
            invoiceId: i.candidate.invoiceId,
            actor: "SYSTEM",
            type: "reminder.collections",
            summary: `${i.candidate.number} reached ${i.tier.name}: the owner was alerted; no email to the customer`,
            data: { reminderId: reminder.id, tierId: i.tier.id },
          });
        }
      }
      return customerItems.length > 0 ? "emailed" : "alerted";
    },
    { timeout: 30_000 },
  );
}
