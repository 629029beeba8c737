import { currencyLabel, currencySymbol, formatDecimal } from "~/modules/money/money";
import { LOCALE_NAMES, LOCALES } from "~/modules/i18n/locales";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { requireUser } from "~/modules/auth/session.server";
import { discountPolicyForm, getDiscountPolicy, saveDiscountPolicy } from "~/modules/discounts/policy.server";
import { fieldErrorsOf } from "~/utils/forms";
import { getLateFeeSettings, lateFeeForm, saveLateFees } from "~/modules/fees/policy.server";
import { getPlanPolicy, planPolicyForm, savePlanPolicy } from "~/modules/plans/policy.server";
import { businessProfileForm, profileValuesOf, saveBusinessProfile } from "~/modules/business/profile.server";
import { FREQUENCY_LABELS, type Frequency } from "~/modules/plans/schedule";
import { readForm } from "~/utils/request.server";
import { PaymentProviderCard } from "~/components/payment-provider-card";
import { formatInstant } from "~/modules/dates/calendar";
import { HANDLED_STRIPE_EVENTS } from "~/modules/payments/events.server";
import { checklistSteps } from "~/modules/setup/checklist";
import { checklistFacts } from "~/modules/setup/checklist.server";
import { getEnv } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Settings · Duely" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireUser(request, "configure");
  const p = await getDiscountPolicy(business.id);
  const fees = await getLateFeeSettings(business.id);
  const plans = await getPlanPolicy(business.id);
  const payments = checklistSteps(await checklistFacts(business), (iso) => formatInstant(new Date(iso), business.timeZone)).find((step) => step.key === "payments")!;
  return json({
    provider: { checks: payments.checks, webhookUrl: `${getEnv().APP_URL}/webhooks/stripe`, events: HANDLED_STRIPE_EVENTS },
    profile: profileValuesOf(business),
    timeZones: Intl.supportedValuesOf("timeZone"),
    currency: business.currency,
    plans: {
      enabled: plans.enabled,
      minBalance: formatDecimal(plans.minBalanceCents, business.currency),
      minInstalments: String(plans.minInstalments),
      maxInstalments: String(plans.maxInstalments),
      frequencies: plans.frequencies as string[],
      maxDurationDays: String(plans.maxDurationDays),
      minFirstPercent: plans.minFirstPaymentBps ? String(plans.minFirstPaymentBps / 100) : "",
      minFirstAmount: plans.minFirstPaymentCents ? formatDecimal(plans.minFirstPaymentCents, business.currency) : "",
      fee: plans.feeCents ? formatDecimal(plans.feeCents, business.currency) : "",
      brokenPlanLockoutMonths: String(plans.brokenPlanLockoutMonths),
      excludeRisky: plans.excludeRisky,
      retryAfterDays: String(plans.retryAfterDays),
      maxRetries: String(plans.maxRetries),
      noticeDaysBefore: String(plans.noticeDaysBefore),
    },
    fees: {
      enabled: fees.policy.enabled,
      graceDays: fees.policy.graceDays,
      capAmount: fees.policy.capCents ? formatDecimal(fees.policy.capCents, business.currency) : "",
      capPercent: fees.policy.capBps ? String(fees.policy.capBps / 100) : "",
      tiers: fees.tiers.map((t) => ({ id: t.id, name: t.name, fixed: t.lateFeeFixedCents ? formatDecimal(t.lateFeeFixedCents, business.currency) : "", percent: t.lateFeeBps ? String(t.lateFeeBps / 100) : "" })),
    },
    policy: { enabled: p.enabled, kind: p.kind, percent: String(p.percentBps / 100), amount: formatDecimal(p.amountCents, business.currency), windowDays: p.windowDays, achOnly: p.achOnly, combinesWithPlan: p.combinesWithPlan } });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, business } = await requireUser(request, "configure");
  const form = await readForm(request);
  const values = Object.fromEntries(form);
  if (values.intent === "business") {
    const parsedProfile = businessProfileForm(business.currency).safeParse(values);
    const typed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
    if (!parsedProfile.success) return json({ form: "business", fieldErrors: fieldErrorsOf(parsedProfile.error.issues), message: null, values: null, typed }, { status: 400 });
    await saveBusinessProfile(business.id, user.id, parsedProfile.data);
    return json({ form: "business", fieldErrors: {} as Record<string, string[]>, message: "Business settings saved.", values: null, typed: null });
  }
  if (values.intent === "plans") {
    const submitted = { ...values, frequencies: form.getAll("frequencies").map(String) };
    const parsedPlans = planPolicyForm(business.currency).safeParse(submitted);
    if (!parsedPlans.success) return json({ form: "plans", fieldErrors: fieldErrorsOf(parsedPlans.error.issues), message: null, values: planValuesOf(submitted) }, { status: 400 });
    await savePlanPolicy(business.id, user.id, parsedPlans.data, business.currency);
    return json({ form: "plans", fieldErrors: {} as Record<string, string[]>, message: "Payment plan rules saved.", values: null });
  }
  if (values.intent === "late-fees") {
    const parsedFees = lateFeeForm(business.currency).safeParse(values);
    if (!parsedFees.success) return json({ form: "fees", fieldErrors: fieldErrorsOf(parsedFees.error.issues), message: null }, { status: 400 });
    const errors = await saveLateFees(business.id, user.id, parsedFees.data, business.currency);
    if (errors) return json({ form: "fees", fieldErrors: errors, message: null }, { status: 400 });
    return json({ form: "fees", fieldErrors: {} as Record<string, string[]>, message: "Late fees saved." });
  }
  if (values.intent !== "discount") return json({ form: "discount", fieldErrors: { form: ["That action is not available."] } as Record<string, string[]>, message: null }, { status: 400 });
  const parsed = discountPolicyForm(business.currency).safeParse(values);
  if (!parsed.success) {
    return json({ form: "discount", fieldErrors: fieldErrorsOf(parsed.error.issues), message: null }, { status: 400 });
  }
  await saveDiscountPolicy(business.id, user.id, parsed.data);
  return json({ form: "discount", fieldErrors: {} as Record<string, string[]>, message: "Early-pay discount saved." });
}

/** What the owner typed, to show again next to the errors instead of the saved rules. */
function planValuesOf(submitted: Record<string, FormDataEntryValue | string[]>) {
  const text = (key: string) => (typeof submitted[key] === "string" ? submitted[key] : "");
  return {
    enabled: submitted.enabled === "on",
    minBalance: text("minBalance"),
    minInstalments: text("minInstalments"),
    maxInstalments: text("maxInstalments"),
    frequencies: Array.isArray(submitted.frequencies) ? submitted.frequencies : [],
    maxDurationDays: text("maxDurationDays"),
    minFirstPercent: text("minFirstPercent"),
    minFirstAmount: text("minFirstAmount"),
    fee: text("fee"),
    brokenPlanLockoutMonths: text("brokenPlanLockoutMonths"),
    excludeRisky: submitted.excludeRisky === "on",
    retryAfterDays: text("retryAfterDays"),
    maxRetries: text("maxRetries"),
    noticeDaysBefore: text("noticeDaysBefore"),
  };
}

const FREQUENCIES = Object.entries(FREQUENCY_LABELS) as [Frequency, string][];

const input = "mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600";

export default function Settings() {
  const { policy, fees, plans, profile, timeZones, currency, provider } = useLoaderData<typeof loader>();
  const symbol = currencySymbol(currency);
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const e = (result?.form === "discount" ? result.fieldErrors : {}) as Record<string, string[] | undefined>;
  const f = (result?.form === "fees" ? result.fieldErrors : {}) as Record<string, string[] | undefined>;
  const pe = (result?.form === "plans" ? result.fieldErrors : {}) as Record<string, string[] | undefined>;
  const pv = (result && "values" in result ? (result.values as typeof plans | null) : null) ?? plans;
  const planField = (name: keyof typeof plans, label: string, hint?: string, inputMode: "decimal" | "numeric" = "numeric") => (
    <label className="text-sm font-medium text-slate-700">
      {label}
      <input
        name={name}
        inputMode={inputMode}
        defaultValue={String(pv[name])}
        aria-invalid={pe[name] ? true : undefined}
        aria-describedby={pe[name] ? `plans-${name}-error` : undefined}
        className={pe[name] ? input.replace("ring-slate-300", "ring-rose-400") : input}
      />
      {hint && !pe[name] ? <span className="mt-1 block text-xs font-normal text-slate-500">{hint}</span> : null}
      {pe[name] ? (
        <span id={`plans-${name}-error`} className="mt-1 block font-normal text-rose-700">
          {pe[name]?.join(" ")}
        </span>
      ) : null}
    </label>
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <BusinessSection profile={profile} timeZones={timeZones} currency={currency} />
      <PaymentProviderCard checks={provider.checks} webhookUrl={provider.webhookUrl} events={provider.events} />
      <Card className="p-5">
        <h2 className="font-semibold">Early-pay discount</h2>
        <p className="mt-1 text-sm text-slate-500">Reward clients who pay early, e.g. &ldquo;2/10 net 30&rdquo;: 2% off when paid within 10 days of the invoice date. Granted only with a payment made in time, once per invoice.</p>
        <Form method="post" className="mt-4 grid gap-4 sm:grid-cols-2" noValidate aria-label="Early-pay discount">
          <input type="hidden" name="intent" value="discount" />
          <label className="flex items-center gap-2 text-sm font-medium text-slate-700 sm:col-span-2">
            <input type="checkbox" name="enabled" defaultChecked={policy.enabled} className="h-4 w-4 rounded border-slate-300 text-teal-700" /> Offer an early-pay discount
          </label>
          <label className="text-sm font-medium text-slate-700">
            Discount type
            <select name="kind" defaultValue={policy.kind} className={input}>
              <option value="PERCENT">Percentage of the balance</option>
              <option value="FIXED">Fixed amount</option>
            </select>
          </label>
          <label className="text-sm font-medium text-slate-700">
            Window (days from the invoice date)
            <input name="windowDays" type="number" defaultValue={policy.windowDays} className={input} />
            {e.windowDays ? <span className="mt-1 block text-rose-700">{e.windowDays.join(" ")}</span> : null}
          </label>
          <label className="text-sm font-medium text-slate-700">
            Percentage (%)
            <input name="percent" inputMode="decimal" defaultValue={policy.percent} className={input} />
            {e.percent ? <span className="mt-1 block text-rose-700">{e.percent.join(" ")}</span> : null}
          </label>
          <label className="text-sm font-medium text-slate-700">
            Fixed amount ({symbol})
            <input name="amount" inputMode="decimal" defaultValue={policy.amount} className={input} />
            {e.amount ? <span className="mt-1 block text-rose-700">{e.amount.join(" ")}</span> : null}
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="achOnly" defaultChecked={policy.achOnly} className="h-4 w-4 rounded border-slate-300 text-teal-700" /> Only for bank (ACH) payments
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="combinesWithPlan" defaultChecked={policy.combinesWithPlan} className="h-4 w-4 rounded border-slate-300 text-teal-700" /> Also with a payment plan
          </label>
          <div className="sm:col-span-2">
            <Button type="submit" disabled={busy}>
              Save discount
            </Button>
            {result?.form === "discount" && result.message ? <span className="ml-3 text-sm text-emerald-700">{result.message}</span> : null}
          </div>
        </Form>
      </Card>

      <Card className="p-5">
        <h2 className="font-semibold">Late fees</h2>
        <p className="mt-1 text-sm text-slate-500">Off by default. Check your local law before charging them. Each fee is its own line on the invoice, explained to the customer, and you can waive any fee with a reason.</p>
        <Form method="post" className="mt-4 grid gap-4 sm:grid-cols-2" noValidate aria-label="Late fees">
          <input type="hidden" name="intent" value="late-fees" />
          <label className="flex items-center gap-2 text-sm font-medium text-slate-700 sm:col-span-2">
            <input type="checkbox" name="enabled" defaultChecked={fees.enabled} className="h-4 w-4 rounded border-slate-300 text-teal-700" /> Charge late fees
          </label>
          <label className="text-sm font-medium text-slate-700">
            Grace period (days after the due date)
            <input name="graceDays" type="number" defaultValue={fees.graceDays} className={input} />
            {f.graceDays ? <span className="mt-1 block text-rose-700">{f.graceDays.join(" ")}</span> : null}
          </label>
          <div />
          <label className="text-sm font-medium text-slate-700">
            Cap per invoice ({symbol})
            <input name="capAmount" inputMode="decimal" defaultValue={fees.capAmount} className={input} />
            {f.capAmount ? <span className="mt-1 block text-rose-700">{f.capAmount.join(" ")}</span> : null}
          </label>
          <label className="text-sm font-medium text-slate-700">
            Cap per invoice (% of principal)
            <input name="capPercent" inputMode="decimal" defaultValue={fees.capPercent} className={input} />
            {f.capPercent ? <span className="mt-1 block text-rose-700">{f.capPercent.join(" ")}</span> : null}
          </label>
          {fees.tiers.map((t) => (
            <fieldset key={t.id} className="grid grid-cols-2 gap-3 sm:col-span-2">
              <legend className="text-sm font-semibold text-slate-700">Fee at {t.name}</legend>
              <label className="text-sm text-slate-700">
                Fixed ({symbol})
                <input name={`fixed_${t.id}`} inputMode="decimal" defaultValue={t.fixed} className={input} />
                {f[`fixed_${t.id}`] ? <span className="mt-1 block text-rose-700">{f[`fixed_${t.id}`]?.join(" ")}</span> : null}
              </label>
              <label className="text-sm text-slate-700">
                Share of the overdue principal (%)
                <input name={`percent_${t.id}`} inputMode="decimal" defaultValue={t.percent} className={input} />
                {f[`percent_${t.id}`] ? <span className="mt-1 block text-rose-700">{f[`percent_${t.id}`]?.join(" ")}</span> : null}
              </label>
            </fieldset>
          ))}
          <div className="sm:col-span-2">
            <Button type="submit" disabled={busy}>
              Save late fees
            </Button>
            {result?.form === "fees" && result.message ? <span className="ml-3 text-sm text-emerald-700">{result.message}</span> : null}
          </div>
        </Form>
      </Card>

      <Card className="p-5">
        <h2 className="font-semibold">Payment plans</h2>
        <p className="mt-1 text-sm text-slate-500">
          Let customers split what they owe into instalments in the portal, within these rules. The first instalment is paid at once; the rest are charged automatically to the saved card or bank account, with a notice before each
          charge.
        </p>
        <Form method="post" className="mt-4 grid gap-4 sm:grid-cols-2" noValidate aria-label="Payment plans">
          <input type="hidden" name="intent" value="plans" />
          <label className="flex items-center gap-2 text-sm font-medium text-slate-700 sm:col-span-2">
            <input type="checkbox" name="enabled" defaultChecked={pv.enabled} className="h-4 w-4 rounded border-slate-300 text-teal-700" /> Offer payment plans in the portal
          </label>
          {planField("minBalance", `Minimum balance (${symbol})`, "Plans are offered from this balance up.", "decimal")}
          {planField("maxDurationDays", "Longest plan (days)")}
          {planField("minInstalments", "Fewest instalments")}
          {planField("maxInstalments", "Most instalments")}
          <fieldset className="sm:col-span-2" aria-describedby={pe.frequencies ? "plans-frequencies-error" : undefined}>
            <legend className="text-sm font-medium text-slate-700">Frequencies offered</legend>
            <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
              {FREQUENCIES.map(([value, label]) => (
                <label key={value} className="flex items-center gap-2 text-sm text-slate-700">
                  <input type="checkbox" name="frequencies" value={value} defaultChecked={pv.frequencies.includes(value)} className="h-4 w-4 rounded border-slate-300 text-teal-700" /> {label}
                </label>
              ))}
            </div>
            {pe.frequencies ? (
              <span id="plans-frequencies-error" className="mt-1 block text-sm text-rose-700">
                {pe.frequencies.join(" ")}
              </span>
            ) : null}
          </fieldset>
          {planField("minFirstPercent", "Minimum first payment (%)", "Of the plan total; leave empty for none.", "decimal")}
          {planField("minFirstAmount", `Minimum first payment (${symbol})`, "Leave empty for none.", "decimal")}
          {planField("fee", `Plan fee (${symbol})`, "Added to the plan total, at most 10% of the minimum balance.", "decimal")}
          {planField("brokenPlanLockoutMonths", "Months after a broken plan", "A customer whose plan defaulted cannot start another online for this long (0 = no rule).")}
          {planField("retryAfterDays", "Days between retries")}
          {planField("maxRetries", "Retries", "Failed charges are retried this many times before the plan defaults.")}
          {planField("noticeDaysBefore", "Notice (days before a charge)")}
          <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
            <input type="checkbox" name="excludeRisky" defaultChecked={pv.excludeRisky} className="h-4 w-4 rounded border-slate-300 text-teal-700" /> Not for customers marked risky
          </label>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2 sm:col-span-2">
            <Button type="submit" disabled={busy}>
              Save plan rules
            </Button>
            {result?.form === "plans" && result.message ? (
              <span role="status" className="text-sm text-emerald-700">
                {result.message}
              </span>
            ) : null}
            {result?.form === "plans" && !result.message ? (
              <span role="alert" className="text-sm text-rose-700">
                Check the fields marked above: nothing was saved.
              </span>
            ) : null}
          </div>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

function BusinessSection({ profile, timeZones, currency }: { profile: Record<string, string>; timeZones: string[]; currency: string }) {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const mine = result?.form === "business";
  const errors = (mine ? result.fieldErrors : {}) as Record<string, string[] | undefined>;
  const typed = (mine && "typed" in result && result.typed ? result.typed : null) as Record<string, string> | null;
  const v = typed ?? profile;
  const field = (name: string, label: string, opts: { hint?: string; type?: string; inputMode?: "decimal" | "numeric" | "email" | "tel" | "url" } = {}) => (
    <label className="text-sm font-medium text-slate-700">
      {label}
      <input
        name={name}
        type={opts.type ?? "text"}
        inputMode={opts.inputMode}
        defaultValue={v[name] ?? ""}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `business-${name}-error` : undefined}
        className={errors[name] ? input.replace("ring-slate-300", "ring-rose-400") : input}
      />
      {opts.hint && !errors[name] ? <span className="mt-1 block text-xs font-normal text-slate-500">{opts.hint}</span> : null}
      {errors[name] ? (
        <span id={`business-${name}-error`} className="mt-1 block font-normal text-rose-700">
          {errors[name]?.join(" ")}
        </span>
      ) : null}
    </label>
  );
  return (
    <Card className="p-5">
      <h2 className="font-semibold">Business</h2>
      <p className="mt-1 text-sm text-slate-500">How your business appears in the portal and in emails, its time zone, and the payment options customers get.</p>
      <Form method="post" className="mt-4 grid gap-4 sm:grid-cols-2" noValidate aria-label="Business settings">
        <input type="hidden" name="intent" value="business" />
        {field("name", "Business name")}
        {field("phone", "Phone", { inputMode: "tel" })}
        {field("supportEmail", "Support email", { inputMode: "email", hint: "Where customers' replies and questions go." })}
        {field("fromEmail", "Send emails from", { inputMode: "email" })}
        <label className="text-sm font-medium text-slate-700 sm:col-span-2">
          Address
          <textarea name="address" rows={2} defaultValue={v.address ?? ""} className={errors.address ? input.replace("ring-slate-300", "ring-rose-400") : input} />
          {errors.address ? <span className="mt-1 block font-normal text-rose-700">{errors.address.join(" ")}</span> : <span className="mt-1 block text-xs font-normal text-slate-500">One line per row; shown on invoices and receipts.</span>}
        </label>
        {field("brandColor", "Brand colour", { hint: "The portal header and buttons in emails, like #0f766e." })}
        {field("logoUrl", "Logo address", { inputMode: "url", hint: "An https:// link to your logo, or leave empty." })}
        <label className="text-sm font-medium text-slate-700">
          Time zone
          <select name="timeZone" defaultValue={v.timeZone} className={errors.timeZone ? input.replace("ring-slate-300", "ring-rose-400") : input}>
            {timeZones.map((tz) => (
              <option key={tz} value={tz}>
                {tz.replace(/_/g, " ")}
              </option>
            ))}
          </select>
          {errors.timeZone ? <span className="mt-1 block font-normal text-rose-700">{errors.timeZone.join(" ")}</span> : <span className="mt-1 block text-xs font-normal text-slate-500">Due dates, discount deadlines and plan dates are days in this zone.</span>}
        </label>
        <label className="text-sm font-medium text-slate-700">
          Customers’ language
          <select name="language" defaultValue={v.language} className={errors.language ? input.replace("ring-slate-300", "ring-rose-400") : input}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l === "zh" ? "zh-CN" : l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
          {errors.language ? <span className="mt-1 block font-normal text-rose-700">{errors.language.join(" ")}</span> : <span className="mt-1 block text-xs font-normal text-slate-500">Portal, emails and PDFs for customers who have no language of their own; a customer can also choose theirs in the portal.</span>}
        </label>
        <div className="text-sm font-medium text-slate-700">
          Currency
          <p className="mt-1 rounded-lg bg-slate-50 px-3 py-2 font-normal text-slate-600 ring-1 ring-inset ring-slate-200">{currencyLabel(currency)}, chosen at setup.{" "}
            {currency === "USD" ? "Customers pay by card or US bank debit (ACH)." : "Customers pay by card: bank debit (ACH) is for US dollars only."}
          </p>
          <p className="mt-2 text-xs font-normal text-slate-500" data-testid="currency-rule">
            A customer can be billed in another currency (on their page). Every amount you set here, on late fees, early-pay discounts and payment plans is in{" "}
            {currency} and applies only to invoices in {currency}. On invoices in another currency, percentages still apply and fixed amounts do not: no fixed
            early-pay discount, no fixed tier fee, a late fee only with a percentage cap, and no plan fee, minimum balance or minimum first amount. Nothing is converted.
          </p>
        </div>
        {field("portalLinkTtlDays", "Portal links last (days)", { inputMode: "numeric", hint: "A customer's emailed link stops working after this many days; they can ask for a new one." })}
        {field("minPartialPayment", `Smallest part payment (${currencySymbol(currency)})`, { inputMode: "decimal", hint: "Leave empty to accept any amount." })}
        {field("cardSurcharge", "Card surcharge (%)", { inputMode: "decimal", hint: "Added to card payments, at most 3%. Shown before the customer chooses." })}
        {field("achDiscount", "Bank payment discount (%)", { inputMode: "decimal", hint: "Taken off bank (ACH) payments." })}
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <Button type="submit" disabled={busy}>
            Save business settings
          </Button>
          {mine && result.message ? (
            <p role="status" className="text-sm text-emerald-700">
              {result.message}
            </p>
          ) : null}
          {mine && !result.message ? (
            <p role="alert" className="text-sm text-rose-700">
              Check the fields marked above: nothing was saved.
            </p>
          ) : null}
        </div>
      </Form>
    </Card>
  );
}
