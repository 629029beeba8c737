import { SEPA_TEXT } from "~/components/sepa-debit-fields";
import { methodsFor } from "~/modules/payments/pricing";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StripePaymentForm } from "~/components/stripe-payment-form";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { formatDate } from "~/modules/dates/calendar";
import { formatMoney } from "~/modules/money/money";
import { getGateway } from "~/modules/payments/gateway.server";
import { simulatorFormSchema } from "~/modules/payments/simulator-form";
import { SimulatorInputError } from "~/modules/payments/simulator.server";
import { saveSimulatedPlanMethod, startMethodChange } from "~/modules/plans/methods.server";
import { PlanInputError, startInstalmentPayment } from "~/modules/plans/plans.server";
import { getCustomerPlan } from "~/modules/plans/portal.server";
import { FREQUENCY_LABELS } from "~/modules/plans/schedule";
import { requireCustomer } from "~/modules/portal-access/tokens.server";
import { today } from "~/utils/clock.server";
import { getEnv } from "~/utils/env.server";
import { fieldErrorsOf } from "~/utils/forms";
import { readForm, idParam } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Your payment plan" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { customer } = await requireCustomer(request, context);
  const plan = await getCustomerPlan(customer.id, idParam(params));
  if (!plan) throw new Response("Not found", { status: 404 });
  const gateway = await getGateway();
  return json({ plan, gateway: gateway.name, changed: new URL(request.url).searchParams.has("changed") });
}

const MissedForm = z.object({ method: z.enum(["CARD", "US_BANK_ACCOUNT", "SEPA_DEBIT"], { message: "Choose how to pay." }), keep: z.literal("on").optional() });

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
    if (error instanceof PlanInputError || error instanceof SimulatorInputError) return json({ intent, fieldErrors: {}, formError: error.message, values, stripe: null }, { status: 400 });
    throw error;
  }
  return json({ intent, fieldErrors: {}, formError: "Choose what to do.", values, stripe: null }, { status: 400 });
}

const STATUS_TEXT: Record<string, { label: string; tone: string }> = {
  PAID: { label: "Paid", tone: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  PROCESSING: { label: "Processing", tone: "bg-sky-50 text-sky-800 ring-sky-200" },
  SCHEDULED: { label: "Scheduled", tone: "bg-slate-50 text-slate-700 ring-slate-200" },
  FAILED: { label: "Missed", tone: "bg-rose-50 text-rose-800 ring-rose-200" },
  CANCELLED: { label: "Not charged", tone: "bg-slate-50 text-slate-500 ring-slate-200" },
};

const PLAN_STATUS: Record<string, string> = {
  ACTIVE: "Active",
  COMPLETED: "Completed",
  DEFAULTED: "Ended: not kept up",
  CANCELLED: "Cancelled",
};

export default function PlanPage() {
  const { plan, gateway, changed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const money = (c: number) => formatMoney(c, plan.currency);
  const active = plan.status === "ACTIVE";
  const missed = plan.instalments.find((i) => i.status === "FAILED");
  const changeTo = params.get("change") === "US_BANK_ACCOUNT" ? "US_BANK_ACCOUNT" : params.get("change") === "CARD" ? "CARD" : null;

  return (
    <div className="space-y-5">
      <Link to="/portal" className="text-sm font-medium text-teal-700 hover:text-teal-800">
        ← Back to your account
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Your payment plan</h1>
          <p className="mt-1 text-sm text-slate-600">
            {plan.instalmentCount} instalments, {FREQUENCY_LABELS[plan.frequency].toLowerCase()}, for{" "}
            {plan.invoices.map((i, n) => (
              <span key={i.id}>
                {n > 0 ? ", " : ""}
                <Link to={`/portal/invoices/${i.id}`} className="text-teal-800 underline-offset-2 hover:underline">
                  {i.number}
                </Link>
              </span>
            ))}
          </p>
        </div>
        <span className="rounded-full bg-white px-3 py-1 text-sm font-semibold ring-1 ring-slate-200" data-testid="plan-status">
          {PLAN_STATUS[plan.status] ?? plan.status}
        </span>
      </div>

      {changed ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-200">
          Saved. The rest of the plan will be charged to {plan.methodText}
          {missed ? "; the missed instalment is tried again with it today" : ""}.
        </p>
      ) : null}
      {plan.status === "DEFAULTED" || plan.status === "CANCELLED" ? (
        <Card className="p-5">
          <p className="text-slate-700">
            This plan has ended{plan.cancelReason ? `: ${plan.cancelReason}` : "."} Nothing more will be charged under it.
            {plan.leftCents > 0 ? ` ${money(plan.leftCents)} is still due on its invoices.` : ""}
          </p>
          {plan.leftCents > 0 ? (
            <Link to={`/portal/pay?${plan.invoices.map((i) => `invoice=${i.id}`).join("&")}`} className="mt-4 inline-block rounded-lg bg-teal-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-teal-800">
              Pay {money(plan.leftCents)}
            </Link>
          ) : null}
        </Card>
      ) : null}

      {active && missed ? (
        <Card className="p-5 ring-2 ring-rose-300">
          <h2 className="font-semibold text-rose-800">
            Instalment {missed.sequence} ({money(missed.amountCents)}) did not go through
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {missed.lastFailure ?? "The charge failed."}{" "}
            {missed.nextAttemptOn ? `We will try ${plan.methodText} again on ${formatDate(missed.nextAttemptOn, "en-US", "long")}. ` : ""}
            You can pay it now, or save another card or account for the plan.
          </p>
          <MissedPayment currency={plan.currency} />
        </Card>
      ) : null}

      <Card>
        <table className="w-full text-sm" data-testid="plan-instalments">
          <thead>
            <tr className="border-b border-slate-100 text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="px-4 py-2 font-medium sm:px-5">#</th>
              <th className="px-2 py-2 font-medium">Date</th>
              <th className="px-2 py-2 text-right font-medium">Amount</th>
              <th className="px-4 py-2 text-right font-medium sm:px-5">Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {plan.instalments.map((i) => {
              const s = STATUS_TEXT[i.status] ?? { label: i.status, tone: "" };
              return (
                <tr key={i.id}>
                  <td className="px-4 py-2.5 text-slate-500 sm:px-5">{i.sequence}</td>
                  <td className="px-2 py-2.5">{formatDate(i.dueDate, "en-US", "long")}</td>
                  <td className="px-2 py-2.5 text-right tabular-nums">{money(i.amountCents)}</td>
                  <td className="px-4 py-2.5 text-right sm:px-5">
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
        {plan.feeCents > 0 ? <p className="border-t border-slate-100 px-5 py-2 text-xs text-slate-600">Includes the plan fee of {money(plan.feeCents)}.</p> : null}
      </Card>

      {active ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Card className="p-5">
            <h2 className="font-semibold">Charged to</h2>
            <p className="mt-1 text-sm text-slate-700" data-testid="plan-method">
              {plan.methodText}
            </p>
            <div className="mt-3 flex flex-wrap gap-2 text-sm">
              <Link to="?change=CARD" className="rounded-lg px-3 py-2 font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
                Use another card
              </Link>
              {methodsFor(plan.currency).includes("US_BANK_ACCOUNT") ? (
                <Link to="?change=US_BANK_ACCOUNT" className="rounded-lg px-3 py-2 font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
                  Use a bank account
                </Link>
              ) : null}
            </div>
          </Card>
          <Card className="p-5">
            <h2 className="font-semibold">Pay the rest early</h2>
            <p className="mt-1 text-sm text-slate-700">{money(plan.leftCents)} is left on this plan&apos;s invoices. Pay it whenever you like; the plan then ends with nothing more to charge.</p>
            <Link to={`/portal/pay?${plan.invoices.map((i) => `invoice=${i.id}`).join("&")}`} className="mt-3 inline-block rounded-lg bg-teal-700 px-3 py-2 text-sm font-semibold text-white hover:bg-teal-800">
              Pay {money(plan.leftCents)} now
            </Link>
          </Card>
        </div>
      ) : null}

      {active && changeTo ? <ChangeMethod method={changeTo} gateway={gateway} /> : null}
      {actionData?.formError && actionData.intent !== "change-method" ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          {actionData.formError}
        </p>
      ) : null}

      {plan.termsText ? (
        <details className="rounded-lg bg-white p-4 text-sm text-slate-700 ring-1 ring-slate-200">
          <summary className="cursor-pointer font-semibold">The terms you agreed to</summary>
          <p className="mt-2">{plan.termsText}</p>
        </details>
      ) : null}
    </div>
  );
}

function MissedPayment({ currency }: { currency: string }) {
  const busy = useNavigation().state !== "idle";
  return (
    <Form method="post" className="mt-4 space-y-3">
      <input type="hidden" name="intent" value="pay-missed" />
      <div className="flex flex-wrap gap-3 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" name="method" value="CARD" defaultChecked className="h-4 w-4 text-teal-700" /> Card
        </label>
        {methodsFor(currency).includes("US_BANK_ACCOUNT") ? (
          <label className="flex items-center gap-2">
            <input type="radio" name="method" value="US_BANK_ACCOUNT" className="h-4 w-4 text-teal-700" /> Bank account (ACH)
          </label>
        ) : null}
        {methodsFor(currency).includes("SEPA_DEBIT") ? (
          <label className="flex items-center gap-2">
            <input type="radio" name="method" value="SEPA_DEBIT" className="h-4 w-4 text-teal-700" /> {SEPA_TEXT.methodTitle}
          </label>
        ) : null}
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="keep" defaultChecked className="h-4 w-4 rounded border-slate-300 text-teal-700" /> Use it for the rest of the plan too
      </label>
      <Button type="submit" disabled={busy}>
        Pay the missed instalment
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
  return (
    <Card className="p-5 sm:p-6">
      <h2 className="text-lg font-semibold">{isCard ? "Save another card for the plan" : "Save a bank account for the plan"}</h2>
      <p className="mt-1 text-sm text-slate-600">Nothing is charged now: the next instalments are charged to it on their dates.</p>
      {actionData?.intent === "change-method" && actionData.formError ? (
        <p role="alert" className="mt-4 rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          {actionData.formError}
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
              Continue
            </Button>
          </Form>
        )
      ) : (
        <Form method="post" className="mt-4 space-y-4" noValidate>
          <input type="hidden" name="intent" value="change-method" />
          <input type="hidden" name="method" value={method} />
          {isCard ? (
            <>
              <Field label="Card number" name="cardNumber" inputMode="numeric" autoComplete="cc-number" placeholder="4242 4242 4242 4242" errors={errors.cardNumber} />
              <div className="grid grid-cols-2 gap-4">
                <Field label="Expiry (MM / YY)" name="expiry" autoComplete="cc-exp" placeholder="12 / 30" defaultValue={values.expiry} errors={errors.expiry} />
                <Field label="Security code" name="cvc" inputMode="numeric" autoComplete="cc-csc" placeholder="123" errors={errors.cvc} />
              </div>
            </>
          ) : (
            <>
              <Field label="Account holder name" name="holderName" autoComplete="name" defaultValue={values.holderName} errors={errors.holderName} />
              <Field label="Routing number" name="routingNumber" inputMode="numeric" placeholder="110000000" defaultValue={values.routingNumber} errors={errors.routingNumber} />
              <Field label="Account number" name="accountNumber" inputMode="numeric" placeholder="000123456789" defaultValue={values.accountNumber} errors={errors.accountNumber} />
              <label className="flex items-start gap-3 text-sm text-slate-700">
                <input type="checkbox" name="mandate" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-teal-700" />
                <span>
                  I authorise debits from this account for the remaining instalments of this plan on their dates. I can revoke this by telling the business at least 3
                  business days before a debit.
                  {errors.mandate ? <span className="block text-rose-700">{errors.mandate.join(" ")}</span> : null}
                </span>
              </label>
            </>
          )}
          <Button type="submit" disabled={busy}>
            {busy ? "Saving…" : "Save for the plan"}
          </Button>
          <p className="text-xs text-slate-500">Test mode: no money moves.</p>
        </Form>
      )}
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
