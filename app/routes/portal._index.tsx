import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatusBadge } from "~/components/status-badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { metaTitle, useT } from "~/components/i18n";
import type { MessageKey } from "~/modules/i18n/messages/en";
import { savedMethodText } from "~/modules/payments/method-text";
import { EarlyPayNote } from "~/components/early-pay-note";
import { loadPortalHome } from "~/modules/portal/home.server";
import { requireCustomer } from "~/modules/portal-access/tokens.server";
import { today } from "~/utils/clock.server";
import { withoutScripts } from "~/utils/page-scripts";

// Links and forms only: the page is sent without JavaScript (docs/decisions/034-first-load.md).
export const handle = withoutScripts;

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, "home.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { customer, business } = await requireCustomer(request, context);
  // A plain object, not json(): see the layout's loader.
  return loadPortalHome(customer, business, today(business.timeZone));
}

export default function PortalHome() {
  const { customerName, currency, totals, invoices, payments, offers, plans, planByInvoice, offerPlan } = useLoaderData<typeof loader>();
  const { t, date, money: format } = useT();
  const money = (cents: number, code = currency) => format(cents, code);
  const open = invoices.filter((i) => i.figures.balanceCents > 0);
  const payable = open.filter((i) => i.figures.dueNowCents > 0 && i.currency === currency);
  const settled = invoices.filter((i) => i.figures.balanceCents === 0);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">{t("home.hello", { name: customerName })}</p>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">{t("home.heading")}</h1>
          <a href="/portal/statement.pdf" className="rounded-lg px-3 py-2 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-white">
            {t("document.statementLink")}
          </a>
        </div>
      </div>
      <Card className="p-5 sm:p-6">
        <div className="grid gap-4 sm:grid-cols-3">
          <div>
            <p className="text-sm text-slate-500">{t("home.totalOwed")}</p>
            <p className="text-3xl font-semibold tabular-nums tracking-tight">{money(totals.outstandingCents)}</p>
          </div>
          <div>
            <p className="text-sm text-slate-500">{t("home.overdue")}</p>
            <p className={`text-xl font-semibold tabular-nums ${totals.overdueCents > 0 ? "text-rose-700" : ""}`}>{money(totals.overdueCents)}</p>
          </div>
          <div>
            <p className="text-sm text-slate-500">{t(totals.processingCents > 0 ? "home.processing" : "home.openInvoices")}</p>
            <p className="text-xl font-semibold tabular-nums">{totals.processingCents > 0 ? money(totals.processingCents) : totals.count}</p>
          </div>
        </div>
        {payable.length > 0 ? (
          <Form method="get" action="/portal/pay" className="mt-5">
            {payable.map((i) => (
              <input key={i.id} type="hidden" name="invoice" value={i.id} />
            ))}
            <div className="flex flex-col gap-2 sm:flex-row">
              <Button type="submit" className="w-full sm:w-auto">
                {t("home.payNow", { amount: money(payable.reduce((s, i) => s + i.figures.dueNowCents, 0)) })}
              </Button>
              {offerPlan ? (
                <Button type="submit" variant="secondary" formAction="/portal/plan" className="w-full sm:w-auto">
                  {t("home.payOverTime")}
                </Button>
              ) : null}
            </div>
          </Form>
        ) : null}
      </Card>

      {plans.length > 0 ? (
        <section aria-labelledby="plans-heading">
          <h2 id="plans-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
            {t("home.plans")}
          </h2>
          <ul className="space-y-3">
            {plans.map((p) => (
              <li key={p.id}>
                <Link to={`/portal/plans/${p.id}`} className="block">
                  <Card className="flex flex-wrap items-center justify-between gap-3 p-4 hover:ring-teal-300 sm:p-5">
                    <div>
                      <p className="font-semibold text-teal-800">
                        {t("home.planFor", { numbers: p.invoices.map((i) => i.number).join(", ") })}
                      </p>
                      <p className="mt-1 text-sm text-slate-600">
                        {t("home.planProgress", { paid: p.paidCount, count: p.instalmentCount, method: savedMethodText(t, p.savedMethod) })}
                      </p>
                    </div>
                    {p.next?.on ? (
                      <p className={`text-sm sm:text-right ${p.missed ? "text-rose-700" : "text-slate-700"}`}>
                        {t(p.missed ? "home.planMissed" : "home.planNext", { amount: money(p.next.amountCents) })}
                        <span className="block text-xs text-slate-500">{t("home.planOn", { date: date(p.next.on, "long") })}</span>
                      </p>
                    ) : null}
                  </Card>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="open-heading">
        <h2 id="open-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
          {t("home.toPay")}
        </h2>
        {open.length === 0 ? <Card className="p-6 text-slate-600">{t("home.allPaid")}</Card> : null}
        {open.length > 0 ? (
          <Form method="get" action="/portal/pay">
            <ul className="space-y-3">
              {open.map((invoice) => (
                <li key={invoice.id}>
                  <Card className="flex items-center gap-3 p-4 sm:p-5">
                    {invoice.figures.dueNowCents > 0 ? (
                      <input
                        type="checkbox"
                        name="invoice"
                        value={invoice.id}
                        defaultChecked
                        aria-label={t("home.include", { number: invoice.number })}
                        className="h-5 w-5 shrink-0 rounded border-slate-300 text-teal-700 focus:ring-teal-600"
                      />
                    ) : (
                      <span className="h-5 w-5 shrink-0" />
                    )}
                    <div className="flex min-w-0 flex-1 flex-wrap items-center justify-between gap-3">
                      <div className="min-w-0">
                        <div className="flex flex-wrap items-center gap-2">
                          <a href={`/portal/invoices/${invoice.id}`} data-discover="true" className="font-semibold text-teal-800 underline-offset-2 hover:underline">
                            {invoice.number}
                          </a>
                          <StatusBadge status={invoice.figures.status} daysOverdue={invoice.figures.daysOverdue} />
                          {planByInvoice[invoice.id] ? (
                            <a href={`/portal/plans/${planByInvoice[invoice.id]}`} data-discover="true" className="rounded-full bg-teal-50 px-2 py-0.5 text-xs font-medium text-teal-800 ring-1 ring-inset ring-teal-200">
                              {t("home.planBadge")}
                            </a>
                          ) : null}
                        </div>
                        <p className="mt-1 text-sm text-slate-500">{t("home.due", { date: date(invoice.dueDate) })}</p>
                        <EarlyPayNote offer={offers[invoice.id]} money={money} />
                      </div>
                      <div className="sm:text-right">
                        <p className="text-lg font-semibold tabular-nums">{money(invoice.figures.balanceCents, invoice.currency)}</p>
                        {invoice.figures.processingCents > 0 ? (
                          <p className="text-xs text-sky-700">{t("home.amountProcessing", { amount: money(invoice.figures.processingCents, invoice.currency) })}</p>
                        ) : invoice.figures.balanceCents !== invoice.figures.totalCents ? (
                          <p className="text-xs text-slate-500">{t("home.ofTotal", { amount: money(invoice.figures.totalCents, invoice.currency) })}</p>
                        ) : null}
                      </div>
                    </div>
                  </Card>
                </li>
              ))}
            </ul>
            {payable.length > 1 ? (
              <div className="mt-3 flex flex-wrap justify-end gap-2">
                {offerPlan ? (
                  <Button type="submit" variant="secondary" formAction="/portal/plan">
                    {t("home.paySelectedOverTime")}
                  </Button>
                ) : null}
                <Button type="submit" variant="secondary">
                  {t("home.paySelected")}
                </Button>
              </div>
            ) : null}
          </Form>
        ) : null}
      </section>

      {settled.length > 0 ? (
        <section aria-labelledby="paid-heading">
          <h2 id="paid-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
            {t("home.paid")}
          </h2>
          <Card>
            <ul className="divide-y divide-slate-100">
              {settled.map((invoice) => (
                <li key={invoice.id} className="list-row">
                  <a href={`/portal/invoices/${invoice.id}`} data-discover="true" className="row-link">
                    {invoice.number}
                  </a>
                  <span className="hidden text-slate-500 sm:inline">{t("home.issued", { date: date(invoice.issueDate) })}</span>
                  <span className="tabular-nums">{money(invoice.figures.totalCents, invoice.currency)}</span>
                  <StatusBadge status={invoice.figures.status} />
                </li>
              ))}
            </ul>
          </Card>
        </section>
      ) : null}

      {payments.length > 0 ? (
        <section aria-labelledby="payments-heading">
          <h2 id="payments-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
            {t("home.payments")}
          </h2>
          <Card>
            <ul className="divide-y divide-slate-100">
              {payments.map((p) => (
                <li key={p.id}>
                  <a href={`/portal/payments/${p.id}`} data-discover="true" className="list-row hover:bg-slate-50">
                    <span>
                      <span className="font-medium">{p.receiptNumber ?? t(`method.${p.method}` as MessageKey)}</span>
                      <span className="block text-xs text-slate-500">{p.invoiceNumbers.join(", ")}</span>
                    </span>
                    <span className="text-right">
                      <span className="block tabular-nums">{money(p.amountCents, p.currency)}</span>
                      <span className="block text-xs text-slate-500">
                        {p.returned
                          ? t("home.returned")
                          : p.chargedBack
                            ? t("home.chargedBack")
                            : p.refundedCents >= p.amountCents
                              ? t("home.refunded")
                              : p.refundedCents > 0
                                ? t("home.partlyRefunded", { amount: money(p.refundedCents, p.currency) })
                                : t(`payment.status.${p.status}` as MessageKey)}
                      </span>
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </Card>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
