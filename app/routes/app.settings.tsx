import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { requireOwner } from "~/modules/auth/session.server";
import { DiscountPolicyForm, getDiscountPolicy, saveDiscountPolicy } from "~/modules/discounts/policy.server";
import { fieldErrorsOf } from "~/utils/forms";
import { getLateFeeSettings, LateFeeForm, saveLateFees } from "~/modules/fees/policy.server";

export const meta: MetaFunction = () => [{ title: "Settings · Duely" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireOwner(request);
  const p = await getDiscountPolicy(business.id);
  const fees = await getLateFeeSettings(business.id);
  return json({
    fees: {
      enabled: fees.policy.enabled,
      graceDays: fees.policy.graceDays,
      capAmount: fees.policy.capCents ? (fees.policy.capCents / 100).toFixed(2) : "",
      capPercent: fees.policy.capBps ? String(fees.policy.capBps / 100) : "",
      tiers: fees.tiers.map((t) => ({ id: t.id, name: t.name, fixed: t.lateFeeFixedCents ? (t.lateFeeFixedCents / 100).toFixed(2) : "", percent: t.lateFeeBps ? String(t.lateFeeBps / 100) : "" })),
    },
    policy: { enabled: p.enabled, kind: p.kind, percent: String(p.percentBps / 100), amount: (p.amountCents / 100).toFixed(2), windowDays: p.windowDays, achOnly: p.achOnly, combinesWithPlan: p.combinesWithPlan } });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, business } = await requireOwner(request);
  const values = Object.fromEntries(await request.formData());
  if (values.intent === "late-fees") {
    const parsedFees = LateFeeForm.safeParse(values);
    if (!parsedFees.success) return json({ form: "fees", fieldErrors: fieldErrorsOf(parsedFees.error.issues), message: null }, { status: 400 });
    const errors = await saveLateFees(business.id, user.id, parsedFees.data);
    if (errors) return json({ form: "fees", fieldErrors: errors, message: null }, { status: 400 });
    return json({ form: "fees", fieldErrors: {} as Record<string, string[]>, message: "Late fees saved." });
  }
  const parsed = DiscountPolicyForm.safeParse(values);
  if (!parsed.success) {
    return json({ form: "discount", fieldErrors: fieldErrorsOf(parsed.error.issues), message: null }, { status: 400 });
  }
  await saveDiscountPolicy(business.id, user.id, parsed.data);
  return json({ form: "discount", fieldErrors: {} as Record<string, string[]>, message: "Early-pay discount saved." });
}

const input = "mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600";

export default function Settings() {
  const { policy, fees } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const e = (result?.form === "discount" ? result.fieldErrors : {}) as Record<string, string[] | undefined>;
  const f = (result?.form === "fees" ? result.fieldErrors : {}) as Record<string, string[] | undefined>;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <Card className="p-5">
        <h2 className="font-semibold">Early-pay discount</h2>
        <p className="mt-1 text-sm text-slate-500">Reward clients who pay early, e.g. &ldquo;2/10 net 30&rdquo;: 2% off when paid within 10 days of the invoice date. Granted only with a payment made in time, once per invoice.</p>
        <Form method="post" className="mt-4 grid gap-4 sm:grid-cols-2" noValidate aria-label="Early-pay discount">
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
            Fixed amount ($)
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
            Cap per invoice ($)
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
                Fixed ($)
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
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
