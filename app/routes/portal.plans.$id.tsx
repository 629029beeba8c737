import { methodsFor } from "~/modules/payments/pricing";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StripePaymentForm } from "~/components/stripe-payment-form";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { metaTitle, useT } from "~/components/i18n";
import { portalTranslation } from "~/modules/i18n/locale.server";
import type { MessageKey } from "~/modules/i18n/messages/en";
import { savedMethodText } from "~/modules/payments/method-text";
import { getGateway } from "~/modules/payments/gateway.server";
import { simulatorFormSchema } from "~/modules/payments/simulator-form";
import { SimulatorInputError } from "~/modules/payments/simulator.server";
import { saveSimulatedPlanMethod, startMethodChange } from "~/modules/plans/methods.server";
import { PlanInputError, startInstalmentPayment } from "~/modules/plans/plans.server";
import { getCustomerPlan } from "~/modules/plans/portal.server";
import { requireCustomer } from "~/modules/portal-access/tokens.server";
import { today } from "~/utils/clock.server";
import { getEnv } from "~/utils/env.server";
import { fieldErrorsOf } from "~/utils/forms";
import { readForm, idParam } from "~/utils/request.server";

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, "plans.title");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { customer } = await requireCustomer(request, context);
  const plan = await getCustomerPlan(customer.id, idParam(params));
  if (!plan) throw new Response("Not found", { status: 404 });
  const gateway = await getGateway();
  return json({ plan, gateway: gateway.name, changed: new URL(request.url).searchParams.has("changed") });
}

const MissedForm = z.object({ method: z.enum(["CARD", "US_BANK_ACCOUNT", "SEPA_DEBIT"], { message: "plan.error.chooseMethod" }), keep: z.literal("on").optional() });

export async function action({ request, params }: ActionFunctionArgs) {
  const { customer, business } = await requireCustomer(request);
  const planId = idParam(params);
  const form = Object.fromEntries(await readForm(request));
  const intent = String(form.intent ?? "");
  const values = { ...form, cardNumber: "", cvc: "" } as Record<string, unknown>;
  try {
    if (intent === "pay-missed") {
      const parsed = MissedForm.safeParse(form);
      if (!parsed.success) return json({ intent, fieldErrors: fieldErrorsOf(parsed.error.issues), formError: null, values, stripe: null }, { status: 400 });
      const { paymentId } = await startInstalmentPayment({ customerId: customer.id, planId, method: parsed.data.method, keepMethod: parsed.data.keep === "on" });
      return redirect(`/portal/payments/${paymentId}`);
    }
    if (intent === "start-change") {
      const method = form.method === "US_BANK_ACCOUNT" ? "US_BANK_ACCOUNT" : "CARD";
      const setup = await startMethodChange(customer.id, planId, method);
      const stripe = setup.clientSecret ? { publishableKey: getEnv().STRIPE_PUBLISHABLE_KEY ?? "", clientSecret: setup.clientSecret, returnUrl: `${getEnv().APP_URL}/portal/plans/${planId}?changed=1` } : null;
      return json({ intent, fieldErrors: {}, formError: null, values, stripe });
    }
    if (intent === "change-method") {
      const parsed = simulatorFormSchema(today(business.timeZone)).safeParse(form);
      if (!parsed.success) return json({ intent, fieldErrors: fieldErrorsOf(parsed.error.issues), formError: null, values, stripe: null }, { status: 400 });
      await saveSimulatedPlanMethod(
        customer.id,
        planId,
        parsed.data.method === "CARD"
          ? { method: "CARD", card: { number: parsed.data.cardNumber, cvc: parsed.data.cvc, ...parsed.data.expiry } }
          : { method: "US_BANK_ACCOUNT", bank: { holderName: parsed.data.holderName, routingNumber: parsed.data.routingNumber, accountNumber: parsed.data.accountNumber } },
      );
      return redirect(`/portal/plans/${planId}?changed=1`);
    }
  } catch (error) {
    if (error instanceof PlanInputError || error instanceof SimulatorInputError) {
      const { t } = await portalTranslation(request, customer, business);
      return json({ intent, fieldErrors: {}, formError: error.translate(t), values, stripe: null }, { status: 400 });
    }
    throw error;
  }
  return json({ intent, fieldErrors: {}, formError: "plan.error.chooseAction", values, stripe: null }, { status: 400 });
}

const STATUS_TONES: Record<string, string> = {
  PAID: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  PROCESSING: "bg-sky-50 text-sky-800 ring-sky-200",
  SCHEDULED: "bg-slate-50 text-slate-700 ring-slate-200",
  FAILED: "bg-rose-50 text-rose-800 ring-rose-200",
  CANCELLED: "bg-slate-50 text-slate-500 ring-slate-200",
};

export default function PlanPage() {
  const { plan, gateway, changed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, tx, rich, date, money: format } = useT();
  const money = (c: number) => format(c, plan.currency);
  const methodText = savedMethodText(t, plan.savedMethod);
  const active = plan.status === "ACTIVE";
  const missed = plan.instalments.find((i) => i.status === "FAILED");
  const changeTo = params.get("change") === "US_BANK_ACCOUNT" ? "US_BANK_ACCOUNT" : params.get("change") === "CARD" ? "CARD" : null;

  return (
    <div className="space-y-5">
      <Link to="/portal" className="text-sm font-medium text-teal-700 hover:text-teal-800">
        {t("plan.back")}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("plans.heading")}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {rich(`plan.summary.${plan.frequency}` as MessageKey, {
              count: plan.instalmentCount,
              invoices: (
                <>
                  {plan.invoices.map((i, n) => (
                    <span key={i.id}>
                      {n > 0 ? ", " : ""}
                      <Link to={`/portal/invoices/${i.id}`} className="text-teal-800 underline-offset-2 hover:underline">
                        {i.number}
                      </Link>
                    </span>
                  ))}
                </>
              ),
            })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <a href={`/portal/plans/${plan.id}.pdf`} className="rounded-lg px-3 py-1.5 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-white">
            {t("document.agreementLink")}
          </a>
          <span className="rounded-full bg-white px-3 py-1 text-sm font-semibold ring-1 ring-slate-200" data-testid="plan-status">
            {t(`plans.status.${plan.status}` as MessageKey)}
          </span>
        </div>
      </div>

      {changed ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-200">
          {t(missed ? "plans.savedRetry" : "plans.saved", { method: methodText })}
        </p>
      ) : null}
      {plan.status === "DEFAULTED" || plan.status === "CANCELLED" ? (
        <Card className="p-5">
          <p className="text-slate-700">
            {plan.cancelReason ? t("plans.endedReason", { reason: plan.cancelReason }) : t("plans.ended")}
            {plan.leftCents > 0 ? ` ${t("plans.stillDue", { amount: money(plan.leftCents) })}` : ""}
          </p>
          {plan.leftCents > 0 ? (
            <Link to={`/portal/pay?${plan.invoices.map((i) => `invoice=${i.id}`).join("&")}`} className="mt-4 inline-block rounded-lg bg-teal-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-teal-800">
              {t("plans.pay", { amount: money(plan.leftCents) })}
            </Link>
          ) : null}
        </Card>
      ) : null}

      {active && missed ? (
        <Card className="p-5 ring-2 ring-rose-300">
          <h2 className="font-semibold text-rose-800">
            {t("plans.missedHeading", { sequence: missed.sequence, amount: money(missed.amountCents) })}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {missed.lastFailure ?? t("plans.chargeFailed")} {missed.nextAttemptOn ? `${t("plans.retryOn", { method: methodText, date: date(missed.nextAttemptOn, "long") })} ` : ""}
            {t("plans.missedChoice")}
          </p>
          <MissedPayment currency={plan.currency} />
        </Card>
      ) : null}

      <Card>
        <table className="w-full text-sm" data-testid="plan-instalments">
          <thead>
            <tr className="border-b border-slate-100 text-start text-xs uppercase tracking-wide text-slate-500">
              <th className="px-4 py-2 font-medium sm:px-5">#</th>
              <th className="px-2 py-2 font-medium">{t("plan.date")}</th>
              <th className="px-2 py-2 text-end font-medium">{t("plan.amount")}</th>
              <th className="px-4 py-2 text-end font-medium sm:px-5">{t("plan.status")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {plan.instalments.map((i) => {
              const s = { label: i.status in STATUS_TONES ? t(`plans.instalment.${i.status}` as MessageKey) : i.status, tone: STATUS_TONES[i.status] ?? "" };
              return (
                <tr key={i.id}>
                  <td className="px-4 py-2.5 text-slate-500 sm:px-5">{i.sequence}</td>
                  <td className="px-2 py-2.5">{date(i.dueDate, "long")}</td>
                  <td className="px-2 py-2.5 text-end tabular-nums">{money(i.amountCents)}</td>
                  <td className="px-4 py-2.5 text-end sm:px-5">
                    {i.receipt ? (
                      <Link to={`/portal/payments/${i.receipt.id}`} className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${s.tone}`}>
                        {s.label}
                      </Link>
                    ) : (
                      <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${s.tone}`}>{s.label}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {plan.feeCents > 0 ? <p className="border-t border-slate-100 px-5 py-2 text-xs text-slate-600">{t("plans.includesFee", { amount: money(plan.feeCents) })}</p> : null}
      </Card>

      {active ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Card className="p-5">
            <h2 className="font-semibold">{t("plans.chargedTo")}</h2>
            <p className="mt-1 text-sm text-slate-700" data-testid="plan-method">
              {methodText}
            </p>
            <div className="mt-3 flex flex-wrap gap-2 text-sm">
              <Link to="?change=CARD" className="rounded-lg px-3 py-2 font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
                {t("plans.useCard")}
              </Link>
              {methodsFor(plan.currency).includes("US_BANK_ACCOUNT") ? (
                <Link to="?change=US_BANK_ACCOUNT" className="rounded-lg px-3 py-2 font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
                  {t("plans.useBank")}
                </Link>
              ) : null}
            </div>
          </Card>
          <Card className="p-5">
            <h2 className="font-semibold">{t("plans.payEarly")}</h2>
            <p className="mt-1 text-sm text-slate-700">{t("plans.payEarlyBody", { amount: money(plan.leftCents) })}</p>
            <Link to={`/portal/pay?${plan.invoices.map((i) => `invoice=${i.id}`).join("&")}`} className="mt-3 inline-block rounded-lg bg-teal-700 px-3 py-2 text-sm font-semibold text-white hover:bg-teal-800">
              {t("plans.payEarlyNow", { amount: money(plan.leftCents) })}
            </Link>
          </Card>
        </div>
      ) : null}

      {active && changeTo ? <ChangeMethod method={changeTo} gateway={gateway} /> : null}
      {actionData?.formError && actionData.intent !== "change-method" ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          {tx(actionData.formError)}
        </p>
      ) : null}

      {plan.termsText ? (
        <details className="rounded-lg bg-white p-4 text-sm text-slate-700 ring-1 ring-slate-200">
          <summary className="cursor-pointer font-semibold">{t("plans.terms")}</summary>
          <p className="mt-2">{plan.termsText}</p>
        </details>
      ) : null}
    </div>
  );
}

function MissedPayment({ currency }: { currency: string }) {
  const busy = useNavigation().state !== "idle";
  const { t } = useT();
  return (
    <Form method="post" className="mt-4 space-y-3">
      <input type="hidden" name="intent" value="pay-missed" />
      <div className="flex flex-wrap gap-3 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" name="method" value="CARD" defaultChecked className="h-4 w-4 text-teal-700" /> {t("plan.card")}
        </label>
        {methodsFor(currency).includes("US_BANK_ACCOUNT") ? (
          <label className="flex items-center gap-2">
            <input type="radio" name="method" value="US_BANK_ACCOUNT" className="h-4 w-4 text-teal-700" /> {t("plan.ach")}
          </label>
        ) : null}
        {methodsFor(currency).includes("SEPA_DEBIT") ? (
          <label className="flex items-center gap-2">
            <input type="radio" name="method" value="SEPA_DEBIT" className="h-4 w-4 text-teal-700" /> {t("method.SEPA_DEBIT")}
          </label>
        ) : null}
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="keep" defaultChecked className="h-4 w-4 rounded border-slate-300 text-teal-700" /> {t("plans.keep")}
      </label>
      <Button type="submit" disabled={busy}>
        {t("plans.payMissed")}
      </Button>
    </Form>
  );
}

function ChangeMethod({ method, gateway }: { method: "CARD" | "US_BANK_ACCOUNT"; gateway: string }) {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = (actionData?.intent === "change-method" ? actionData.fieldErrors : {}) as Record<string, string[] | undefined>;
  const values = (actionData?.values ?? {}) as Record<string, string | undefined>;
  const isCard = method === "CARD";
  const { t, tx } = useT();
  const fieldErrors = (name: string) => errors[name]?.map(tx);
  return (
    <Card className="p-5 sm:p-6">
      <h2 className="text-lg font-semibold">{t(isCard ? "plans.saveCard" : "plans.saveBank")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("plans.nothingNow")}</p>
      {actionData?.intent === "change-method" && actionData.formError ? (
        <p role="alert" className="mt-4 rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          {tx(actionData.formError)}
        </p>
      ) : null}
      {gateway === "stripe" ? (
        actionData?.stripe ? (
          <StripePaymentForm {...actionData.stripe} amountText="" mode="setup" />
        ) : (
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="start-change" />
            <input type="hidden" name="method" value={method} />
            <Button type="submit" disabled={busy}>
              {t("plans.continue")}
            </Button>
          </Form>
        )
      ) : (
        <Form method="post" className="mt-4 space-y-4" noValidate>
          <input type="hidden" name="intent" value="change-method" />
          <input type="hidden" name="method" value={method} />
          {isCard ? (
            <>
              <Field label={t("payment.cardNumber")} name="cardNumber" inputMode="numeric" autoComplete="cc-number" placeholder="4242 4242 4242 4242" errors={fieldErrors("cardNumber")} />
              <div className="grid grid-cols-2 gap-4">
                <Field label={t("payment.expiry")} name="expiry" autoComplete="cc-exp" placeholder="12 / 30" defaultValue={values.expiry} errors={fieldErrors("expiry")} />
                <Field label={t("payment.cvc")} name="cvc" inputMode="numeric" autoComplete="cc-csc" placeholder="123" errors={fieldErrors("cvc")} />
              </div>
            </>
          ) : (
            <>
              <Field label={t("payment.holderName")} name="holderName" autoComplete="name" defaultValue={values.holderName} errors={fieldErrors("holderName")} />
              <Field label={t("payment.routingNumber")} name="routingNumber" inputMode="numeric" placeholder="110000000" defaultValue={values.routingNumber} errors={fieldErrors("routingNumber")} />
              <Field label={t("payment.accountNumber")} name="accountNumber" inputMode="numeric" placeholder="000123456789" defaultValue={values.accountNumber} errors={fieldErrors("accountNumber")} />
              <label className="flex items-start gap-3 text-sm text-slate-700">
                <input type="checkbox" name="mandate" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-teal-700" />
                <span>
                  {t("plans.mandate")}
                  {errors.mandate ? <span className="block text-rose-700">{fieldErrors("mandate")?.join(" ")}</span> : null}
                </span>
              </label>
            </>
          )}
          <Button type="submit" disabled={busy}>
            {t(busy ? "plans.saving" : "plans.saveForPlan")}
          </Button>
          <p className="text-xs text-slate-500">{t("payment.testMode")}</p>
        </Form>
      )}
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
