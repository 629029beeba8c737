import { currencySymbol, formatAmounts, sumByCurrency } from "~/modules/money/money";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useCan } from "~/components/use-can";
import { HandoverInputError, markHandedOver } from "~/modules/collections/handover.server";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DisputedBadge, StatusBadge } from "~/components/status-badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { assertCan, requireOwner, requireUser } from "~/modules/auth/session.server";
import { PayerGroupBadge } from "~/components/payer-group-badge";
import { CALL_OUTCOMES, CallNoteForm } from "~/modules/customers/customer-form";
import { addCallNote, customerHasInvoice, getCustomerOverview, setCustomerArchived, setPlanAccess } from "~/modules/customers/customers.server";
import { formatRate, type PayerProfile } from "~/modules/customers/payer-profile";
import { loadPayerProfile } from "~/modules/customers/payer-profile.server";
import { fieldErrorsOf } from "~/utils/forms";
import { addMonths, formatDate, formatInstant, type CalendarDate } from "~/modules/dates/calendar";
import { formatMoney } from "~/modules/money/money";
import { METHOD_LABELS } from "~/modules/payments/pricing";
import { emailInvoice, emailPortalLink, revokeCustomerLinks } from "~/modules/portal-access/send-link.server";
import { waiveLateFee } from "~/modules/fees/late-fees.server";
import { InvoiceDiscountForm, setInvoiceDiscountTerms } from "~/modules/discounts/policy.server";
import { proposeSettlement, SettlementInputError } from "~/modules/settlements/settlements.server";
import { lastTiers, pausedInvoiceIds, setCustomerRemindersPaused, setInvoiceRemindersPaused } from "~/modules/reminders/pauses.server";
import { today } from "~/utils/clock.server";
import { PlanStatusBadge } from "~/components/plan-status-badge";
import { listPlans } from "~/modules/plans/owner.server";
import { getPlanPolicy } from "~/modules/plans/policy.server";
import { readForm, idParam } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.customer.name} · Duely` : "Customer" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { business } = await requireOwner(request);
  const overview = await getCustomerOverview(business.id, idParam(params), today(business.timeZone));
  if (!overview) throw new Response("Not found", { status: 404 });
  const tiers = await lastTiers(overview.invoices.map((i) => i.id));
  const paused = await invoicesPaused(overview.invoices.map((i) => i.id));
  const { plans } = await listPlans(business.id, { status: "ALL", customerId: overview.customer.id });
  const { brokenPlanLockoutMonths } = await getPlanPolicy(business.id);
  const profile = await loadPayerProfile(business, overview.customer.id, today(business.timeZone));
  return json({ ...overview, profile, plans, brokenPlanLockoutMonths, today: today(business.timeZone), currency: business.currency, timeZone: business.timeZone, tiers, paused, customerPaused: overview.customer.remindersPausedAt !== null });
}

const ActionForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("email-link") }),
  z.object({ intent: z.literal("revoke-links") }),
  z.object({ intent: z.literal("send-invoice"), invoiceId: z.string().min(1) }),
  z.object({ intent: z.literal("pause-customer"), paused: z.enum(["true", "false"]) }),
  z.object({ intent: z.literal("discount-terms"), invoiceId: z.string().min(1), mode: z.string(), percent: z.string().optional(), windowDays: z.string().optional() }),
  z.object({ intent: z.literal("settle"), invoiceId: z.string().min(1), amount: z.string(), expiresOn: z.string() }),
  z.object({ intent: z.literal("waive-fee"), feeId: z.string().min(1), reason: z.string().trim().min(3, "Say why you waive the fee (at least 3 characters).").max(500) }),
  z.object({ intent: z.literal("pause-invoice"), invoiceId: z.string().min(1), paused: z.enum(["true", "false"]) }),
  z.object({ intent: z.literal("plan-access"), plansAllowed: z.literal("on").optional(), risky: z.literal("on").optional(), depositRequired: z.literal("on").optional() }),
  z.object({ intent: z.literal("archive"), archived: z.enum(["true", "false"]) }),
  z.object({ intent: z.literal("call-note"), body: z.string().optional(), outcome: z.string().optional() }),
  z.object({ intent: z.literal("hand-over"), agency: z.string() }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, business } = await requireUser(request, "collect");
  const parsed = ActionForm.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return json({ message: null, error: parsed.error.issues.find((i) => i.path[0] === "reason")?.message ?? "That action is not available." }, { status: 400 });
  const customerId = idParam(params);
  // An invoice or fee of another customer (even of this business) is not on this page: not found, nothing done.
  const onInvoice = "invoiceId" in parsed.data ? { invoiceId: parsed.data.invoiceId } : "feeId" in parsed.data ? { feeId: parsed.data.feeId } : null;
  if (onInvoice && !(await customerHasInvoice(business.id, customerId, onInvoice))) throw new Response("Not found", { status: 404 });
  if (parsed.data.intent === "email-link") {
    await emailPortalLink(business.id, customerId, { actor: "OWNER", actorUserId: user.id });
    return json({ message: "Portal link emailed.", error: null });
  }
  if (parsed.data.intent === "revoke-links") {
    await revokeCustomerLinks(business.id, customerId, user.id);
    return json({ message: "Every portal link for this customer is revoked.", error: null });
  }
  if (parsed.data.intent === "discount-terms") {
    assertCan(user, "concede");
    const terms = InvoiceDiscountForm.safeParse(parsed.data);
    if (!terms.success) return json({ message: null, error: terms.error.issues.map((i) => i.message).join(" ") }, { status: 400 });
    await setInvoiceDiscountTerms(business.id, user.id, terms.data);
    return json({ message: "Early-pay terms saved for that invoice.", error: null });
  }
  if (parsed.data.intent === "settle") {
    assertCan(user, "concede");
    try {
      await proposeSettlement(business.id, user.id, parsed.data.invoiceId, parsed.data.amount, parsed.data.expiresOn);
    } catch (error) {
      if (error instanceof SettlementInputError) return json({ message: null, error: error.message }, { status: 400 });
      throw error;
    }
    return json({ message: "Settlement offered: the customer sees it in the portal.", error: null });
  }
  if (parsed.data.intent === "waive-fee") {
    assertCan(user, "concede");
    await waiveLateFee(business.id, user.id, parsed.data.feeId, parsed.data.reason);
    return json({ message: "Late fee waived.", error: null });
  }
  if (parsed.data.intent === "pause-customer") {
    await setCustomerRemindersPaused(business.id, user.id, customerId, parsed.data.paused === "true");
    return json({ message: parsed.data.paused === "true" ? "Reminders paused for this customer." : "Reminders resumed for this customer.", error: null });
  }
  if (parsed.data.intent === "plan-access") {
    await setPlanAccess(business.id, user.id, customerId, { plansAllowed: parsed.data.plansAllowed === "on", risky: parsed.data.risky === "on", depositRequired: parsed.data.depositRequired === "on" });
    return json({ message: "Payment plan access and deposit saved.", error: null });
  }
  if (parsed.data.intent === "archive") {
    const archived = parsed.data.archived === "true";
    const { openInvoices, openBalances } = await setCustomerArchived(business.id, user.id, customerId, archived, today(business.timeZone));
    const owed = openInvoices > 0 ? ` They still owe ${formatAmounts(openBalances)} on ${openInvoices} ${openInvoices === 1 ? "invoice" : "invoices"}, which stay open; their portal links no longer open.` : "";
    return json({ message: archived ? `Customer archived.${owed}` : "Customer restored: they are back in your customer list.", error: null });
  }
  if (parsed.data.intent === "hand-over") {
    assertCan(user, "concede");
    try {
      await markHandedOver(business.id, user.id, customerId, parsed.data.agency);
    } catch (error) {
      if (error instanceof HandoverInputError) return json({ message: null, error: error.message }, { status: 400 });
      throw error;
    }
    return json({ message: `Account handed over to ${parsed.data.agency.trim()}: no more reminders are sent.`, error: null });
  }
  if (parsed.data.intent === "call-note") {
    const note = CallNoteForm.safeParse(parsed.data);
    if (!note.success) {
      return json({ message: null, error: null, noteErrors: fieldErrorsOf(note.error.issues), noteValues: { body: parsed.data.body ?? "", outcome: parsed.data.outcome ?? "" } }, { status: 400 });
    }
    await addCallNote(business.id, user.id, customerId, note.data);
    return json({ message: "Call note added to the timeline.", error: null });
  }
  if (parsed.data.intent === "pause-invoice") {
    await setInvoiceRemindersPaused(business.id, user.id, parsed.data.invoiceId, parsed.data.paused === "true");
    return json({ message: parsed.data.paused === "true" ? "Reminders paused for that invoice." : "Reminders resumed for that invoice.", error: null });
  }
  await emailInvoice(business.id, parsed.data.invoiceId, user.id);
  return json({ message: "Invoice emailed with a portal link.", error: null });
}

async function invoicesPaused(ids: string[]) {
  return Object.fromEntries((await pausedInvoiceIds(ids)).map((id) => [id, true]));
}

/** Whether a broken plan still keeps the customer from starting another online (the plan rules' lockout). */
function lockoutNote(defaultedOn: CalendarDate | null, months: number, day: CalendarDate) {
  if (months === 0 || !defaultedOn) return "Your plan rules still let them start another plan online.";
  const until = addMonths(defaultedOn, months);
  return until > day ? `They cannot start another plan online until ${formatDate(until)}.` : `The ${months}-month lockout after it has passed.`;
}

function ProfileCard({ profile, depositRequired, plansAllowed }: { profile: PayerProfile; depositRequired: boolean; plansAllowed: boolean }) {
  const figures = [
    { label: "Paid on time", value: formatRate(profile.onTimeRateBps), hint: profile.ratedInvoices === 0 ? "No invoice to judge yet" : `${profile.paidOnTime} of ${profile.ratedInvoices} invoices` },
    { label: "Average days late", value: profile.averageDaysLate === null ? "—" : String(profile.averageDaysLate), hint: profile.lateInvoices === 0 ? "Never late" : `Over ${profile.lateInvoices} late ${profile.lateInvoices === 1 ? "invoice" : "invoices"}` },
    { label: "Broken promises", value: String(profile.brokenPromises), hint: `${profile.promisesKept} kept` },
    { label: "Broken plans", value: String(profile.brokenPlans), hint: `${profile.plansCompleted} completed` },
    ...(profile.paymentsReversed > 0 ? [{ label: "Payments reversed", value: String(profile.paymentsReversed), hint: "Returned by the bank or charged back" }] : []),
  ];
  return (
    <Card>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-5 py-4">
        <h2 className="font-semibold">Payer profile</h2>
        <PayerGroupBadge group={profile.group} />
        <p className="w-full text-sm text-slate-600 sm:w-auto" data-testid="payer-reason">
          {profile.reason}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-px bg-slate-100 sm:grid-cols-4">
        {figures.map((f) => (
          <div key={f.label} className="bg-white px-5 py-3">
            <dt className="text-xs font-medium text-slate-500">{f.label}</dt>
            <dd className="mt-0.5 text-lg font-semibold tabular-nums">{f.value}</dd>
            <dd className="text-xs text-slate-500">{f.hint}</dd>
          </div>
        ))}
      </dl>
      {depositRequired || !plansAllowed ? (
        <p className="border-t border-slate-100 px-5 py-3 text-xs text-slate-600">
          {[depositRequired ? "Deposit required before new work" : null, plansAllowed ? null : "Plans not allowed"].filter(Boolean).join(" · ")}
        </p>
      ) : null}
    </Card>
  );
}

const PAYMENT_TONE: Record<string, string> = { SUCCEEDED: "text-emerald-700", PROCESSING: "text-sky-700", FAILED: "text-rose-700" };

export default function CustomerPage() {
  const can = useCan();
  const { customer, invoices, payments, activity, activeLinks, timeZone, tiers, paused, customerPaused, fees, settlements, plans, brokenPlanLockoutMonths, today: day, profile } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const note = actionData && "noteErrors" in actionData ? actionData : null;
  const message = actionData?.message ?? (searchParams.get("saved") === "details" ? "Customer details saved." : null);
  const archived = customer.archivedAt !== null;
  const openBalances = sumByCurrency(invoices.filter((i) => i.figures.balanceCents > 0).map((i) => ({ currency: i.currency, cents: i.figures.balanceCents })));
  const openBalanceCents = openBalances.length;
  const newestCallNote = activity.find((a) => a.callNote)?.id ?? "none";
  return (
    <div className="space-y-6">
      <Link to="/app/customers" className="text-sm font-medium text-teal-700 hover:text-teal-800">
        ← Customers
      </Link>
      {archived ? (
        <p className="rounded-lg bg-slate-100 px-4 py-3 text-sm text-slate-700 ring-1 ring-inset ring-slate-200">
          Archived on {formatInstant(new Date(customer.archivedAt ?? ""), timeZone)}: hidden from your customer list, and their portal links no longer open.
        </p>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            {customer.name}
            {invoices.some((i) => i.figures.underDispute) ? <DisputedBadge /> : null}
          </h1>
          <p className="text-sm text-slate-500">
            {customer.companyName ? `${customer.companyName} · ` : ""}
            {customer.email} · {activeLinks} active portal {activeLinks === 1 ? "link" : "links"}
          </p>
          <p className="text-sm text-slate-500">
            {customer.phone ? (
              <a href={`tel:${customer.phone}`} className="text-teal-700 hover:text-teal-800">
                {customer.phone}
              </a>
            ) : (
              "No phone number"
            )}
            {" · "}
            {customer.timeZone ? customer.timeZone.replaceAll("_", " ") : `Business time zone (${timeZone.replaceAll("_", " ")})`}
            {customer.emailOptOut ? " · opted out of reminder emails" : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`/app/customers/${customer.id}/statement.pdf`} className="rounded-lg bg-white px-3 py-2 text-sm font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
            Statement (PDF)
          </a>
          {can("collect") ? (
            <Form method="post">
              <input type="hidden" name="intent" value="email-link" />
              <Button type="submit" variant="secondary" disabled={busy}>
                Email portal link
              </Button>
            </Form>
          ) : null}
          {can("collect") ? (
            <Form method="post">
              <input type="hidden" name="intent" value="pause-customer" />
              <input type="hidden" name="paused" value={customerPaused ? "false" : "true"} />
              <Button type="submit" variant="secondary" disabled={busy}>
                {customerPaused ? "Resume reminders" : "Pause reminders"}
              </Button>
            </Form>
          ) : null}
          {can("collect") ? (
            <Form method="post">
              <input type="hidden" name="intent" value="revoke-links" />
              <Button type="submit" variant="ghost" disabled={busy || activeLinks === 0}>
                Revoke links
              </Button>
            </Form>
          ) : null}
          <Link to={`/app/customers/${customer.id}/edit`} className="inline-flex items-center justify-center rounded-lg bg-white px-4 py-2.5 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
            Edit details
          </Link>
          {can("collect") ? (
            <Form method="post">
              <input type="hidden" name="intent" value="archive" />
              <input type="hidden" name="archived" value={archived ? "false" : "true"} />
              <Button type="submit" variant="ghost" disabled={busy} title={!archived && openBalanceCents > 0 ? `They still owe ${formatAmounts(openBalances)}` : undefined}>
                {archived ? "Restore customer" : "Archive"}
              </Button>
            </Form>
          ) : null}
        </div>
      </div>
      {!archived && openBalanceCents > 0 ? (
        <p className="-mt-3 text-right text-xs text-slate-500">Archiving keeps their {formatAmounts(openBalances)} of open invoices open.</p>
      ) : null}
      {message ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          {message}
        </p>
      ) : null}

      <ProfileCard profile={profile} depositRequired={customer.depositRequired} plansAllowed={customer.plansAllowed} />

      <Card>
        <h2 className="border-b border-slate-200 px-5 py-4 font-semibold">Invoices</h2>
        {invoices.length === 0 ? <p className="px-5 py-4 text-sm text-slate-500">No open or paid invoices.</p> : null}
        <ul className="divide-y divide-slate-100">
          {invoices.map((i) => (
            <li key={i.id} className="px-5 py-3 text-sm">
              {/* The same columns on every row; the row's actions on a line of their own below. */}
              <div className="grid grid-cols-2 items-center gap-x-4 gap-y-1 sm:grid-cols-[6rem_9rem_7rem_minmax(0,1fr)_minmax(0,1fr)]">
                <span className="font-medium">{i.number}</span>
                <span className="text-slate-500">Due {formatDate(i.dueDate)}</span>
                <span className="tabular-nums sm:text-right">{formatMoney(i.figures.balanceCents, i.currency)}</span>
                <span>
                  <StatusBadge status={i.figures.status} daysOverdue={i.figures.daysOverdue} />
                  {i.figures.underDispute && i.figures.status !== "DISPUTED" ? <DisputedBadge /> : null}
                </span>
                <span className="text-xs text-slate-500 sm:text-right">{tiers[i.id] ? `Last reminder: ${tiers[i.id]?.name}` : "No reminder yet"}{paused[i.id] ? " · paused" : ""}</span>
              </div>
              <div className="mt-2 flex flex-wrap items-center gap-x-5 gap-y-2">
                {settlements[i.id] ? (
                  <span className="text-xs text-emerald-700">
                    Settlement {settlements[i.id]?.status === "ACCEPTED" ? "accepted" : `offered: ${formatMoney(settlements[i.id]?.amountCents ?? 0, i.currency)} until ${settlements[i.id]?.expiresOn}`}
                  </span>
                ) : i.figures.status === "OVERDUE" ? (
                  <details className="w-full text-sm">
                    <summary className="cursor-pointer text-teal-700">Offer a settlement on {i.number}</summary>
                    {can("concede") ? (
                      <Form method="post" className="mt-2 flex flex-wrap items-end gap-2" aria-label={`Settlement for ${i.number}`}>
                        <input type="hidden" name="intent" value="settle" />
                        <input type="hidden" name="invoiceId" value={i.id} />
                        <label className="text-xs text-slate-600">
                          Amount ({currencySymbol(i.currency)})
                          <input name="amount" inputMode="decimal" className="mt-1 block w-32 rounded-md border-0 px-2 py-1.5 ring-1 ring-inset ring-slate-300" />
                        </label>
                        <label className="text-xs text-slate-600">
                          Last day
                          <input name="expiresOn" type="date" className="mt-1 block rounded-md border-0 px-2 py-1.5 ring-1 ring-inset ring-slate-300" />
                        </label>
                        <Button type="submit" variant="secondary" disabled={busy}>
                          Offer
                        </Button>
                      </Form>
                    ) : null}
                  </details>
                ) : null}
                {i.figures.dueNowCents > 0 ? (
                  <details className="w-full text-sm">
                    <summary className="cursor-pointer text-teal-700">Early-pay terms for {i.number}</summary>
                    {can("concede") ? (
                      <Form method="post" className="mt-2 flex flex-wrap items-end gap-2" aria-label={`Early-pay terms for ${i.number}`}>
                        <input type="hidden" name="intent" value="discount-terms" />
                        <input type="hidden" name="invoiceId" value={i.id} />
                        <label className="text-xs text-slate-600">
                          Terms
                          <select name="mode" defaultValue="INHERIT" className="mt-1 block rounded-md border-0 px-2 py-1.5 ring-1 ring-inset ring-slate-300">
                            <option value="INHERIT">The business&apos;s terms</option>
                            <option value="NONE">No discount</option>
                            <option value="CUSTOM">Custom</option>
                          </select>
                        </label>
                        <label className="text-xs text-slate-600">
                          % off
                          <input name="percent" inputMode="decimal" className="mt-1 block w-20 rounded-md border-0 px-2 py-1.5 ring-1 ring-inset ring-slate-300" />
                        </label>
                        <label className="text-xs text-slate-600">
                          within days
                          <input name="windowDays" inputMode="numeric" className="mt-1 block w-20 rounded-md border-0 px-2 py-1.5 ring-1 ring-inset ring-slate-300" />
                        </label>
                        <Button type="submit" variant="secondary" disabled={busy}>
                          Save terms
                        </Button>
                      </Form>
                    ) : null}
                  </details>
                ) : null}
                {/* A settled invoice gets no reminders to pause (one paused earlier can still be resumed). */}
                {i.figures.balanceCents > 0 || paused[i.id] ? (
                  can("collect") ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="pause-invoice" />
                      <input type="hidden" name="invoiceId" value={i.id} />
                      <input type="hidden" name="paused" value={paused[i.id] ? "false" : "true"} />
                      <button type="submit" className="text-sm font-medium text-slate-600 hover:text-slate-900" disabled={busy}>
                        {paused[i.id] ? `Resume ${i.number}` : `Pause ${i.number}`}
                      </button>
                    </Form>
                  ) : null
                ) : null}
                {can("collect") ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="send-invoice" />
                    <input type="hidden" name="invoiceId" value={i.id} />
                    <button type="submit" className="text-sm font-medium text-teal-700 hover:text-teal-800" disabled={busy}>
                      Email invoice
                    </button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </Card>

      {actionData?.error ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          {actionData.error}
        </p>
      ) : null}
      {fees.length > 0 ? (
        <Card>
          <h2 className="border-b border-slate-200 px-5 py-4 font-semibold">Late fees</h2>
          <ul className="divide-y divide-slate-100">
            {fees.map((fee) => (
              <li key={fee.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
                <span>
                  {fee.invoiceNumber} · {fee.description}
                  {fee.status === "WAIVED" ? <span className="block text-xs text-slate-500">Waived: {fee.waiveReason}</span> : null}
                </span>
                <span className={`tabular-nums ${fee.status === "WAIVED" ? "text-slate-500 line-through" : ""}`}>{formatMoney(fee.amountCents, fee.currency)}</span>
                {fee.status === "APPLIED" ? (
                  can("concede") ? (
                    <Form method="post" className="flex items-center gap-2" aria-label={`Waive the fee on ${fee.invoiceNumber}`}>
                      <input type="hidden" name="intent" value="waive-fee" />
                      <input type="hidden" name="feeId" value={fee.id} />
                      <input name="reason" aria-label="Reason for waiving" placeholder="Reason" className="rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300" />
                      <Button type="submit" variant="secondary" disabled={busy}>
                        Waive
                      </Button>
                    </Form>
                  ) : null
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card className="p-5">
        <h2 className="font-semibold">Collections hand-over</h2>
        <p className="mt-1 text-sm text-slate-600">
          One pack for a collection agency: the statement (principal, fees, interest, payments, write-offs) and the full correspondence log, every
          email with its text, portal visits, promises, questions and call notes.
        </p>
        <div className="mt-3 flex flex-wrap gap-2 text-sm">
          <a href={`/app/customers/${customer.id}/collections.pdf`} className="rounded-lg px-3 py-2 font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
            Download the pack (PDF)
          </a>
          <a href={`/app/customers/${customer.id}/collections.csv`} className="rounded-lg px-3 py-2 font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
            Download as CSV
          </a>
        </div>
        {customer.handedOverAt ? (
          <p className="mt-3 text-sm font-medium text-rose-800" data-testid="handed-over">
            Handed over on {formatInstant(new Date(customer.handedOverAt), timeZone)}: no reminders are sent.
          </p>
        ) : (
          can("concede") ? (
            <Form method="post" className="mt-4 flex flex-wrap items-end gap-2">
              <input type="hidden" name="intent" value="hand-over" />
              <label className="text-sm font-medium text-slate-700">
                Agency
                <input name="agency" className="mt-1 block w-64 rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600" placeholder="e.g. Harbor Recovery LLC" />
              </label>
              <Button type="submit" variant="secondary">
                Mark as handed over
              </Button>
            </Form>
          ) : null
        )}
      </Card>

      <Card>
        <h2 className="border-b border-slate-200 px-5 py-4 font-semibold">Payment plans</h2>
        {can("collect") ? (
          <Form method="post" className="flex flex-wrap items-center gap-x-5 gap-y-2 border-b border-slate-100 px-5 py-3 text-sm">
            <input type="hidden" name="intent" value="plan-access" />
            <label className="flex items-center gap-2">
              <input type="checkbox" name="plansAllowed" defaultChecked={customer.plansAllowed} className="h-4 w-4 rounded border-slate-300 text-teal-700" /> May set up plans online
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="risky" defaultChecked={customer.markedRiskyAt !== null} className="h-4 w-4 rounded border-slate-300 text-teal-700" /> Risky payer
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="depositRequired" defaultChecked={customer.depositRequired} className="h-4 w-4 rounded border-slate-300 text-teal-700" /> Deposit required <span className="text-xs text-slate-500">(new invoices must be due on receipt)</span>
            </label>
            <Button type="submit" variant="secondary" className="px-3 py-1.5">
              Save plan access
            </Button>
          </Form>
        ) : null}
        {plans.length === 0 ? <p className="px-5 py-4 text-sm text-slate-500">No payment plans.</p> : null}
        <ul className="divide-y divide-slate-100">
          {plans.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
              <span>
                <span className="font-medium">{p.invoiceNumbers.join(", ")}</span>
                <span className="block text-xs text-slate-500">Started {formatDate(p.createdOn)}</span>
              </span>
              <span className="tabular-nums">
                {p.progress.paidCount} of {p.progress.totalCount} paid · {formatMoney(p.progress.paidCents, p.currency)}
              </span>
              <PlanStatusBadge status={p.status} />
              <Link to={`/app/plans/${p.id}`} className="font-medium text-teal-700 hover:text-teal-800" aria-label={`Plan details for ${p.invoiceNumbers.join(", ")}`}>
                Plan details →
              </Link>
              {p.status === "DEFAULTED" ? (
                <p className="w-full text-xs text-rose-700">
                  Broken plan{p.endedOn ? `: defaulted on ${formatDate(p.endedOn)}` : ""}. {lockoutNote(p.endedOn, brokenPlanLockoutMonths, day)}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>

      <Card>
        <h2 className="border-b border-slate-200 px-5 py-4 font-semibold">Payments</h2>
        {payments.length === 0 ? <p className="px-5 py-4 text-sm text-slate-500">No payments yet.</p> : null}
        <ul className="divide-y divide-slate-100">
          {payments.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
              <span>
                {p.receiptNumber ?? "—"} · {METHOD_LABELS[p.method]}
                <span className="block text-xs text-slate-500">{p.invoiceNumbers.join(", ")}</span>
              </span>
              <span className="tabular-nums">{formatMoney(p.amountCents, p.currency)}</span>
              <span className={`font-medium ${PAYMENT_TONE[p.status] ?? ""}`}>{p.status.toLowerCase()}</span>
            </li>
          ))}
        </ul>
      </Card>

      <Card>
        <h2 className="border-b border-slate-200 px-5 py-4 font-semibold">Timeline</h2>
        {can("collect") ? (
          <Form method="post" key={newestCallNote} noValidate aria-label="Add a call note" className="space-y-3 border-b border-slate-100 bg-slate-50/60 px-5 py-4">
            <input type="hidden" name="intent" value="call-note" />
            <div>
              <label htmlFor="call-note-body" className="block text-sm font-medium text-slate-700">
                Call note
              </label>
              <textarea
                id="call-note-body"
                name="body"
                rows={3}
                maxLength={2000}
                defaultValue={note?.noteValues.body}
                aria-invalid={note?.noteErrors.body ? true : undefined}
                aria-describedby={note?.noteErrors.body ? "call-note-error" : undefined}
                placeholder="What was said, and what happens next"
                className={`mt-1.5 block w-full rounded-lg border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-teal-600 ${note?.noteErrors.body ? "ring-rose-400" : "ring-slate-300"}`}
              />
              {note?.noteErrors.body ? (
                <p id="call-note-error" className="mt-1 text-sm text-rose-700">
                  {note.noteErrors.body.join(" ")}
                </p>
              ) : null}
            </div>
            <div className="flex flex-wrap items-end gap-3">
              <label className="text-sm font-medium text-slate-700">
                Outcome
                <select name="outcome" defaultValue={note?.noteValues.outcome ?? ""} className="mt-1.5 block rounded-lg border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300">
                  <option value="">Not set</option>
                  {Object.entries(CALL_OUTCOMES).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
              <Button type="submit" variant="secondary" disabled={busy}>
                Add call note
              </Button>
              {note?.noteErrors.outcome ? <p className="text-sm text-rose-700">{note.noteErrors.outcome.join(" ")}</p> : null}
            </div>
          </Form>
        ) : null}
        {activity.length === 0 ? <p className="px-5 py-4 text-sm text-slate-500">Nothing has happened yet.</p> : null}
        <ol className="divide-y divide-slate-100" aria-label="Timeline">
          {activity.map((a) => (
            <li key={a.id} className="px-5 py-3 text-sm">
              {a.callNote ? (
                <>
                  <span className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    Call note
                    {a.callNote.outcome ? <span className="rounded-full bg-sky-50 px-2 py-0.5 text-xs font-medium text-sky-800 ring-1 ring-inset ring-sky-200">{a.callNote.outcome}</span> : null}
                  </span>
                  <span className="mt-1 block whitespace-pre-line break-words text-slate-700">{a.callNote.body}</span>
                </>
              ) : (
                <span className="text-slate-900">{a.summary}</span>
              )}
              <span className="block text-xs text-slate-500">
                {formatInstant(new Date(a.occurredAt), timeZone)} · {a.actorName ?? a.actor.toLowerCase()}
                {a.callNote ? "" : ` · ${a.type}`}
              </span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
