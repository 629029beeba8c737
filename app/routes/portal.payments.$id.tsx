import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StripePaymentForm } from "~/components/stripe-payment-form";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { metaTitle, useT } from "~/components/i18n";
import { dateInZone } from "~/modules/dates/calendar";
import { failureText, paymentMethodText } from "~/modules/payments/method-text";
import { receiptPartLabel, receiptParts } from "~/modules/payments/receipt-parts";
import { ensurePaymentIntent, getCustomerPayment } from "~/modules/payments/checkout.server";
import { getGateway } from "~/modules/payments/gateway.server";
import { CLEARING_BUSINESS_DAYS, onlineMethodOf } from "~/modules/payments/pricing";
import { SepaDebitFields } from "~/components/sepa-debit-fields";
import { sepaFormSchemaFor } from "~/modules/payments/sepa-form";
import { portalTranslation } from "~/modules/i18n/locale.server";
import { translateRefusal } from "~/modules/i18n/refusal";
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

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => data?.status === "SUCCEEDED" ? metaTitle(matches, "payment.receiptTitle", { number: data.receiptNumber ?? "" }) : metaTitle(matches, "payment.title");

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
    // Only the provider's id is taken from it: its own copy of the payment carries less (allocations without ids).
    payment = { ...payment, providerPaymentId: (await ensurePaymentIntent(payment.id)).providerPaymentId };
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
    methodDetails: payment.methodDetails,
    receiptNumber: payment.receiptNumber,
    failureCode: payment.failureCode,
    failureMessage: payment.failureMessage,
    returnedAt: payment.returnedAt?.toISOString() ?? null,
    paidOn: payment.succeededAt ? dateInZone(payment.succeededAt, business.timeZone) : null,
    allocations: payment.allocations.map((a) => ({ invoiceId: a.invoice.id, number: a.invoice.number, amountCents: a.amountCents })),
    lines: receiptParts(payment),
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
    const { locale, t } = await portalTranslation(request, customer, business);
    const parsed = sepaFormSchemaFor((refusal) => translateRefusal(t, refusal)).safeParse(form);
    if (!parsed.success) return json({ fieldErrors: fieldErrorsOf(parsed.error.issues), formError: null, values }, { status: 400 });
    try {
      await confirmSepaPayment(customer.id, idParam(params), { iban: parsed.data.iban, holderName: parsed.data.holderName, email: parsed.data.email }, acceptanceOf(request, context.ipAddress), locale);
    } catch (error) {
      if (error instanceof SepaInputError || error instanceof SimulatorInputError) return json({ fieldErrors: {}, formError: error.translate(t), values }, { status: 400 });
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
    if (error instanceof SimulatorInputError) return json({ fieldErrors: {}, formError: error.translate((await portalTranslation(request, customer, business)).t), values }, { status: 400 });
    throw error;
  }
  return redirect(`/portal/payments/${params.id}`);
}

export default function PaymentPage() {
  const p = useLoaderData<typeof loader>();
  const { t, tx, date, money: format } = useT();
  const money = (c: number) => format(c, p.currency);
  const method = paymentMethodText(t, p);
  const failure = failureText(tx, p);
  useRefreshWhile(p.status === "PROCESSING" || p.waiting, p.waiting ? 2_000 : 5_000);
  return (
    <div className="space-y-5">
      <Link to="/portal" className="text-sm font-medium text-teal-700 hover:text-teal-800">
        {t("payment.back")}
      </Link>
      {p.status === "PENDING" && p.waiting ? (
        <Card className="p-6" aria-live="polite">
          <h1 className="text-xl font-semibold">{t("payment.confirming")}</h1>
          <p className="mt-2 text-slate-600">{t("payment.confirmingBody")}</p>
        </Card>
      ) : null}
      {p.status === "PENDING" && !p.waiting ? <ConfirmPayment /> : null}
      {p.status === "PROCESSING" && p.method === "SEPA_DEBIT" ? (
        <Card className="p-6">
          <h1 className="text-2xl font-semibold tracking-tight">{t("sepa.processingHeading")}</h1>
          <p className="mt-2 text-slate-600" data-testid="sepa-processing">
            {t("sepa.processing", { amount: money(p.amountCents), account: p.methodDetails ? paymentMethodText(t, p) : t("method.SEPA_DEBIT"), days: p.clearingDays })}
          </p>
          <Allocations p={p} />
          <PlanNote p={p} />
        </Card>
      ) : null}
      {p.status === "PROCESSING" && p.method !== "SEPA_DEBIT" ? (
        <Card className="p-6">
          <h1 className="text-2xl font-semibold tracking-tight">{t("payment.processingHeading")}</h1>
          <p className="mt-2 text-slate-600">{t("payment.processingBody", { amount: money(p.amountCents), method })}</p>
          <Allocations p={p} />
          <PlanNote p={p} />
        </Card>
      ) : null}
      {p.status === "SUCCEEDED" ? (
        <Card className="p-6">
          <p className="text-sm font-semibold text-emerald-700">{t("payment.received")}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("payment.thanks", { number: p.receiptNumber })}</h1>
          <p className="mt-2 text-slate-600">{t("payment.paidBody", { amount: money(p.amountCents), date: p.paidOn ? date(p.paidOn, "long") : "", method })}</p>
          <Allocations p={p} />
          <PlanNote p={p} />
          <div className="mt-5 flex flex-wrap gap-2">
            <a href={`/portal/payments/${p.id}.pdf`} className="rounded-lg px-4 py-2.5 text-sm font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
              {t("payment.receiptPdf")}
            </a>
            <Link to="/portal" className="rounded-lg bg-teal-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-teal-800">
              {t("payment.backHome")}
            </Link>
          </div>
        </Card>
      ) : null}
      {p.status === "FAILED" ? (
        <Card className="p-6">
          <h1 className="text-2xl font-semibold tracking-tight text-rose-800">{t(p.returnedAt ? "payment.returnedHeading" : "payment.failedHeading")}</h1>
          <p className="mt-2 text-slate-600">
            {p.returnedAt ? t("payment.returnedBody", { reason: failure ?? t("payment.noReason") }) : t("payment.failedBody", { reason: failure ?? "" })}
            {p.plan?.sequence === 1 && p.plan.status === "CANCELLED" ? ` ${t("payment.planCancelled")}` : ""}
          </p>
          <Allocations p={p} />
          <Link to={`/portal/pay?${p.allocations.map((a) => `invoice=${a.invoiceId}`).join("&")}`} className="mt-5 inline-block rounded-lg bg-teal-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-teal-800">
            {t("payment.payAgain")}
          </Link>
        </Card>
      ) : null}
      {p.status === "CANCELED" ? (
        <Card className="p-6">
          <h1 className="text-xl font-semibold">{t("payment.replacedHeading")}</h1>
          <p className="mt-2 text-slate-600">{t("payment.replacedBody")}</p>
        </Card>
      ) : null}
    </div>
  );
}

type PaymentView = ReturnType<typeof useLoaderData<typeof loader>>;

/** After a plan's payment: where the plan stands and what is charged next. */
function PlanNote({ p }: { p: PaymentView }) {
  const { t, date, money: format } = useT();
  if (!p.plan || p.plan.status !== "ACTIVE") return null;
  const money = (c: number) => format(c, p.currency);
  const next = p.plan.later[0];
  return (
    <div className="mt-4 rounded-lg bg-teal-50 px-4 py-3 text-sm text-teal-900 ring-1 ring-inset ring-teal-200">
      <p className="font-semibold">{p.plan.sequence === 1 ? t("payment.planActive") : t("payment.planInstalment", { sequence: p.plan.sequence, count: p.plan.count })}</p>
      {next ? (
        <p className="mt-1">
          {t("payment.planNext", { amount: money(next.amountCents), date: date(next.dueDate, "long"), method: paymentMethodText(t, p) })}
        </p>
      ) : null}
      <Link to={`/portal/plans/${p.plan.id}`} className="mt-2 inline-block font-semibold text-teal-800 underline underline-offset-2">
        {t("payment.seePlan")}
      </Link>
    </div>
  );
}

/** What the customer authorises when this payment starts or continues a plan. */
function PlanAuthorisation({ p, isCard }: { p: PaymentView; isCard: boolean }) {
  const { t, tag, date, money: format } = useT();
  if (!p.plan) return null;
  const money = (c: number) => format(c, p.currency);
  const list = new Intl.ListFormat(tag, { type: "conjunction" }).format(p.plan.later.map((i) => t("payment.instalmentOn", { amount: money(i.amountCents), date: date(i.dueDate, "long") })));
  return (
    <div className="mt-4 rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-700 ring-1 ring-inset ring-slate-200">
      <p className="font-semibold">{t("payment.authHeading", { sequence: p.plan.sequence, count: p.plan.count })}</p>
      {p.plan.later.length ? <p className="mt-1">{p.plan.sequence === 1 ? t(isCard ? "payment.savedCard" : "payment.savedAccount", { list }) : t("payment.stillToCome", { list })}</p> : null}
    </div>
  );
}

function Allocations({ p }: { p: PaymentView }) {
  const { t, date, money: format } = useT();
  const money = (c: number) => format(c, p.currency);
  const label = (line: PaymentView["lines"][number]) => receiptPartLabel(t, line);
  return (
    <dl className="mt-4 divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
      {p.lines.map((line) => {
        const invoice = line.kind === "invoice" ? p.allocations.find((a) => a.number === line.number) : undefined;
        return (
          <div key={`${line.kind}-${"number" in line ? line.number : ""}`} className={`flex justify-between px-4 py-2 text-sm ${line.kind === "invoice" ? "" : "text-emerald-700"}`}>
            <dt>
              {invoice ? (
                <Link to={`/portal/invoices/${invoice.invoiceId}`} className="text-teal-800 hover:underline">
                  {label(line)}
                </Link>
              ) : (
                label(line)
              )}
            </dt>
            <dd className="tabular-nums">{money(line.cents)}</dd>
          </div>
        );
      })}
      <div className="flex justify-between px-4 py-2 text-sm font-semibold">
        <dt>{t("payment.total")}</dt>
        <dd className="tabular-nums">{money(p.amountCents)}</dd>
      </div>
      {p.refunds.map((r) => (
        <div key={r.id} className="flex justify-between gap-4 px-4 py-2 text-sm text-slate-700" data-testid="refund-line">
          <dt>
            {r.status === "PENDING" ? t("payment.refundPending") : t("payment.refunded", { date: date(r.on, "long") })}
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
  const { t, tx, money: format } = useT();
  const money = (c: number) => format(c, p.currency);
  const isCard = p.method === "CARD";
  const failure = failureText(tx, p);
  const fieldErrors = (name: string) => errors?.[name]?.map(tx);
  const isSepa = p.method === "SEPA_DEBIT";
  return (
    <Card className="p-5 sm:p-6">
      <h1 className="text-2xl font-semibold tracking-tight">
        {p.plan
          ? t(isSepa ? "sepa.payInstalment" : isCard ? "payment.payInstalmentByCard" : "payment.payInstalmentByBank", { sequence: p.plan.sequence, amount: money(p.amountCents) })
          : t(isSepa ? "sepa.pay" : isCard ? "payment.payByCard" : "payment.payByBank", { amount: money(p.amountCents) })}
      </h1>
      <Allocations p={p} />
      <PlanAuthorisation p={p} isCard={isCard} />
      {failure ? (
        <p role="alert" className="mt-4 rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          {t(isSepa ? "sepa.tryAgain" : isCard ? "payment.tryAgainCard" : "payment.tryAgainAccount", { reason: failure })}
        </p>
      ) : null}
      {actionData?.formError ? (
        <p role="alert" className="mt-4 rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          {tx(actionData.formError)}
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
              <Field label={t("payment.cardNumber")} name="cardNumber" inputMode="numeric" autoComplete="cc-number" placeholder="4242 4242 4242 4242" errors={fieldErrors("cardNumber")} />
              <div className="grid grid-cols-2 gap-4">
                <Field label={t("payment.expiry")} name="expiry" autoComplete="cc-exp" placeholder="12 / 30" defaultValue={values.expiry} errors={fieldErrors("expiry")} />
                <Field label={t("payment.cvc")} name="cvc" inputMode="numeric" autoComplete="cc-csc" placeholder="123" errors={fieldErrors("cvc")} />
              </div>
              <Field label={t("payment.cardName")} name="cardName" autoComplete="cc-name" defaultValue={values.cardName} errors={fieldErrors("cardName")} />
            </>
          ) : (
            <>
              <Field label={t("payment.holderName")} name="holderName" autoComplete="name" defaultValue={values.holderName} errors={fieldErrors("holderName")} />
              <Field label={t("payment.routingNumber")} name="routingNumber" inputMode="numeric" placeholder="110000000" defaultValue={values.routingNumber} errors={fieldErrors("routingNumber")} />
              <Field label={t("payment.accountNumber")} name="accountNumber" inputMode="numeric" placeholder="000123456789" defaultValue={values.accountNumber} errors={fieldErrors("accountNumber")} />
              <label className="flex items-start gap-3 text-sm text-slate-700">
                <input type="checkbox" name="mandate" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-teal-700" aria-invalid={errors?.mandate ? true : undefined} />
                <span>
                  {p.plan && p.plan.later.length ? t("payment.mandatePlan", { business: p.plan.businessName, amount: money(p.amountCents) }) : t("payment.mandateOnce", { amount: money(p.amountCents) })}{" "}
                  {t("payment.bankTakes")}
                  {errors?.mandate ? <span className="block text-rose-700">{fieldErrors("mandate")?.join(" ")}</span> : null}
                </span>
              </label>
            </>
          )}
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? t("payment.processing") : t("payment.pay", { amount: money(p.amountCents) })}
          </Button>
          <p className="text-center text-xs text-slate-500">{t("payment.testMode")}</p>
        </Form>
      )}
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
