import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { EarlyPayNote } from "~/components/early-pay-note";
import { Button } from "~/components/ui/button";
import { earlyPayOffers } from "~/modules/discounts/offers.server";
import { openSettlement } from "~/modules/settlements/settlements.server";
import { makePromise, PromiseInputError } from "~/modules/reminders/promises.server";
import { invoiceConversation } from "~/modules/reminders/portal-view.server";
import { QUESTION_REASONS } from "~/modules/reminders/question-reasons";
import { askQuestion } from "~/modules/reminders/questions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatusBadge } from "~/components/status-badge";
import { Card } from "~/components/ui/card";
import { dateInZone, fromDbDate } from "~/modules/dates/calendar";
import { getCustomerInvoice } from "~/modules/invoices/invoices.server";
import { metaTitle, useT } from "~/components/i18n";
import { portalTranslation } from "~/modules/i18n/locale.server";
import type { MessageKey } from "~/modules/i18n/messages/en";
import { paymentMethodText } from "~/modules/payments/method-text";
import { canOfferPlan, currentPlanOf } from "~/modules/plans/portal.server";
import { creditNotesOf } from "~/modules/credit-notes/credit-notes.server";
import { requireCustomer } from "~/modules/portal-access/tokens.server";
import { fieldErrorsOf } from "~/utils/forms";
import { today } from "~/utils/clock.server";
import { readForm, idParam } from "~/utils/request.server";
import { withoutScripts } from "~/utils/page-scripts";

// Links and forms only: the page is sent without JavaScript (docs/decisions/034-first-load.md).
export const handle = withoutScripts;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => metaTitle(matches, "invoice.title", { number: data?.number ?? "" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { customer, business } = await requireCustomer(request, context);
  const found = await getCustomerInvoice(customer.id, idParam(params), today(business.timeZone));
  if (!found) throw new Response("Not found", { status: 404 });
  const { invoice, figures } = found;
  const offer = (await earlyPayOffers(business.id, [{ id: invoice.id, dueNowCents: figures.dueNowCents }], today(business.timeZone)))[invoice.id] ?? null;
  const settlement = await openSettlement(customer.id, invoice.id, today(business.timeZone));
  const currentPlan = await currentPlanOf(customer.id, invoice.id);
  const offerPlan = !currentPlan && figures.dueNowCents > 0 && (await canOfferPlan(customer.id, [invoice.id], { ...customer, business }));
  const conversation = await invoiceConversation(customer.id, invoice.id, today(business.timeZone), business.promiseMaxDays);
  const creditNotes = new Map((await creditNotesOf(invoice.id, { customerId: customer.id })).map((n) => [n.adjustmentId, n]));
  return json({
    ...conversation,
    planId: currentPlan?.planId ?? null,
    offerPlan,
    offer,
    settlement,
    id: invoice.id,
    number: invoice.number,
    currency: invoice.currency,
    issueDate: fromDbDate(invoice.issueDate),
    dueDate: fromDbDate(invoice.dueDate),
    memo: invoice.memo,
    lines: invoice.lines.map((l) => ({ id: l.id, description: l.description, quantity: l.quantityMilli / 1000, unitAmountCents: l.unitAmountCents, amountCents: l.amountCents })),
    payments: invoice.allocations
      .filter((a) => a.payment.status !== "PENDING" && a.payment.status !== "CANCELED")
      .map((a) => ({ id: a.payment.id, status: a.payment.status, amountCents: a.amountCents, method: a.payment.method, methodDetails: a.payment.methodDetails, receiptNumber: a.payment.receiptNumber, paidOn: dateInZone(a.payment.succeededAt ?? a.payment.createdAt, business.timeZone) })),
    discounts: invoice.discounts.filter((d) => d.status === "GRANTED").map((d) => ({ id: d.id, amountCents: d.amountCents })),
    fees: invoice.lateFees.map((f) => ({ id: f.id, description: f.description, amountCents: f.amountCents, waived: f.status === "WAIVED" })),
    // Credits by credit note number (with its PDF). Why the owner wrote an invoice off is theirs: the customer sees only that it was.
    adjustments: invoice.adjustments.map((a) => {
      const note = creditNotes.get(a.id);
      return {
        id: a.id,
        kind: a.kind,
        amountCents: a.amountCents,
        reason: note ? note.reason : a.kind === "WRITE_OFF" && !a.settlementOfferId ? null : a.reason,
        creditNote: note ? { id: note.id, number: note.number } : null,
      };
    }),
    // Money given back adds to what is owed again (a refund settled as a credit also shows its credit below).
    refunds: invoice.refundAllocations
      .filter((r) => r.refund.status === "SUCCEEDED" && r.refund.succeededAt)
      .map((r) => ({ id: r.id, amountCents: r.amountCents, reason: r.refund.reason, on: dateInZone(r.refund.succeededAt!, business.timeZone) })),
    figures,
  });
}

const InvoiceAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("promise"), promisedFor: z.string().min(1, "promise.dateRequired") }),
  z.object({
    intent: z.literal("question"),
    reason: z.enum(["NOT_RECEIVED", "AMOUNT_WRONG", "NEED_COPY", "OTHER"], { message: "question.reasonRequired" }),
    message: z.string().trim().min(5, "question.tooShort").max(2000, "question.tooLong"),
  }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { customer, business } = await requireCustomer(request);
  const parsed = InvoiceAction.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error.issues);
    return json({ fieldErrors, done: null }, { status: 400 });
  }
  if (parsed.data.intent === "promise") {
    try {
      await makePromise(customer.id, [idParam(params)], parsed.data.promisedFor);
    } catch (error) {
      if (error instanceof PromiseInputError) {
        const { t } = await portalTranslation(request, customer, business);
        return json({ fieldErrors: { promisedFor: [error.translate(t)] }, done: null }, { status: 400 });
      }
      throw error;
    }
    return redirect(`/portal/invoices/${params.id}?done=promise`);
  }
  await askQuestion(customer.id, idParam(params), parsed.data.reason, parsed.data.message);
  return redirect(`/portal/invoices/${params.id}?done=question`);
}

export default function InvoicePage() {
  const inv = useLoaderData<typeof loader>();
  const { t, date, money: format } = useT();
  const money = (c: number) => format(c, inv.currency);
  const f = inv.figures;
  return (
    <div className="space-y-5">
      <Link to="/portal" className="text-sm font-medium text-teal-700 hover:text-teal-800">
        {t("invoice.allInvoices")}
      </Link>
      <Card className="p-5 sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">{t("invoice.heading", { number: inv.number })}</h1>
            <p className="mt-1 text-sm text-slate-500">
              {t("invoice.dates", { issued: date(inv.issueDate), due: date(inv.dueDate) })}
            </p>
          </div>
          <StatusBadge status={f.status} daysOverdue={f.daysOverdue} />
        </div>
        <div className="mt-5 flex flex-wrap items-end justify-between gap-4 rounded-lg bg-slate-50 p-4">
          <div>
            <p className="text-sm text-slate-500">{t(f.balanceCents > 0 ? "invoice.balanceDue" : "invoice.balance")}</p>
            <p className="text-3xl font-semibold tabular-nums">{money(f.balanceCents)}</p>
            <EarlyPayNote offer={inv.offer} money={money} />
            {f.processingCents > 0 ? (
              <p className="mt-1 text-sm text-sky-800">
                {t("invoice.processing", { amount: money(f.processingCents) })}
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-2">
            <a href={`/portal/invoices/${inv.id}.pdf`} className="rounded-lg px-4 py-2.5 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-white">
              {t("invoice.pdf")}
            </a>
            {f.dueNowCents > 0 ? (
              <Link to={`/portal/pay?invoice=${inv.id}`} className="rounded-lg bg-teal-700 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-teal-800">
                {t("invoice.pay", { amount: money(f.dueNowCents) })}
              </Link>
            ) : null}
            {inv.offerPlan ? (
              <Link to={`/portal/plan?invoice=${inv.id}`} className="rounded-lg px-4 py-2.5 text-sm font-semibold text-teal-800 ring-1 ring-inset ring-teal-300 hover:bg-white">
                {t("invoice.payOverTime")}
              </Link>
            ) : null}
            {inv.planId ? (
              <Link to={`/portal/plans/${inv.planId}`} className="rounded-lg px-4 py-2.5 text-sm font-semibold text-teal-800 ring-1 ring-inset ring-teal-300 hover:bg-white">
                {t("invoice.seePlan")}
              </Link>
            ) : null}
          </div>
        </div>
      </Card>

      {inv.settlement ? (
        <Card className="p-5 ring-2 ring-emerald-600">
          <h2 className="font-semibold text-emerald-800">{t("invoice.settleHeading")}</h2>
          <p className="mt-1 text-sm text-slate-700">
            {t("invoice.settleBody", { amount: money(inv.settlement.amountCents), date: date(inv.settlement.expiresOn, "long"), forgiven: money(inv.figures.dueNowCents - inv.settlement.amountCents) })}
          </p>
          <Link to={`/portal/pay?invoice=${inv.id}&settlement=${inv.settlement.id}`} className="mt-3 inline-block rounded-lg bg-emerald-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-emerald-800">
            {t("invoice.settle", { amount: money(inv.settlement.amountCents) })}
          </Link>
        </Card>
      ) : null}
      <Card>
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("invoice.lines")}</caption>
          <thead className="text-start text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr className="border-b border-slate-200">
              <th className="px-5 py-3">{t("invoice.description")}</th>
              <th className="px-5 py-3 text-end">{t("invoice.amount")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {inv.lines.map((l) => (
              <tr key={l.id}>
                <td className="px-5 py-3">
                  {l.description}
                  {l.quantity !== 1 ? <span className="block text-xs text-slate-500">{t("invoice.quantity", { quantity: l.quantity, unit: money(l.unitAmountCents) })}</span> : null}
                </td>
                <td className="px-5 py-3 text-end tabular-nums">{money(l.amountCents)}</td>
              </tr>
            ))}
            {inv.fees.map((fee) => (
              <tr key={fee.id} className={fee.waived ? "text-slate-500 line-through" : ""}>
                <td className="px-5 py-3">
                  {fee.description}
                  <span className="block text-xs text-slate-500 no-underline">{t(fee.waived ? "invoice.lateFeeWaived" : "invoice.lateFee")}</span>
                </td>
                <td className="px-5 py-3 text-end tabular-nums">{money(fee.amountCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-200">
            <tr>
              <th className="px-5 py-2 text-start font-medium">{t("invoice.total")}</th>
              <td className="px-5 py-2 text-end font-medium tabular-nums">{money(f.totalCents)}</td>
            </tr>
            {inv.payments.map((p) => (
              <tr key={p.id} className="text-slate-600">
                <th className="px-5 py-1 text-start font-normal">
                  {p.status === "SUCCEEDED" ? (
                    <Link to={`/portal/payments/${p.id}`} className="hover:underline">
                      {t("invoice.paidOn", { date: date(p.paidOn), method: paymentMethodText(t, p) })}
                    </Link>
                  ) : (
                    t(p.status === "PROCESSING" ? "invoice.paymentProcessing" : "invoice.paymentFailed", { method: paymentMethodText(t, p) })
                  )}
                </th>
                <td className={`px-5 py-1 text-end tabular-nums ${p.status === "FAILED" ? "line-through" : ""}`}>−{money(p.amountCents)}</td>
              </tr>
            ))}
            {inv.refunds.map((r) => (
              <tr key={r.id} className="text-slate-600">
                <th className="px-5 py-1 text-start font-normal">
                  {t("invoice.refunded", { date: date(r.on), reason: r.reason })}
                </th>
                <td className="px-5 py-1 text-end tabular-nums">+{money(r.amountCents)}</td>
              </tr>
            ))}
            {inv.discounts.map((d) => (
              <tr key={d.id} className="text-slate-600">
                <th className="px-5 py-1 text-start font-normal">{t("invoice.earlyDiscount")}</th>
                <td className="px-5 py-1 text-end tabular-nums">−{money(d.amountCents)}</td>
              </tr>
            ))}
            {inv.adjustments.map((a) => (
              <tr key={a.id} className="text-slate-600">
                <th className="px-5 py-1 text-start font-normal">
                  {a.creditNote ? (
                    <a href={`/portal/credit-notes/${a.creditNote.id}.pdf`} className="hover:underline">
                      {a.reason ? t("invoice.withReason", { what: t("invoice.creditNote", { number: a.creditNote.number }), reason: a.reason }) : t("invoice.creditNote", { number: a.creditNote.number })}
                    </a>
                  ) : a.reason ? (
                    t("invoice.withReason", { what: t(a.kind === "CREDIT" ? "invoice.credit" : "invoice.writtenOff"), reason: a.reason })
                  ) : (
                    t(a.kind === "CREDIT" ? "invoice.credit" : "invoice.writtenOff")
                  )}
                </th>
                <td className="px-5 py-1 text-end tabular-nums">−{money(a.amountCents)}</td>
              </tr>
            ))}
            <tr className="border-t border-slate-200">
              <th className="px-5 py-3 text-start font-semibold">{t("invoice.balanceDue")}</th>
              <td className="px-5 py-3 text-end font-semibold tabular-nums">{money(f.balanceCents)}</td>
            </tr>
          </tfoot>
        </table>
      </Card>
      <Conversation />
    </div>
  );
}

function Conversation() {
  const inv = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = actionData?.fieldErrors as Record<string, string[] | undefined> | undefined;
  const { t, tx, date, money: format } = useT();
  const money = (c: number) => format(c, inv.currency);
  const hasOpenQuestion = inv.questions.some((q) => q.status !== "RESOLVED");
  return (
    <>
      {inv.promise ? (
        <Card className="p-5" aria-live="polite">
          <h2 className="font-semibold">{t("promise.heading")}</h2>
          <p className="mt-1 text-sm text-slate-600">
            {t("promise.made", { amount: money(inv.promise.amountCents), date: date(inv.promise.promisedFor, "long") })}
          </p>
        </Card>
      ) : inv.figures.dueNowCents > 0 ? (
        <Card className="p-5">
          <h2 className="font-semibold">{t("promise.ask")}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("promise.intro")}</p>
          <Form method="post" className="mt-3 flex flex-wrap items-end gap-3" noValidate>
            <input type="hidden" name="intent" value="promise" />
            <label className="text-sm font-medium text-slate-700">
              {t("promise.date")}
              <input
                type="date"
                name="promisedFor"
                min={inv.promiseWindow.min}
                max={inv.promiseWindow.max}
                aria-invalid={errors?.promisedFor ? true : undefined}
                className="mt-1 block rounded-lg border-0 px-3 py-2 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600"
              />
            </label>
            <Button type="submit" variant="secondary" disabled={busy}>
              {t("promise.submit")}
            </Button>
          </Form>
          {errors?.promisedFor ? (
            <p role="alert" className="mt-2 text-sm text-rose-700">
              {errors.promisedFor.map(tx).join(" ")}
            </p>
          ) : null}
        </Card>
      ) : null}

      <Card className="p-5">
        <h2 className="font-semibold">{t("question.heading")}</h2>
        {inv.questions.length === 0 ? <p className="mt-1 text-sm text-slate-600">{t("question.intro")}</p> : null}
        <ul className="mt-3 space-y-3">
          {inv.questions.map((q) => (
            <li key={q.id} className="rounded-lg bg-slate-50 p-3 text-sm">
              <p className="font-medium">{q.reason in QUESTION_REASONS ? t(`question.reason.${q.reason}` as MessageKey) : q.reason}</p>
              <p className="mt-1 text-slate-700">&ldquo;{q.message}&rdquo;</p>
              {q.answer ? <p className="mt-2 rounded-md bg-white p-2 text-slate-800 ring-1 ring-slate-200">{t("question.answer", { answer: q.answer })}</p> : <p className="mt-2 text-xs text-slate-500">{t("question.waiting")}</p>}
            </li>
          ))}
        </ul>
        {!hasOpenQuestion ? (
          <Form method="post" className="mt-4 space-y-3" noValidate>
            <input type="hidden" name="intent" value="question" />
            <label className="block text-sm font-medium text-slate-700">
              {t("question.about")}
              <select name="reason" defaultValue="" className="mt-1 block w-full rounded-lg border-0 px-3 py-2 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600">
                <option value="" disabled>
                  {t("question.choose")}
                </option>
                {Object.keys(QUESTION_REASONS).map((value) => (
                  <option key={value} value={value}>
                    {t(`question.reason.${value}` as MessageKey)}
                  </option>
                ))}
              </select>
            </label>
            {errors?.reason ? <p className="text-sm text-rose-700">{errors.reason.map(tx).join(" ")}</p> : null}
            <label className="block text-sm font-medium text-slate-700">
              {t("question.yours")}
              <textarea name="message" rows={3} className="mt-1 block w-full rounded-lg border-0 px-3 py-2 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600" />
            </label>
            {errors?.message ? <p className="text-sm text-rose-700">{errors.message.map(tx).join(" ")}</p> : null}
            <Button type="submit" variant="secondary" disabled={busy}>
              {t("question.submit")}
            </Button>
          </Form>
        ) : null}
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
