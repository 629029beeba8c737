import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { metaTitle, useT } from "~/components/i18n";
import { portalTranslation } from "~/modules/i18n/locale.server";
import { moneyErrorText } from "~/modules/i18n/refusal";
import { listCustomerInvoices } from "~/modules/invoices/invoices.server";
import { amountExample, currencySymbol, formatDecimal, MoneyError, parseMoney } from "~/modules/money/money";
import { PaymentInputError, startPayment } from "~/modules/payments/checkout.server";
import { offerAppliesTo } from "~/modules/discounts/early-pay";
import { CLEARING_BUSINESS_DAYS, currencyOfInvoices, methodsFor, quoteMethod, type OnlineMethod } from "~/modules/payments/pricing";
import { earlyPayOffers } from "~/modules/discounts/offers.server";
import { openSettlement } from "~/modules/settlements/settlements.server";
import { requireCustomer } from "~/modules/portal-access/tokens.server";
import { fieldErrorsOf } from "~/utils/forms";
import { today } from "~/utils/clock.server";
import { readForm } from "~/utils/request.server";
import { useNonce } from "~/utils/nonce-provider";

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, "pay.title");

// Typing an amount chooses "part" before the page's scripts have loaded too (the page is often a document load now,
// docs/decisions/034-first-load.md): without it, an amount typed early was sent with "everything" still chosen.
// On window in the capture phase, beside the hydration guard (app/utils/hydration-guard.ts), which stops the event's
// propagation to the field until the page has hydrated.
const CHOOSE_PART_ON_INPUT = `window.addEventListener("input",function(e){if(e.target.id!=="otherAmount")return;var r=e.target.form.querySelector('input[name="amountChoice"][value="other"]');if(r)r.checked=true},true)`;

async function payableSelection(customerId: string, timeZone: string, requested: string[]) {
  const invoices = (await listCustomerInvoices(customerId, today(timeZone))).filter((i) => i.figures.dueNowCents > 0);
  return requested.length ? invoices.filter((i) => requested.includes(i.id)) : invoices;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { customer, business } = await requireCustomer(request, context);
  const url = new URL(request.url);
  const requested = url.searchParams.getAll("invoice");
  const selected = await payableSelection(customer.id, business.timeZone, requested);
  if (selected.length === 0) throw redirect("/portal");
  const settlementId = url.searchParams.get("settlement");
  const settlement = settlementId && selected.length === 1 ? await openSettlement(customer.id, selected[0]!.id, today(business.timeZone)) : null;
  if (settlementId && settlement?.id !== settlementId) throw redirect(`/portal/invoices/${selected[0]!.id}`);
  const totalCents = selected.reduce((s, i) => s + i.figures.dueNowCents, 0);
  const offers = await earlyPayOffers(business.id, selected.map((i) => ({ id: i.id, dueNowCents: i.figures.dueNowCents })), today(business.timeZone));
  return json({
    settlement,
    offers: settlement ? [] : selected.flatMap((i) => {
      const o = offers[i.id];
      return o ? [{ invoiceId: i.id, number: i.number, discountCents: o.discountCents, deadline: o.deadline, achOnly: o.achOnly }] : [];
    }),
    // The methods offered follow the currency of the invoices being paid.
    currency: currencyOfInvoices(selected, business.currency) ?? business.currency,
    invoices: selected.map((i) => ({ id: i.id, number: i.number, dueDate: i.dueDate, dueNowCents: i.figures.dueNowCents, overdue: i.figures.status === "OVERDUE" })),
    totalCents,
    minimumCents: business.minPartialPaymentCents,
    pricing: { cardSurchargeBps: business.cardSurchargeBps, achDiscountBps: business.achDiscountBps },
  });
}

const PayForm = z.object({
  invoice: z.array(z.string().min(1)).min(1, "pay.chooseInvoice"),
  amountChoice: z.enum(["full", "other"], { message: "pay.chooseAmount" }),
  otherAmount: z.string().optional(),
  method: z.enum(["CARD", "US_BANK_ACCOUNT", "SEPA_DEBIT"], { message: "pay.chooseMethod" }),
});

export async function action({ request }: ActionFunctionArgs) {
  const { customer, business } = await requireCustomer(request);
  const form = await readForm(request);
  const values = { invoice: form.getAll("invoice").map(String), amountChoice: form.get("amountChoice") ?? "full", otherAmount: String(form.get("otherAmount") ?? ""), method: form.get("method") };
  const settlementOfferId = form.get("settlementOfferId");
  const parsed = PayForm.safeParse(values);
  const fail = (fieldErrors: Record<string, string[]>, status = 400) => json({ fieldErrors, values: { ...values, method: String(values.method ?? "") } }, { status });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error.issues);
    return fail(fieldErrors);
  }
  const { t } = await portalTranslation(request, customer, business);
  let amountCents: number | null = null;
  if (parsed.data.amountChoice === "other") {
    try {
      amountCents = parseMoney(parsed.data.otherAmount ?? "", business.currency, t.tag);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      return fail({ otherAmount: [moneyErrorText(t, error, amountExample(business.currency, t.tag))] });
    }
  }
  try {
    const { paymentId } = await startPayment({
      customerId: customer.id,
      invoiceIds: parsed.data.invoice,
      amountCents,
      method: parsed.data.method,
      settlementOfferId: typeof settlementOfferId === "string" && settlementOfferId ? settlementOfferId : undefined,
    });
    return redirect(`/portal/payments/${paymentId}`);
  } catch (error) {
    if (error instanceof PaymentInputError) return fail({ otherAmount: [error.translate(t)] });
    throw error;
  }
}

export default function Pay() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t, tx, tag, date, money: format } = useT();
  const money = (c: number) => format(c, data.currency);
  const [choice, setChoice] = useState<string>(String(actionData?.values.amountChoice ?? "full"));
  const [other, setOther] = useState<string>(actionData?.values.otherAmount ?? "");
  const nonce = useNonce();
  // What was typed before hydration is the state to start from (React keeps the DOM's value but not its state).
  const otherRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const typed = otherRef.current?.value ?? "";
    if (typed !== "" && otherRef.current?.form?.querySelector<HTMLInputElement>('input[name="amountChoice"][value="other"]')?.checked) {
      setOther(typed);
      setChoice("other");
    }
  }, []);
  const errors = actionData?.fieldErrors;

  let principal = data.settlement ? data.settlement.amountCents : data.totalCents;
  if (choice === "other" && !data.settlement) {
    try {
      const parsed = parseMoney(other, data.currency, tag);
      principal = parsed > 0 && parsed <= data.totalCents ? parsed : data.totalCents;
    } catch {
      principal = data.totalCents;
    }
  }
  // Paying everything due in time earns the early-pay discounts (some only by bank); a part payment does not.
  const discountFor = (method: OnlineMethod) => (choice === "full" ? data.offers.filter((o) => offerAppliesTo(o, method)).reduce((s, o) => s + o.discountCents, 0) : 0);
  const quotes = {
    CARD: quoteMethod(principal - discountFor("CARD"), "CARD", data.pricing),
    US_BANK_ACCOUNT: quoteMethod(principal - discountFor("US_BANK_ACCOUNT"), "US_BANK_ACCOUNT", data.pricing),
    SEPA_DEBIT: quoteMethod(principal - discountFor("SEPA_DEBIT"), "SEPA_DEBIT", data.pricing),
  };
  const methods = (
    [
      { value: "CARD", title: t("pay.card"), note: t("pay.cardNote") },
      { value: "US_BANK_ACCOUNT", title: t("pay.ach"), note: t("pay.achNote") },
      { value: "SEPA_DEBIT", title: t("method.SEPA_DEBIT"), note: t("sepa.methodNote", { days: CLEARING_BUSINESS_DAYS.SEPA_DEBIT }) },
    ] as { value: OnlineMethod; title: string; note: string }[]
  ).filter((m) => methodsFor(data.currency).includes(m.value));

  return (
    <div className="space-y-5">
      <Link to="/portal" className="text-sm font-medium text-teal-700 hover:text-teal-800">
        {t("pay.back")}
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">{data.invoices.length === 1 ? t("pay.headingOne", { number: data.invoices[0]?.number }) : t("pay.headingMany", { count: data.invoices.length })}</h1>
      <Form method="post" className="space-y-5" noValidate>
        <Card>
          <ul className="divide-y divide-slate-100">
            {data.invoices.map((i) => (
              <li key={i.id} className="flex items-center justify-between px-5 py-3 text-sm">
                <input type="hidden" name="invoice" value={i.id} />
                <span>
                  <span className="font-medium">{i.number}</span>
                  <span className={`block text-xs ${i.overdue ? "text-rose-700" : "text-slate-500"}`}>
                    {t(i.overdue ? "pay.overdueSince" : "pay.due", { date: date(i.dueDate) })}
                  </span>
                </span>
                <span className="tabular-nums">{money(i.dueNowCents)}</span>
              </li>
            ))}
            {data.offers.map((o) => (
              <li key={o.invoiceId} className="flex items-center justify-between px-5 py-3 text-sm text-emerald-800">
                <span>
                  {t("pay.discountOn", { number: o.number })}
                  <span className="block text-xs">{t(o.achOnly ? "pay.discountTermsBank" : "pay.discountTerms", { date: date(o.deadline, "long") })}</span>
                </span>
                <span className="tabular-nums">-{money(o.discountCents)}</span>
              </li>
            ))}
            <li className="flex items-center justify-between px-5 py-3 font-semibold">
              <span>{t("pay.totalDue")}</span>
              <span className="tabular-nums">{money(data.totalCents)}</span>
            </li>
          </ul>
        </Card>

        {data.settlement ? (
          <Card className="p-4 ring-2 ring-emerald-600">
            <input type="hidden" name="settlementOfferId" value={data.settlement.id} />
            <input type="hidden" name="amountChoice" value="full" />
            <p className="font-semibold text-emerald-800">{t("pay.settlement")}</p>
            <p className="mt-1 text-sm text-slate-700">
              {t("pay.settlementBody", { amount: money(data.settlement.amountCents), date: date(data.settlement.expiresOn, "long"), forgiven: money(data.totalCents - data.settlement.amountCents) })}
            </p>
          </Card>
        ) : (
        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-semibold text-slate-700">{t("pay.howMuch")}</legend>
          <label className="flex items-center gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-teal-600">
            <input type="radio" name="amountChoice" value="full" checked={choice === "full"} onChange={() => setChoice("full")} className="h-4 w-4 text-teal-700" />
            <span className="flex-1 font-medium">{t("pay.everything")}</span>
            <span className="tabular-nums">{money(data.totalCents)}</span>
          </label>
          <label className="flex flex-wrap items-center gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-teal-600">
            <input type="radio" name="amountChoice" value="other" checked={choice === "other"} onChange={() => setChoice("other")} className="h-4 w-4 text-teal-700" />
            <span className="flex-1 font-medium">
              {t("pay.part")}
              {data.minimumCents > 0 ? <span className="block text-xs font-normal text-slate-500">{t("pay.atLeast", { amount: money(data.minimumCents) })}</span> : null}
            </span>
            <span className="flex items-center gap-1">
              <span className="text-slate-500" aria-hidden="true">
                {currencySymbol(data.currency)}
              </span>
              <input
                ref={otherRef}
                id="otherAmount"
                name="otherAmount"
                inputMode="decimal"
                aria-label={t("pay.amountLabel")}
                aria-invalid={errors?.otherAmount ? true : undefined}
                aria-describedby={errors?.otherAmount ? "otherAmount-error" : undefined}
                value={other}
                onChange={(e) => {
                  setOther(e.target.value);
                  setChoice("other");
                }}
                placeholder={formatDecimal(0, data.currency, tag)}
                className="w-32 rounded-md border-0 px-2 py-1.5 text-end tabular-nums ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600"
              />
            </span>
          </label>
          {errors?.otherAmount ? (
            <p id="otherAmount-error" role="alert" className="text-sm text-rose-700">
              {errors.otherAmount.map(tx).join(" ")}
            </p>
          ) : null}
          <script nonce={nonce} dangerouslySetInnerHTML={{ __html: CHOOSE_PART_ON_INPUT }} />
        </fieldset>
        )}
        {data.settlement && errors?.otherAmount ? (
          <p role="alert" className="text-sm text-rose-700">
            {errors.otherAmount.map(tx).join(" ")}
          </p>
        ) : null}

        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-semibold text-slate-700">{t("pay.with")}</legend>
          {methods.map((m) => {
            const q = quotes[m.value];
            return (
              <label key={m.value} className="flex items-start gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-teal-600">
                <input type="radio" name="method" value={m.value} defaultChecked={(actionData?.values.method || "CARD") === m.value} className="mt-1 h-4 w-4 text-teal-700" />
                <span className="flex-1">
                  <span className="font-medium">{m.title}</span>
                  <span className="block text-xs text-slate-500">{m.note}</span>
                  {discountFor(m.value) > 0 ? <span className="block text-xs text-emerald-700">{t("pay.includesDiscount", { amount: money(discountFor(m.value)) })}</span> : null}
                  {q.adjustmentCents !== 0 ? (
                    <span className={`block text-xs ${q.adjustmentCents < 0 ? "text-emerald-700" : "text-slate-600"}`}>
                      {q.adjustmentCents < 0 ? t("pay.youSave", { amount: money(-q.adjustmentCents) }) : t("pay.cardFee", { amount: money(q.adjustmentCents) })}
                    </span>
                  ) : null}
                </span>
                <span className="font-semibold tabular-nums" data-testid={`total-${m.value}`}>
                  {money(q.totalCents)}
                </span>
              </label>
            );
          })}
          {errors?.method ? <p className="text-sm text-rose-700">{errors.method.map(tx).join(" ")}</p> : null}
        </fieldset>

        <Button type="submit" className="w-full" disabled={busy}>
          {t(busy ? "pay.busy" : "pay.continue")}
        </Button>
        <p className="text-center text-xs text-slate-500">{t("pay.noChargeYet")}</p>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
