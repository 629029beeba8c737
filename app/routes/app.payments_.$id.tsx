// One payment, for the business: what it paid, its refunds, and (owners) refunding all or part of it.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { useCan } from "~/components/use-can";
import { requireOwner, requireUser } from "~/modules/auth/session.server";
import { formatInstant } from "~/modules/dates/calendar";
import { formatDecimal } from "~/modules/invoices/csv";
import { formatMoney } from "~/modules/money/money";
import { METHOD_LABELS } from "~/modules/payments/pricing";
import { REFUND_EFFECTS } from "~/modules/refunds/refunds";
import { paymentForOwner, requestRefund } from "~/modules/refunds/refunds.server";
import { disputeReasonText } from "~/modules/disputes/disputes";
import { simulateDisputeDecision } from "~/modules/disputes/disputes.server";
import { idParam, readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Payment · Duely" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { business } = await requireOwner(request);
  const { payment, refundableCents } = await paymentForOwner(business.id, idParam(params));
  return json({
    timeZone: business.timeZone,
    payment: {
      id: payment.id,
      status: payment.status,
      currency: payment.currency,
      amountCents: payment.amountCents,
      methodText: payment.methodDetails ?? METHOD_LABELS[payment.method] ?? payment.method,
      gateway: payment.gateway,
      receiptNumber: payment.receiptNumber,
      succeededAt: payment.succeededAt?.toISOString() ?? null,
      createdAt: payment.createdAt.toISOString(),
      customer: payment.customer,
      allocations: payment.allocations.map((a) => ({ invoiceId: a.invoice.id, number: a.invoice.number, amountCents: a.amountCents })),
      extrasCents: payment.amountCents - payment.allocations.reduce((s, a) => s + a.amountCents, 0),
      returnedAt: payment.returnedAt?.toISOString() ?? null,
      failureMessage: payment.failureMessage,
      // What the customer agreed to for a SEPA debit, as the business (the creditor) may have to show it.
      mandate: payment.sepaMandate
        ? {
            reference: payment.sepaMandate.reference,
            type: payment.sepaMandate.type,
            status: payment.sepaMandate.status,
            holderName: payment.sepaMandate.holderName,
            holderEmail: payment.sepaMandate.holderEmail,
            account: `${payment.sepaMandate.ibanCountry} ···${payment.sepaMandate.ibanLast4}`,
            acceptedAt: payment.sepaMandate.acceptedAt.toISOString(),
            ipAddress: payment.sepaMandate.ipAddress,
            userAgent: payment.sepaMandate.userAgent,
            text: payment.sepaMandate.text,
          }
        : null,
      disputes: payment.disputes.map((d) => ({
        id: d.id,
        amountCents: d.amountCents,
        feeCents: d.feeCents,
        status: d.status,
        inquiry: d.inquiry,
        reasonText: disputeReasonText(d.reason),
        evidenceDueBy: d.evidenceDueBy?.toISOString() ?? null,
        openedAt: d.openedAt.toISOString(),
        closedAt: d.closedAt?.toISOString() ?? null,
        invoices: d.allocations.map((a) => `${a.invoice.number} (${formatMoney(a.amountCents, d.currency)})`),
      })),
      refunds: payment.refunds.map((r) => ({
        id: r.id,
        amountCents: r.amountCents,
        status: r.status,
        reason: r.reason,
        effect: r.effect,
        failureReason: r.failureReason,
        createdAt: r.createdAt.toISOString(),
        invoices: r.allocations.map((a) => `${a.invoice.number} (${formatMoney(a.amountCents, r.currency)})`),
      })),
    },
    refundableCents,
    refundableText: formatDecimal(refundableCents, payment.currency),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { business, user } = await requireUser(request, "refund");
  const form = await readForm(request);
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  if (values.intent === "simulate-dispute") {
    const decided = await simulateDisputeDecision(business.id, user.id, idParam(params), values);
    if (!decided.ok) return json({ ok: false as const, intent: "simulate-dispute", fieldErrors: decided.fieldErrors, message: null, values }, { status: 400 });
    return json({ ok: true as const, intent: "simulate-dispute", fieldErrors: {}, message: decided.message, values: {} });
  }
  if (values.intent !== "refund") return json({ ok: false as const, intent: "refund", fieldErrors: { form: ["That action is not available."] }, message: null, values }, { status: 400 });
  const result = await requestRefund(business.id, user, idParam(params), values);
  if (!result.ok) return json({ ok: false as const, intent: "refund", fieldErrors: result.fieldErrors, message: null, values }, { status: 400 });
  return json({ ok: true as const, intent: "refund", fieldErrors: {}, message: result.message, values: {} });
}

const REFUND_STATUS: Record<string, { label: string; tone: string }> = {
  PENDING: { label: "Pending", tone: "bg-amber-50 text-amber-900 ring-amber-200" },
  SUCCEEDED: { label: "Refunded", tone: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  FAILED: { label: "Failed", tone: "bg-rose-50 text-rose-800 ring-rose-200" },
  CANCELED: { label: "Cancelled", tone: "bg-slate-100 text-slate-600 ring-slate-200" },
};

const DISPUTE_STATUS: Record<string, { label: string; tone: string }> = {
  OPEN: { label: "Disputed", tone: "bg-orange-50 text-orange-900 ring-orange-300" },
  WON: { label: "Won", tone: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  LOST: { label: "Lost", tone: "bg-rose-50 text-rose-800 ring-rose-200" },
};

const input = "mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600";

export default function PaymentPage() {
  const { payment, refundableCents, refundableText, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const can = useCan();
  const money = (cents: number) => formatMoney(cents, payment.currency);
  const errors = (result && !result.ok ? result.fieldErrors : {}) as Record<string, string[] | undefined>;
  const kept = (result && !result.ok ? result.values : {}) as Record<string, string | undefined>;
  return (
    <div className="space-y-6">
      <Link to="/app/payments" className="text-sm font-medium text-teal-700 hover:text-teal-800">
        ← Payments
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">
          {money(payment.amountCents)} from {payment.customer.name}
        </h1>
        <p className="text-sm text-slate-500">
          {payment.methodText} · {payment.receiptNumber ?? "no receipt"} · {formatInstant(new Date(payment.succeededAt ?? payment.createdAt), timeZone)} ·{" "}
          {payment.returnedAt ? "returned by the bank" : payment.disputes.some((d) => d.status === "LOST" && !d.inquiry) ? "charged back" : payment.status.toLowerCase()}
        </p>
      </div>
      {payment.returnedAt ? (
        <p role="status" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-900 ring-1 ring-inset ring-rose-200">
          The bank returned this payment on {formatInstant(new Date(payment.returnedAt), timeZone)}: {payment.failureMessage ?? "no reason given"} It no longer counts, its invoices are owed
          again, and the customer was told how to pay again.
        </p>
      ) : null}
      {payment.mandate ? (
        <Card className="p-5">
          <h2 className="font-semibold">SEPA Direct Debit mandate</h2>
          <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]" aria-label="SEPA Direct Debit mandate">
            <dt className="text-slate-500">Reference</dt>
            <dd className="font-mono">{payment.mandate.reference}</dd>
            <dt className="text-slate-500">Account</dt>
            <dd>
              {payment.mandate.account}, {payment.mandate.holderName} ({payment.mandate.holderEmail})
            </dd>
            <dt className="text-slate-500">Accepted</dt>
            <dd>
              {formatInstant(new Date(payment.mandate.acceptedAt), timeZone)} from {payment.mandate.ipAddress}
            </dd>
            <dt className="text-slate-500">Browser</dt>
            <dd className="break-all">{payment.mandate.userAgent}</dd>
            <dt className="text-slate-500">Use</dt>
            <dd>{payment.mandate.type === "multi_use" ? "Recurring (a payment plan's later debits)" : "This payment only"}</dd>
          </dl>
          <details className="mt-3 text-sm text-slate-700">
            <summary className="cursor-pointer font-medium">The wording the customer accepted</summary>
            <p className="mt-2">{payment.mandate.text}</p>
          </details>
        </Card>
      ) : null}
      {result?.intent === "simulate-dispute" && (result.message || errors.form) ? (
        <p role={result.ok ? "status" : "alert"} className={`rounded-lg px-3 py-2 text-sm ring-1 ring-inset ${result.ok ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-rose-50 text-rose-800 ring-rose-200"}`}>
          {result.message ?? errors.form?.join(" ")}
        </p>
      ) : null}
      {payment.disputes.length > 0 ? (
        <Card className="p-5">
          <h2 className="font-semibold">Disputes</h2>
          <ul className="mt-2 divide-y divide-slate-100 text-sm" aria-label="Disputes of this payment">
            {payment.disputes.map((d) => (
              <li key={d.id} className="space-y-2 py-3">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <p className="font-medium">
                      {d.inquiry ? "Inquiry" : "Chargeback"} of {money(d.amountCents)}: {d.reasonText}
                    </p>
                    <p className="text-xs text-slate-500">
                      Opened {formatInstant(new Date(d.openedAt), timeZone)}
                      {d.invoices.length ? ` · ${d.invoices.join(", ")}` : ""}
                      {d.feeCents > 0 ? ` · dispute fee ${money(d.feeCents)}` : ""}
                      {d.closedAt ? ` · closed ${formatInstant(new Date(d.closedAt), timeZone)}` : ""}
                    </p>
                    {d.status === "OPEN" ? (
                      <p className="mt-1 text-xs text-orange-900">
                        {d.inquiry ? "No money has been withdrawn yet. " : "The amount is held: it does not count as paid, and no reminder asks for it. "}
                        {d.evidenceDueBy ? `Submit your evidence in Stripe by ${formatInstant(new Date(d.evidenceDueBy), timeZone)}.` : "Submit your evidence in Stripe."}
                      </p>
                    ) : null}
                    {d.status === "LOST" ? <p className="mt-1 text-xs text-rose-700">Lost: the invoice is owed again. On the invoice, choose to chase it again or write it off.</p> : null}
                  </div>
                  <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${DISPUTE_STATUS[d.status]?.tone ?? ""}`}>{DISPUTE_STATUS[d.status]?.label ?? d.status}</span>
                </div>
                {d.status === "OPEN" && payment.gateway === "simulator" && can("refund") ? (
                  <Form method="post" className="flex flex-wrap items-center gap-2" aria-label="Simulate the bank's decision">
                    <input type="hidden" name="intent" value="simulate-dispute" />
                    <input type="hidden" name="disputeId" value={d.id} />
                    <span className="text-xs text-slate-500">Test mode: simulate the bank&apos;s decision</span>
                    <Button type="submit" name="outcome" value="won" variant="secondary" disabled={busy}>
                      Won
                    </Button>
                    <Button type="submit" name="outcome" value="lost" variant="secondary" disabled={busy}>
                      Lost
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card className="p-5">
        <h2 className="font-semibold">What it paid</h2>
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {payment.allocations.map((a) => (
            <li key={a.invoiceId} className="flex justify-between py-2">
              <Link to={`/app/invoices/${a.invoiceId}`} className="font-medium text-teal-800 hover:underline">
                {a.number}
              </Link>
              <span className="tabular-nums">{money(a.amountCents)}</span>
            </li>
          ))}
          {payment.extrasCents !== 0 ? (
            <li className="flex justify-between py-2 text-slate-600">
              <span>Method surcharge, discount or plan fee</span>
              <span className="tabular-nums">{money(payment.extrasCents)}</span>
            </li>
          ) : null}
        </ul>
      </Card>

      <Card className="p-5">
        <h2 className="font-semibold">Refunds</h2>
        {payment.refunds.length === 0 ? <p className="mt-2 text-sm text-slate-500">None.</p> : null}
        <ul className="mt-2 divide-y divide-slate-100 text-sm" aria-label="Refunds of this payment">
          {payment.refunds.map((r) => (
            <li key={r.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
              <div>
                <p className="font-medium">
                  {money(r.amountCents)} · {r.effect === "CREDIT" ? "settled as a credit" : "owed again"}
                </p>
                <p className="text-xs text-slate-500">
                  {formatInstant(new Date(r.createdAt), timeZone)} · {r.invoices.join(", ") || "the payment's surcharge or fee"} · {r.reason}
                </p>
                {r.status === "FAILED" ? <p className="text-xs text-rose-700">The refund failed{r.failureReason ? ` (${r.failureReason.replace(/_/g, " ")})` : ""}; the money stayed with you and nothing was reopened.</p> : null}
              </div>
              <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${REFUND_STATUS[r.status]?.tone ?? ""}`}>{REFUND_STATUS[r.status]?.label ?? r.status}</span>
            </li>
          ))}
        </ul>
      </Card>

      {payment.status === "SUCCEEDED" && can("refund") && !payment.disputes.some((d) => d.status === "OPEN" && !d.inquiry) ? (
        <Card className="p-5">
          <h2 className="font-semibold">Refund this payment</h2>
          <p className="mt-1 text-sm text-slate-500">
            {refundableCents > 0
              ? `Up to ${money(refundableCents)} can still go back, to ${payment.methodText}.`
              : payment.disputes.some((d) => d.status === "LOST" && !d.inquiry)
                ? "Nothing is left to refund: the card holder's bank took it back with the chargeback."
                : "This payment is refunded in full."}
          </p>
          {result?.ok && result.intent === "refund" && result.message ? (
            <p role="status" className="mt-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
              {result.message}
            </p>
          ) : null}
          {errors.form && result?.intent === "refund" ? (
            <p role="alert" className="mt-3 text-sm text-rose-700">
              {errors.form.join(" ")}
            </p>
          ) : null}
          {refundableCents > 0 ? (
            <Form method="post" className="mt-4 grid gap-4 sm:grid-cols-2" noValidate aria-label="Refund this payment" key={result?.ok ? result.message : "refund"}>
              <input type="hidden" name="intent" value="refund" />
              <label className="text-sm font-medium text-slate-700">
                Amount ({payment.currency})
                <input name="amount" inputMode="decimal" defaultValue={kept.amount ?? refundableText} aria-invalid={errors.amount ? true : undefined} className={input} />
                {errors.amount ? <span className="mt-1 block font-normal text-rose-700">{errors.amount.join(" ")}</span> : null}
              </label>
              <label className="text-sm font-medium text-slate-700">
                Reason (the customer sees it)
                <input name="reason" defaultValue={kept.reason} aria-invalid={errors.reason ? true : undefined} className={input} placeholder="Paid twice by mistake" />
                {errors.reason ? <span className="mt-1 block font-normal text-rose-700">{errors.reason.join(" ")}</span> : null}
              </label>
              <fieldset className="sm:col-span-2">
                <legend className="text-sm font-medium text-slate-700">What it means for the invoice</legend>
                {(Object.keys(REFUND_EFFECTS) as (keyof typeof REFUND_EFFECTS)[]).map((effect) => (
                  <label key={effect} className="mt-2 flex items-start gap-2 text-sm text-slate-700">
                    <input type="radio" name="effect" value={effect} defaultChecked={(kept.effect ?? "REOPEN") === effect} className="mt-0.5 h-4 w-4 border-slate-300 text-teal-700" />
                    <span>{REFUND_EFFECTS[effect]}</span>
                  </label>
                ))}
                {errors.effect ? <span className="mt-1 block text-sm text-rose-700">{errors.effect.join(" ")}</span> : null}
              </fieldset>
              <div className="sm:col-span-2">
                <Button type="submit" disabled={busy}>
                  {busy ? "Refunding…" : "Refund"}
                </Button>
              </div>
            </Form>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
