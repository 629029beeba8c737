import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { metaTitle, useT } from "~/components/i18n";
import { portalTranslation } from "~/modules/i18n/locale.server";
import type { MessageKey } from "~/modules/i18n/messages/en";
import { translateRefusal } from "~/modules/i18n/refusal";
import { CLEARING_BUSINESS_DAYS, methodsFor, type OnlineMethod } from "~/modules/payments/pricing";
import { PlanInputError, startPlan } from "~/modules/plans/plans.server";
import { planQuote } from "~/modules/plans/portal.server";
import { buildSchedule, oddCentsNote, PlanRuleError, type Frequency } from "~/modules/plans/schedule";
import { instalmentCharge, termsTextFor } from "~/modules/plans/terms";
import { requireCustomer } from "~/modules/portal-access/tokens.server";
import { fieldErrorsOf } from "~/utils/forms";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, "plan.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { customer } = await requireCustomer(request, context);
  const quote = await planQuote(customer.id, new URL(request.url).searchParams.getAll("invoice"));
  if (quote.invoices.length === 0) throw redirect("/portal");
  return json(quote);
}

const PlanForm = z.object({
  invoice: z.array(z.string().min(1)).min(1, "plan.error.chooseInvoice"),
  count: z.coerce.number({ message: "plan.error.chooseCount" }).int("plan.error.chooseCount"),
  frequency: z.enum(["WEEKLY", "BIWEEKLY", "MONTHLY"], { message: "plan.error.chooseFrequency" }),
  method: z.enum(["CARD", "US_BANK_ACCOUNT", "SEPA_DEBIT"], { message: "plan.error.chooseMethod" }),
  agree: z.literal("on", { message: "plan.error.agree" }),
});

export async function action({ request }: ActionFunctionArgs) {
  const { customer, business } = await requireCustomer(request);
  const { locale, t } = await portalTranslation(request, customer, business);
  const form = await readForm(request);
  const values = { invoice: form.getAll("invoice").map(String), count: String(form.get("count") ?? ""), frequency: String(form.get("frequency") ?? ""), method: String(form.get("method") ?? ""), agree: form.get("agree") ?? undefined };
  const parsed = PlanForm.safeParse(values);
  if (!parsed.success) return json({ fieldErrors: fieldErrorsOf(parsed.error.issues), formError: null, values }, { status: 400 });
  try {
    const { paymentId } = await startPlan({ customerId: customer.id, invoiceIds: parsed.data.invoice, count: parsed.data.count, frequency: parsed.data.frequency, method: parsed.data.method, locale });
    return redirect(`/portal/payments/${paymentId}`);
  } catch (error) {
    if (error instanceof PlanInputError) return json({ fieldErrors: {}, formError: error.translate(t), values }, { status: 400 });
    throw error;
  }
}

export default function PayOverTime() {
  const q = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const tr = useT();
  const { t, tx, date, money: format } = tr;
  const money = (c: number) => format(c, q.currency);
  const errors = actionData?.fieldErrors as Record<string, string[] | undefined> | undefined;
  const frequencies = q.rules.frequencies as Frequency[];
  const counts = Array.from({ length: Math.max(0, q.rules.maxInstalments - q.rules.minInstalments + 1) }, (_, i) => q.rules.minInstalments + i);
  const [count, setCount] = useState<number>(Number(actionData?.values.count) || Math.min(3, q.rules.maxInstalments));
  const [frequency, setFrequency] = useState<Frequency>((actionData?.values.frequency as Frequency) || (frequencies.includes("MONTHLY") ? "MONTHLY" : frequencies[0]!) || "MONTHLY");
  const [method, setMethod] = useState<OnlineMethod>((actionData?.values.method as OnlineMethod) || "CARD");
  // What the customer chose before hydration is the state to start from: React keeps neither a select's value
  // nor a radio's check that it did not set, so without this the fields (and what is sent) went back silently.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const chosen = new FormData(form);
    const typedCount = Number(chosen.get("count"));
    if (counts.includes(typedCount)) setCount(typedCount);
    const typedFrequency = chosen.get("frequency");
    if (frequencies.includes(typedFrequency as Frequency)) setFrequency(typedFrequency as Frequency);
    const typedMethod = chosen.get("method") as OnlineMethod | null;
    if (typedMethod && methodsFor(q.currency).includes(typedMethod)) setMethod(typedMethod);
    // Only once, on hydration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!q.allowed) {
    return (
      <div className="space-y-5">
        <Link to="/portal" className="text-sm font-medium text-teal-700 hover:text-teal-800">
          {t("plan.back")}
        </Link>
        <Card className="p-6">
          <h1 className="text-2xl font-semibold tracking-tight">{t("plan.heading")}</h1>
          <p className="mt-2 text-slate-700" role="alert">
            {q.refusal ? translateRefusal(tr, q.refusal) : null}
          </p>
          <Link to={`/portal/pay?${q.invoices.map((i) => `invoice=${i.id}`).join("&")}`} className="mt-5 inline-block rounded-lg bg-teal-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-teal-800">
            {t("plan.payNowInstead")}
          </Link>
        </Card>
      </div>
    );
  }

  let schedule: ReturnType<typeof buildSchedule> | null = null;
  let scheduleError: string | null = null;
  try {
    schedule = buildSchedule(q.rules, q.principalCents[method], count, frequency, q.today, q.currency);
  } catch (error) {
    scheduleError = error instanceof PlanRuleError ? translateRefusal(tr, error.refusal) : t("plan.cannotOffer");
  }
  const charges = schedule ? schedule.instalments.map((i) => ({ ...i, charge: instalmentCharge(i, method, q.pricing) })) : [];
  const total = charges.reduce((s, c) => s + c.charge.totalCents, 0);
  const oddNote = schedule ? oddCentsNote(schedule, q.currency) : null;
  const odd = oddNote ? translateRefusal(tr, oddNote) : null;
  const terms = schedule ? termsTextFor({ businessName: q.businessName, schedule, method, currency: q.currency, pricing: q.pricing }, tr) : null;
  const first = charges[0];

  return (
    <div className="space-y-5">
      <Link to="/portal" className="text-sm font-medium text-teal-700 hover:text-teal-800">
        {t("plan.back")}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("plan.heading")}</h1>
        <p className="mt-1 text-slate-600">{t("plan.intro", { amount: money(q.dueCents) })}</p>
      </div>
      <Form ref={formRef} method="post" className="space-y-5" noValidate>
        <Card>
          <ul className="divide-y divide-slate-100">
            {q.invoices.map((i) => (
              <li key={i.id} className="flex items-center justify-between px-5 py-3 text-sm">
                <input type="hidden" name="invoice" value={i.id} />
                <span>
                  <span className="font-medium">{i.number}</span>
                  <span className={`block text-xs ${i.overdue ? "text-rose-700" : "text-slate-500"}`}>
                    {t(i.overdue ? "plan.overdueSince" : "plan.due", { date: date(i.dueDate) })}
                  </span>
                </span>
                <span className="tabular-nums">{money(i.dueNowCents)}</span>
              </li>
            ))}
            {q.discountCents[method] > 0 ? (
              <li className="flex items-center justify-between px-5 py-3 text-sm text-emerald-800">
                <span>{t("plan.discountKept")}</span>
                <span className="tabular-nums">-{money(q.discountCents[method])}</span>
              </li>
            ) : null}
          </ul>
        </Card>

        <div className="grid gap-4 sm:grid-cols-2">
          <label className="block text-sm font-semibold text-slate-700">
            {t("plan.count")}
            <select
              name="count"
              value={count}
              onChange={(e) => setCount(Number(e.target.value))}
              className="mt-1 block w-full rounded-md border-0 py-2 ps-3 pe-8 font-normal ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600"
            >
              {counts.map((n) => (
                <option key={n} value={n}>
                  {t("plan.countOption", { count: n })}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-semibold text-slate-700">
            {t("plan.frequency")}
            <select
              name="frequency"
              value={frequency}
              onChange={(e) => setFrequency(e.target.value as Frequency)}
              className="mt-1 block w-full rounded-md border-0 py-2 ps-3 pe-8 font-normal ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600"
            >
              {frequencies.map((f) => (
                <option key={f} value={f}>
                  {t(`plan.frequency.${f}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
        </div>

        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-semibold text-slate-700">{t("plan.with")}</legend>
          {(
            [
              { value: "CARD", title: t("plan.card"), note: t("plan.cardNote") },
              { value: "US_BANK_ACCOUNT", title: t("plan.ach"), note: t("plan.achNote") },
              { value: "SEPA_DEBIT", title: t("method.SEPA_DEBIT"), note: t("sepa.planMethodNote", { days: CLEARING_BUSINESS_DAYS.SEPA_DEBIT }) },
            ] as const
          ).filter((m) => methodsFor(q.currency).includes(m.value)).map((m) => (
            <label key={m.value} className="flex items-start gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-teal-600">
              <input type="radio" name="method" value={m.value} checked={method === m.value} onChange={() => setMethod(m.value)} className="mt-1 h-4 w-4 text-teal-700" />
              <span className="flex-1">
                <span className="font-medium">{m.title}</span>
                <span className="block text-xs text-slate-500">{m.note}</span>
              </span>
            </label>
          ))}
        </fieldset>

        <section aria-labelledby="schedule-heading" aria-live="polite">
          <h2 id="schedule-heading" className="mb-2 text-sm font-semibold text-slate-700">
            {t("plan.schedule")}
          </h2>
          {scheduleError ? (
            <p role="alert" className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
              {scheduleError}
            </p>
          ) : (
            <Card>
              <table className="w-full text-sm" data-testid="plan-schedule">
                <thead>
                  <tr className="border-b border-slate-100 text-start text-xs uppercase tracking-wide text-slate-500">
                    <th className="px-5 py-2 font-medium">#</th>
                    <th className="px-2 py-2 font-medium">{t("plan.date")}</th>
                    <th className="px-5 py-2 text-end font-medium">{t("plan.amount")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {charges.map((c) => (
                    <tr key={c.sequence}>
                      <td className="px-5 py-2.5 text-slate-500">{c.sequence}</td>
                      <td className="px-2 py-2.5">
                        {c.sequence === 1 ? <span className="font-semibold">{t("plan.today", { date: date(c.dueDate, "long") })}</span> : date(c.dueDate, "long")}
                        {c.charge.feeCents > 0 ? <span className="block text-xs text-slate-500">{t("plan.includesFee", { amount: money(c.charge.feeCents) })}</span> : null}
                        {c.charge.adjustmentCents > 0 ? <span className="block text-xs text-slate-500">{t("plan.includesCardFee", { amount: money(c.charge.adjustmentCents) })}</span> : null}
                        {c.charge.adjustmentCents < 0 ? <span className="block text-xs text-emerald-700">{t("plan.bankDiscount", { amount: money(-c.charge.adjustmentCents) })}</span> : null}
                      </td>
                      <td className="px-5 py-2.5 text-end font-medium tabular-nums">{money(c.charge.totalCents)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="border-t border-slate-200 font-semibold">
                    <td className="px-5 py-2.5" colSpan={2}>
                      {t("plan.total")}
                    </td>
                    <td className="px-5 py-2.5 text-end tabular-nums">{money(total)}</td>
                  </tr>
                </tfoot>
              </table>
              <div className="space-y-1 border-t border-slate-100 px-5 py-3 text-xs text-slate-600">
                {odd ? <p>{odd}</p> : null}
                {schedule && schedule.feeCents > 0 ? <p>{t("plan.feeNote", { amount: money(schedule.feeCents) })}</p> : null}
                <p>{t("plan.timeZone", { business: q.businessName, zone: q.timeZone.replace(/_/g, " ") })}</p>
              </div>
            </Card>
          )}
        </section>

        {terms ? (
          <label className="flex items-start gap-3 rounded-lg bg-white p-4 text-sm text-slate-700 ring-1 ring-slate-200">
            <input type="checkbox" name="agree" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-teal-700" aria-invalid={errors?.agree ? true : undefined} aria-describedby={errors?.agree ? "agree-error" : undefined} />
            <span>
              <span className="font-medium">{t("plan.agree")}</span> {terms}
              {errors?.agree ? (
                <span id="agree-error" className="block text-rose-700">
                  {errors.agree.map(tx).join(" ")}
                </span>
              ) : null}
            </span>
          </label>
        ) : null}

        {actionData?.formError ? (
          <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
            {actionData.formError}
          </p>
        ) : null}
        {errors && Object.keys(errors).some((k) => k !== "agree") ? (
          <p role="alert" className="text-sm text-rose-700">
            {Object.entries(errors)
              .filter(([k]) => k !== "agree")
              .flatMap(([, v]) => (v ?? []).map(tx))
              .join(" ")}
          </p>
        ) : null}

        <Button type="submit" className="w-full" disabled={busy || !schedule}>
          {busy ? t("plan.busy") : first ? t("plan.agreeAndPay", { amount: money(first.charge.totalCents) }) : t("plan.agreeAndPayToday")}
        </Button>
        <p className="text-center text-xs text-slate-500">{t("plan.nextPage")}</p>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
