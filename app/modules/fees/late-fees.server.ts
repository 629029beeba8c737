import { logActivity } from "~/modules/activity/activity.server";
import { formatMoney } from "~/modules/money/money";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { forCurrency, lateFeeDue } from "./late-fees";

type FeeCandidate = {
  invoiceId: string;
  number: string;
  customerId: string;
  businessId: string;
  currency: string;
  businessCurrency: string;
  daysFromDue: number;
  principalCents: bigint;
  overduePrincipalCents: bigint;
  appliedFeesCents: bigint;
  processing: boolean;
  inPlan: boolean;
};

/** Applies the fees due now, for businesses that turned late fees on. Each (invoice, tier) fee exists once. */
export async function applyLateFees(at: Date, businessId?: string) {
  const candidates = await db.$queryRaw<FeeCandidate[]>`
    with lines as (select "invoiceId", sum("amountCents") as c from "InvoiceLine" group by 1),
    fees as (select "invoiceId", sum("amountCents") as c from "LateFee" where status = 'APPLIED' group by 1),
    paid as (select a."invoiceId", sum(a."amountCents") as c from "PaymentAllocation" a join "Payment" p on p.id = a."paymentId" and p.status = 'SUCCEEDED' group by 1),
    adj as (select "invoiceId", sum("amountCents") as c from "InvoiceAdjustment" group by 1),
    refunded as (select ra."invoiceId", sum(ra."amountCents") as c from "RefundAllocation" ra join "Refund" r on r.id = ra."refundId" and r.status = 'SUCCEEDED' group by 1),
    -- A chargeback lost is owed again (and can be charged a fee); an open one is never chased, so never charged.
    lost as (select da."invoiceId", sum(da."amountCents") as c from "DisputeAllocation" da join "Dispute" d on d.id = da."disputeId" and d.status = 'LOST' and not d.inquiry group by 1)
    select i.id as "invoiceId", i.number, i."customerId", i."businessId", i.currency, b.currency as "businessCurrency",
      ((${at}::timestamptz at time zone b."timeZone")::date - i."dueDate")::int as "daysFromDue",
      coalesce(lines.c, 0) as "principalCents", coalesce(fees.c, 0) as "appliedFeesCents",
      greatest(coalesce(lines.c, 0) - coalesce(paid.c, 0) + coalesce(refunded.c, 0) + coalesce(lost.c, 0) - coalesce(adj.c, 0), 0) as "overduePrincipalCents",
      exists (select 1 from "PaymentAllocation" a join "Payment" p on p.id = a."paymentId" where a."invoiceId" = i.id and p.status = 'PROCESSING') as processing,
      exists (select 1 from "PlanInvoice" pl join "Plan" p on p.id = pl."planId" where pl."invoiceId" = i.id and p.status = 'ACTIVE') as "inPlan"
    from "Invoice" i
    join "Business" b on b.id = i."businessId"
    join "LateFeePolicy" lp on lp."businessId" = b.id and lp.enabled
    left join lines on lines."invoiceId" = i.id
    left join fees on fees."invoiceId" = i.id
    left join paid on paid."invoiceId" = i.id
    left join adj on adj."invoiceId" = i.id
    left join refunded on refunded."invoiceId" = i.id
    left join lost on lost."invoiceId" = i.id
    where i.state = 'ISSUED' and i."uncollectibleAt" is null and (${businessId ?? null}::text is null or i."businessId" = ${businessId ?? null})
      and i."dueDate" < (${at}::timestamptz at time zone b."timeZone")::date
      and coalesce(lines.c, 0) + coalesce(fees.c, 0) - coalesce(paid.c, 0) + coalesce(refunded.c, 0) + coalesce(lost.c, 0) - coalesce(adj.c, 0) > 0`;
  if (candidates.length === 0) return 0;
  const businessIds = [...new Set(candidates.map((c) => c.businessId))];
  const [policies, tiers, charged] = await Promise.all([
    db.lateFeePolicy.findMany({ where: { businessId: { in: businessIds } } }),
    db.reminderTier.findMany({ where: { businessId: { in: businessIds }, OR: [{ lateFeeFixedCents: { gt: 0 } }, { lateFeeBps: { gt: 0 } }] }, orderBy: { position: "asc" } }),
    db.lateFee.findMany({ where: { invoiceId: { in: candidates.map((c) => c.invoiceId) } }, select: { invoiceId: true, tierId: true } }),
  ]);
  let applied = 0;
  for (const c of candidates) {
    const policy = policies.find((p) => p.businessId === c.businessId);
    if (!policy) continue;
    let feesSoFar = Number(c.appliedFeesCents);
    for (const tier of tiers.filter((t) => t.businessId === c.businessId)) {
      const rule = forCurrency(policy, { fixedCents: tier.lateFeeFixedCents, bps: tier.lateFeeBps, offsetDays: tier.offsetDays }, c.currency, c.businessCurrency);
      const amount = lateFeeDue(rule.policy, rule.tier, {
        principalCents: Number(c.principalCents),
        overduePrincipalCents: Number(c.overduePrincipalCents),
        appliedFeesCents: feesSoFar,
        daysFromDue: c.daysFromDue,
        processing: c.processing,
        inPlan: c.inPlan,
        alreadyChargedForTier: charged.some((f) => f.invoiceId === c.invoiceId && f.tierId === tier.id),
      });
      if (!amount) continue;
      const description = `Late fee: ${tier.name} stage, ${c.daysFromDue} days after the due date`;
      const created = await db.$transaction(async (tx) => {
        const inserted = await tx.$executeRaw`
          insert into "LateFee" ("id", "invoiceId", "tierId", "amountCents", "description", "createdAt")
          values (${crypto.randomUUID()}, ${c.invoiceId}, ${tier.id}, ${amount}, ${description}, ${now()})
          on conflict ("invoiceId", "tierId") do nothing`;
        if (inserted) {
          await logActivity(tx, { businessId: c.businessId, customerId: c.customerId, invoiceId: c.invoiceId, actor: "SYSTEM", type: "fee.applied", summary: `${formatMoney(amount, c.currency)} late fee added to ${c.number} (${tier.name})`, data: { tierId: tier.id } });
        }
        return inserted > 0;
      });
      if (created) {
        applied++;
        feesSoFar += amount;
      }
    }
  }
  return applied;
}

export async function waiveLateFee(businessId: string, ownerId: string, feeId: string, reason: string) {
  const fee = await db.lateFee.findFirst({ where: { id: feeId, invoice: { businessId }, status: "APPLIED" }, include: { invoice: true } });
  if (!fee) throw new Response("Not found", { status: 404 });
  await db.$transaction(async (tx) => {
    await tx.lateFee.update({ where: { id: fee.id }, data: { status: "WAIVED", waivedAt: now(), waivedById: ownerId, waiveReason: reason } });
    await logActivity(tx, { businessId, customerId: fee.invoice.customerId, invoiceId: fee.invoiceId, actor: "OWNER", actorUserId: ownerId, type: "fee.waived", summary: `Waived the ${formatMoney(fee.amountCents, fee.invoice.currency)} late fee on ${fee.invoice.number}: ${reason}` });
  });
}
