import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatusBadge } from "~/components/status-badge";
import { Card } from "~/components/ui/card";
import { dateInZone, formatDate, fromDbDate } from "~/modules/dates/calendar";
import { getCustomerInvoice } from "~/modules/invoices/invoices.server";
import { formatMoney } from "~/modules/money/money";
import { METHOD_LABELS } from "~/modules/payments/pricing";
import { requireCustomer } from "~/modules/portal-access/tokens.server";
import { today } from "~/utils/clock.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Invoice ${data.number}` : "Invoice" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { customer, business } = await requireCustomer(request);
  const found = await getCustomerInvoice(customer.id, params.id ?? "", today(business.timeZone));
  if (!found) throw new Response("Not found", { status: 404 });
  const { invoice, figures } = found;
  return json({
    id: invoice.id,
    number: invoice.number,
    currency: invoice.currency,
    issueDate: fromDbDate(invoice.issueDate),
    dueDate: fromDbDate(invoice.dueDate),
    memo: invoice.memo,
    lines: invoice.lines.map((l) => ({ id: l.id, description: l.description, quantity: l.quantityMilli / 1000, unitAmountCents: l.unitAmountCents, amountCents: l.amountCents })),
    payments: invoice.allocations
      .filter((a) => a.payment.status !== "PENDING" && a.payment.status !== "CANCELED")
      .map((a) => ({ id: a.payment.id, status: a.payment.status, amountCents: a.amountCents, method: a.payment.methodDetails ?? METHOD_LABELS[a.payment.method], receiptNumber: a.payment.receiptNumber, paidOn: dateInZone(a.payment.succeededAt ?? a.payment.createdAt, business.timeZone) })),
    discounts: invoice.discounts.filter((d) => d.status === "GRANTED").map((d) => ({ id: d.id, amountCents: d.amountCents })),
    fees: invoice.lateFees.map((f) => ({ id: f.id, description: f.description, amountCents: f.amountCents, waived: f.status === "WAIVED" })),
    adjustments: invoice.adjustments.map((a) => ({ id: a.id, kind: a.kind, amountCents: a.amountCents, reason: a.reason })),
    figures,
  });
}

export default function InvoicePage() {
  const inv = useLoaderData<typeof loader>();
  const money = (c: number) => formatMoney(c, inv.currency);
  const f = inv.figures;
  return (
    <div className="space-y-5">
      <Link to="/portal" className="text-sm font-medium text-teal-700 hover:text-teal-800">
        ← All invoices
      </Link>
      <Card className="p-5 sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Invoice {inv.number}</h1>
            <p className="mt-1 text-sm text-slate-500">
              Issued {formatDate(inv.issueDate)} · Due {formatDate(inv.dueDate)}
            </p>
          </div>
          <StatusBadge status={f.status} daysOverdue={f.daysOverdue} />
        </div>
        <div className="mt-5 flex flex-wrap items-end justify-between gap-4 rounded-lg bg-slate-50 p-4">
          <div>
            <p className="text-sm text-slate-500">{f.balanceCents > 0 ? "Balance due" : "Balance"}</p>
            <p className="text-3xl font-semibold tabular-nums">{money(f.balanceCents)}</p>
            {f.processingCents > 0 ? (
              <p className="mt-1 text-sm text-sky-800">
                {money(f.processingCents)} is on its way from your bank. Bank payments take up to 4 business days.
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-2">
            <a href={`/portal/invoices/${inv.id}.pdf`} className="rounded-lg px-4 py-2.5 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-white">
              Download PDF
            </a>
            {f.dueNowCents > 0 ? (
              <Link to={`/portal/pay?invoice=${inv.id}`} className="rounded-lg bg-teal-700 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-teal-800">
                Pay {money(f.dueNowCents)}
              </Link>
            ) : null}
          </div>
        </div>
      </Card>

      <Card>
        <table className="min-w-full text-sm">
          <caption className="sr-only">Invoice lines</caption>
          <thead className="text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr className="border-b border-slate-200">
              <th className="px-5 py-3">Description</th>
              <th className="px-5 py-3 text-right">Amount</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {inv.lines.map((l) => (
              <tr key={l.id}>
                <td className="px-5 py-3">
                  {l.description}
                  {l.quantity !== 1 ? <span className="block text-xs text-slate-500">{l.quantity} × {money(l.unitAmountCents)}</span> : null}
                </td>
                <td className="px-5 py-3 text-right tabular-nums">{money(l.amountCents)}</td>
              </tr>
            ))}
            {inv.fees.map((fee) => (
              <tr key={fee.id} className={fee.waived ? "text-slate-400 line-through" : ""}>
                <td className="px-5 py-3">
                  {fee.description}
                  <span className="block text-xs text-slate-500 no-underline">{fee.waived ? "Late fee, waived" : "Late fee"}</span>
                </td>
                <td className="px-5 py-3 text-right tabular-nums">{money(fee.amountCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-200">
            <tr>
              <th className="px-5 py-2 text-left font-medium">Total</th>
              <td className="px-5 py-2 text-right font-medium tabular-nums">{money(f.totalCents)}</td>
            </tr>
            {inv.payments.map((p) => (
              <tr key={p.id} className="text-slate-600">
                <th className="px-5 py-1 text-left font-normal">
                  {p.status === "SUCCEEDED" ? (
                    <Link to={`/portal/payments/${p.id}`} className="hover:underline">
                      Paid {formatDate(p.paidOn)} · {p.method}
                    </Link>
                  ) : (
                    <>
                      {p.status === "PROCESSING" ? "Processing" : "Failed"} · {p.method}
                    </>
                  )}
                </th>
                <td className={`px-5 py-1 text-right tabular-nums ${p.status === "FAILED" ? "line-through" : ""}`}>−{money(p.amountCents)}</td>
              </tr>
            ))}
            {inv.discounts.map((d) => (
              <tr key={d.id} className="text-slate-600">
                <th className="px-5 py-1 text-left font-normal">Early-payment discount</th>
                <td className="px-5 py-1 text-right tabular-nums">−{money(d.amountCents)}</td>
              </tr>
            ))}
            {inv.adjustments.map((a) => (
              <tr key={a.id} className="text-slate-600">
                <th className="px-5 py-1 text-left font-normal">
                  {a.kind === "CREDIT" ? "Credit" : "Written off"}: {a.reason}
                </th>
                <td className="px-5 py-1 text-right tabular-nums">−{money(a.amountCents)}</td>
              </tr>
            ))}
            <tr className="border-t border-slate-200">
              <th className="px-5 py-3 text-left font-semibold">Balance due</th>
              <td className="px-5 py-3 text-right font-semibold tabular-nums">{money(f.balanceCents)}</td>
            </tr>
          </tfoot>
        </table>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
