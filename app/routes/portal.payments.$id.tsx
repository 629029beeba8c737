import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StripePaymentForm } from "~/components/stripe-payment-form";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { dateInZone, formatDate } from "~/modules/dates/calendar";
import { formatMoney } from "~/modules/money/money";
import { ensurePaymentIntent, getCustomerPayment } from "~/modules/payments/checkout.server";
import { receiptLines } from "~/modules/payments/events.server";
import { getGateway } from "~/modules/payments/gateway.server";
import { CLEARING_BUSINESS_DAYS, METHOD_LABELS, onlineMethodOf } from "~/modules/payments/pricing";
import { SEPA_TEXT, SepaDebitFields } from "~/components/sepa-debit-fields";
import { sepaFormSchema } from "~/modules/payments/sepa-form";
import { acceptanceOf, confirmSepaPayment, SepaInputError } from "~/modules/payments/sepa.server";
import { simulatorFormSchema } from "~/modules/payments/simulator-form";
import { confirmSimulatedPayment, SimulatorInputError } from "~/modules/payments/simulator.server";
import { planContextOfPayment } from "~/modules/plans/portal.server";
import { instalmentCharge } from "~/modules/plans/terms";
import { requireCustomer } from "~/modules/portal-access/tokens.server";
import { today } from "~/utils/clock.server";
import { fieldErrorsOf } from "~/utils/forms";
import { getEnv } from "~/utils/env.server";
import { readForm, idParam } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.status === "SUCCEEDED" ? `Receipt ${data.receiptNumber}` : "Payment" }];

/**
 * While the webhook has not decided, the page asks again by itself: the loader's data is read anew in place (no
 * reload, so no timed meta refresh, which WCAG 2.2.1 rules out, and nothing typed elsewhere on the page is lost).
 */
function useRefreshWhile(active: boolean, everyMs: number) {
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (latest.current.state === "idle") latest.current.revalidate();
    }, everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { customer, business } = await requireCustomer(request, context);
  let payment = await getCustomerPayment(customer.id, idParam(params));
  if (!payment) throw new Response("Not found", { status: 404 });
  const gateway = await getGateway();
  let clientSecret: string | null = null;
  if (payment.status === "PENDING") {
    payment = { ...payment, ...(await ensurePaymentIntent(payment.id)) };
    // A SEPA debit is confirmed from the page's own IBAN form and mandate, with either gateway.
    if (gateway.name === "stripe" && payment.providerPaymentId && payment.method !== "SEPA_DEBIT") clientSecret = (await gateway.retrievePaymentIntent(payment.providerPaymentId)).client_secret;
  }
  const plan = await planContextOfPayment(payment.id);
  return json({
    plan: plan
      ? {
          id: plan.planId,
          status: plan.status,
          sequence: plan.sequence,
          count: plan.count,
          businessName: plan.businessName,
          later: plan.later.map((i) => ({ sequence: i.sequence, dueDate: i.dueDate, amountCents: instalmentCharge(i, onlineMethodOf(payment.method), plan.pricing).totalCents })),
        }
      : null,
    id: payment.id,
    status: payment.status,
    method: payment.method,
    currency: payment.currency,
    amountCents: payment.amountCents,
    methodAdjustmentCents: payment.methodAdjustmentCents,
    methodDetails: payment.methodDetails ?? METHOD_LABELS[payment.method],
    receiptNumber: payment.receiptNumber,
    failureMessage: payment.failureMessage,
    returnedAt: payment.returnedAt?.toISOString() ?? null,
    paidOn: payment.succeededAt ? dateInZone(payment.succeededAt, business.timeZone) : null,
    allocations: payment.allocations.map((a) => ({ invoiceId: a.invoice.id, number: a.invoice.number, amountCents: a.amountCents })),
    lines: receiptLines(payment),
    refunds: payment.refunds.map((r) => ({ id: r.id, amountCents: r.amountCents, status: r.status, reason: r.reason, on: dateInZone(r.succeededAt ?? r.createdAt, business.timeZone) })),
    gateway: gateway.name,
    testMode: gateway.testMode,
    creditorName: business.name,
    sepaDefaults: { holderName: customer.name, email: customer.email },
    clearingDays: payment.method === "SEPA_DEBIT" ? CLEARING_BUSINESS_DAYS.SEPA_DEBIT : CLEARING_BUSINESS_DAYS.US_BANK_ACCOUNT,
    // Back from Stripe's confirmation: the webhook decides, this page waits for it.
    waiting: payment.status === "PENDING" && new URL(request.url).searchParams.has("redirect_status"),
    stripe: clientSecret ? { publishableKey: getEnv().STRIPE_PUBLISHABLE_KEY ?? "", clientSecret, returnUrl: `${getEnv().APP_URL}/portal/payments/${payment.id}` } : null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { customer, business } = await requireCustomer(request);
  const form = Object.fromEntries(await readForm(request));
  if (form.method === "SEPA_DEBIT") {
    // The IBAN is kept in the answer so that a typo can be fixed in place (it is the customer's own, on their page).
    const values = { ...form, mandate: "" } as Record<string, unknown>;
    const parsed = sepaFormSchema.safeParse(form);
    if (!parsed.success) return json({ fieldErrors: fieldErrorsOf(parsed.error.issues), formError: null, values }, { status: 400 });
    try {
      await confirmSepaPayment(customer.id, idParam(params), { iban: parsed.data.iban, holderName: parsed.data.holderName, email: parsed.data.email }, acceptanceOf(request, context.ipAddress));
    } catch (error) {
      if (error instanceof SepaInputError || error instanceof SimulatorInputError) return json({ fieldErrors: {}, formError: error.message, values }, { status: 400 });
      throw error;
    }
    return redirect(`/portal/payments/${params.id}`);
  }
  const parsed = simulatorFormSchema(today(business.timeZone)).safeParse(form);
  const values = { ...form, cardNumber: "", cvc: "" } as Record<string, unknown>;
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error.issues);
    return json({ fieldErrors, formError: null, values }, { status: 400 });
  }
  try {
    await confirmSimulatedPayment(
      customer.id,
      idParam(params),
      parsed.data.method === "CARD"
        ? { method: "CARD", card: { number: parsed.data.cardNumber, cvc: parsed.data.cvc, ...parsed.data.expiry } }
        : { method: "US_BANK_ACCOUNT", bank: { holderName: parsed.data.holderName, routingNumber: parsed.data.routingNumber, accountNumber: parsed.data.accountNumber } },
    );
  } catch (error) {
    if (error instanceof SimulatorInputError) return json({ fieldErrors: {}, formError: error.message, values }, { status: 400 });
    throw error;
  }
  return redirect(`/portal/payments/${params.id}`);
}

export default function PaymentPage() {
  const p = useLoaderData<typeof loader>();
  const money = (c: number) => formatMoney(c, p.currency);
  useRefreshWhile(p.status === "PROCESSING" || p.waiting, p.waiting ? 2_000 : 5_000);
  return (
    <div className="space-y-5">
      <Link to="/portal" className="text-sm font-medium text-teal-700 hover:text-teal-800">
        ← Back to your account
      </Link>
      {p.status === "PENDING" && p.waiting ? (
        <Card className="p-6" aria-live="polite">
          <h1 className="text-xl font-semibold">Confirming your payment…</h1>
          <p className="mt-2 text-slate-600">This takes a few seconds. This page updates by itself.</p>
        </Card>
      ) : null}
      {p.status === "PENDING" && !p.waiting ? <ConfirmPayment /> : null}
      {p.status === "PROCESSING" && p.method === "SEPA_DEBIT" ? (
        <Card className="p-6">
          <h1 className="text-2xl font-semibold tracking-tight">{SEPA_TEXT.processingHeading}</h1>
          <p className="mt-2 text-slate-600" data-testid="sepa-processing">
            {SEPA_TEXT.processing(money(p.amountCents), p.methodDetails ?? SEPA_TEXT.methodTitle, p.clearingDays)}
          </p>
          <Allocations p={p} />
          <PlanNote p={p} />
        </Card>
      ) : null}
      {p.status === "PROCESSING" && p.method !== "SEPA_DEBIT" ? (
        <Card className="p-6">
          <h1 className="text-2xl font-semibold tracking-tight">Your bank payment is processing</h1>
          <p className="mt-2 text-slate-600">
            We have asked your bank for {money(p.amountCents)} from {p.methodDetails}. Bank payments take up to 4 business days to clear; the
            invoices show as processing meanwhile, and we will not chase you for this amount. You will get a receipt by email when it clears.
          </p>
          <Allocations p={p} />
          <PlanNote p={p} />
        </Card>
      ) : null}
      {p.status === "SUCCEEDED" ? (
        <Card className="p-6">
          <p className="text-sm font-semibold text-emerald-700">Payment received</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">Thank you! Receipt {p.receiptNumber}</h1>
          <p className="mt-2 text-slate-600">
            {money(p.amountCents)} paid on {p.paidOn ? formatDate(p.paidOn, "en-US", "long") : ""} by {p.methodDetails}. A copy of this receipt is on its way
            to your email.
          </p>
          <Allocations p={p} />
          <PlanNote p={p} />
          <div className="mt-5 flex flex-wrap gap-2">
            <a href={`/portal/payments/${p.id}.pdf`} className="rounded-lg px-4 py-2.5 text-sm font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
              Download receipt (PDF)
            </a>
            <Link to="/portal" className="rounded-lg bg-teal-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-teal-800">
              Back to your account
            </Link>
          </div>
        </Card>
      ) : null}
      {p.status === "FAILED" ? (
        <Card className="p-6">
          <h1 className="text-2xl font-semibold tracking-tight text-rose-800">{p.returnedAt ? "Your bank returned this payment" : "This payment did not go through"}</h1>
          <p className="mt-2 text-slate-600">
            {p.returnedAt
              ? `It went through at first, then your bank returned it to your account: ${p.failureMessage ?? "no reason given."} The invoices are open again.`
              : `${p.failureMessage ?? ""} Nothing was taken for this payment, and the invoices are open again.`}
            {p.plan?.sequence === 1 && p.plan.status === "CANCELLED" ? " The payment plan it started was cancelled: you can set up a new one or pay another way." : ""}
          </p>
          <Allocations p={p} />
          <Link to={`/portal/pay?${p.allocations.map((a) => `invoice=${a.invoiceId}`).join("&")}`} className="mt-5 inline-block rounded-lg bg-teal-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-teal-800">
            Pay again
          </Link>
        </Card>
      ) : null}
      {p.status === "CANCELED" ? (
        <Card className="p-6">
          <h1 className="text-xl font-semibold">This payment was replaced by a newer one</h1>
          <p className="mt-2 text-slate-600">Nothing was charged for it.</p>
        </Card>
      ) : null}
    </div>
  );
}

type PaymentView = ReturnType<typeof useLoaderData<typeof loader>>;

/** After a plan's payment: where the plan stands and what is charged next. */
function PlanNote({ p }: { p: PaymentView }) {
  if (!p.plan || p.plan.status !== "ACTIVE") return null;
  const money = (c: number) => formatMoney(c, p.currency);
  const next = p.plan.later[0];
  return (
    <div className="mt-4 rounded-lg bg-teal-50 px-4 py-3 text-sm text-teal-900 ring-1 ring-inset ring-teal-200">
      <p className="font-semibold">{p.plan.sequence === 1 ? "Your payment plan is active." : `Instalment ${p.plan.sequence} of ${p.plan.count} of your payment plan.`}</p>
      {next ? (
        <p className="mt-1">
          Next: {money(next.amountCents)} on {formatDate(next.dueDate, "en-US", "long")}, charged to {p.methodDetails}. We will email you a few days before.
        </p>
      ) : null}
      <Link to={`/portal/plans/${p.plan.id}`} className="mt-2 inline-block font-semibold text-teal-800 underline underline-offset-2">
        See your plan
      </Link>
    </div>
  );
}

/** What the customer authorises when this payment starts or continues a plan. */
function PlanAuthorisation({ p, isCard }: { p: PaymentView; isCard: boolean }) {
  if (!p.plan) return null;
  const money = (c: number) => formatMoney(c, p.currency);
  return (
    <div className="mt-4 rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-700 ring-1 ring-inset ring-slate-200">
      <p className="font-semibold">
        Instalment {p.plan.sequence} of {p.plan.count} of your payment plan
      </p>
      {p.plan.later.length ? (
        <p className="mt-1">
          {p.plan.sequence === 1 ? `This ${isCard ? "card" : "account"} is saved for the later instalments: ` : "Still to come: "}
          {p.plan.later.map((i) => `${money(i.amountCents)} on ${formatDate(i.dueDate, "en-US", "long")}`).join(", ")}.
        </p>
      ) : null}
    </div>
  );
}

function Allocations({ p }: { p: PaymentView }) {
  const money = (c: number) => formatMoney(c, p.currency);
  return (
    <dl className="mt-4 divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
      {p.lines.map((line) => {
        const invoice = line.kind === "invoice" ? p.allocations.find((a) => a.number === line.label) : undefined;
        return (
          <div key={`${line.kind}-${line.label}`} className={`flex justify-between px-4 py-2 text-sm ${line.kind === "invoice" ? "" : "text-emerald-700"}`}>
            <dt>
              {invoice ? (
                <Link to={`/portal/invoices/${invoice.invoiceId}`} className="text-teal-800 hover:underline">
                  {line.label}
                </Link>
              ) : (
                line.label
              )}
            </dt>
            <dd className="tabular-nums">{line.value}</dd>
          </div>
        );
      })}
      <div className="flex justify-between px-4 py-2 text-sm font-semibold">
        <dt>Total</dt>
        <dd className="tabular-nums">{money(p.amountCents)}</dd>
      </div>
      {p.refunds.map((r) => (
        <div key={r.id} className="flex justify-between gap-4 px-4 py-2 text-sm text-slate-700" data-testid="refund-line">
          <dt>
            {r.status === "PENDING" ? "Refund on its way" : `Refunded on ${formatDate(r.on, "en-US", "long")}`}
            <span className="block text-xs text-slate-500">{r.reason}</span>
          </dt>
          <dd className="tabular-nums">{money(-r.amountCents)}</dd>
        </div>
      ))}
    </dl>
  );
}

function ConfirmPayment() {
  const p = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = actionData?.fieldErrors as Record<string, string[] | undefined> | undefined;
  const values = (actionData?.values ?? {}) as Record<string, string | undefined>;
  const money = (c: number) => formatMoney(c, p.currency);
  const isCard = p.method === "CARD";
  const isSepa = p.method === "SEPA_DEBIT";
  return (
    <Card className="p-5 sm:p-6">
      <h1 className="text-2xl font-semibold tracking-tight">
        {p.plan ? `Pay instalment ${p.plan.sequence}: ` : "Pay "}
        {money(p.amountCents)} {isSepa ? SEPA_TEXT.payHeading : `by ${isCard ? "card" : "bank account"}`}
      </h1>
      <Allocations p={p} />
      <PlanAuthorisation p={p} isCard={isCard} />
      {p.failureMessage ? (
        <p role="alert" className="mt-4 rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          {p.failureMessage} Nothing was charged. {isSepa ? SEPA_TEXT.retry : `Try again, or use another ${isCard ? "card" : "account"}.`}
        </p>
      ) : null}
      {actionData?.formError ? (
        <p role="alert" className="mt-4 rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          {actionData.formError}
        </p>
      ) : null}
      {isSepa ? (
        <Form method="post" className="mt-5 space-y-4" noValidate>
          <SepaDebitFields creditorName={p.creditorName} defaults={{ holderName: values.holderName ?? p.sepaDefaults.holderName, email: values.email ?? p.sepaDefaults.email, iban: values.iban }} errors={errors} testMode={p.testMode} />
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? "Processing…" : `Pay ${money(p.amountCents)}`}
          </Button>
          {p.testMode ? <p className="text-center text-xs text-slate-500">Test mode: no money moves.</p> : null}
        </Form>
      ) : p.stripe ? (
        <StripePaymentForm {...p.stripe} amountText={money(p.amountCents)} />
      ) : (
        <Form method="post" className="mt-5 space-y-4" noValidate>
          <input type="hidden" name="method" value={p.method} />
          {isCard ? (
            <>
              <Field label="Card number" name="cardNumber" inputMode="numeric" autoComplete="cc-number" placeholder="4242 4242 4242 4242" errors={errors?.cardNumber} />
              <div className="grid grid-cols-2 gap-4">
                <Field label="Expiry (MM / YY)" name="expiry" autoComplete="cc-exp" placeholder="12 / 30" defaultValue={values.expiry} errors={errors?.expiry} />
                <Field label="Security code" name="cvc" inputMode="numeric" autoComplete="cc-csc" placeholder="123" errors={errors?.cvc} />
              </div>
              <Field label="Name on card" name="cardName" autoComplete="cc-name" defaultValue={values.cardName} errors={errors?.cardName} />
            </>
          ) : (
            <>
              <Field label="Account holder name" name="holderName" autoComplete="name" defaultValue={values.holderName} errors={errors?.holderName} />
              <Field label="Routing number" name="routingNumber" inputMode="numeric" placeholder="110000000" defaultValue={values.routingNumber} errors={errors?.routingNumber} />
              <Field label="Account number" name="accountNumber" inputMode="numeric" placeholder="000123456789" defaultValue={values.accountNumber} errors={errors?.accountNumber} />
              <label className="flex items-start gap-3 text-sm text-slate-700">
                <input type="checkbox" name="mandate" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-teal-700" aria-invalid={errors?.mandate ? true : undefined} />
                <span>
                  {p.plan && p.plan.later.length
                    ? `I authorise ${p.plan.businessName} to debit ${money(p.amountCents)} from this account today and the later instalments listed above on their dates. I can revoke this authorisation by telling ${p.plan.businessName} at least 3 business days before a debit.`
                    : `I authorise a one-time debit of ${money(p.amountCents)} from this account.`}{" "}
                  Bank payments take up to 4 business days to clear.
                  {errors?.mandate ? <span className="block text-rose-700">{errors.mandate.join(" ")}</span> : null}
                </span>
              </label>
            </>
          )}
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? "Processing…" : `Pay ${money(p.amountCents)}`}
          </Button>
          <p className="text-center text-xs text-slate-500">Test mode: no money moves.</p>
        </Form>
      )}
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
