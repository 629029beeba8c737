import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card } from "~/components/ui/card";
import { requireOwner } from "~/modules/auth/session.server";
import { formatInstant } from "~/modules/dates/calendar";
import { formatMoney } from "~/modules/money/money";
import { listBusinessPayments } from "~/modules/payments/history.server";
import { METHOD_LABELS } from "~/modules/payments/pricing";

export const meta: MetaFunction = () => [{ title: "Payments · Duely" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireOwner(request);
  const payments = await listBusinessPayments(business.id);
  return json({
    currency: business.currency,
    timeZone: business.timeZone,
    payments: payments.map((p) => ({
      id: p.id,
      status: p.returnedAt ? "RETURNED" : p.status,
      dispute: p.disputes.some((d) => d.status === "OPEN") ? "open" : p.disputes.some((d) => d.status === "LOST" && !d.inquiry) ? "lost" : null,
      method: p.methodDetails ?? METHOD_LABELS[p.method],
      amountCents: p.amountCents,
      receiptNumber: p.receiptNumber,
      failureMessage: p.failureMessage,
      createdAt: p.createdAt,
      customer: p.customer,
      invoices: p.allocations.map((a) => a.invoice.number),
      refundedCents: p.refunds.filter((r) => r.status === "SUCCEEDED").reduce((s, r) => s + r.amountCents, 0),
      refundPending: p.refunds.some((r) => r.status === "PENDING"),
    })),
  });
}

const STATUS: Record<string, { label: string; tone: string }> = {
  SUCCEEDED: { label: "Succeeded", tone: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  PROCESSING: { label: "Processing", tone: "bg-sky-50 text-sky-800 ring-sky-200" },
  FAILED: { label: "Failed", tone: "bg-rose-50 text-rose-800 ring-rose-200" },
  RETURNED: { label: "Returned by the bank", tone: "bg-rose-50 text-rose-800 ring-rose-200" },
  CANCELED: { label: "Cancelled", tone: "bg-slate-100 text-slate-600 ring-slate-200" },
};

export default function Payments() {
  const { payments, currency, timeZone } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Payments</h1>
      <Card>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-5 py-3">When</th>
                <th className="px-5 py-3">Customer</th>
                <th className="px-5 py-3">Invoices</th>
                <th className="px-5 py-3">Method</th>
                <th className="px-5 py-3 text-right">Amount</th>
                <th className="px-5 py-3">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {payments.map((p) => (
                <tr key={p.id}>
                  <td className="whitespace-nowrap px-5 py-3 text-slate-600">
                    <Link to={`/app/payments/${p.id}`} className="font-medium text-teal-800 hover:underline">
                      {formatInstant(new Date(p.createdAt), timeZone)}
                    </Link>
                    {p.receiptNumber ? <span className="block text-xs text-slate-500">{p.receiptNumber}</span> : null}
                  </td>
                  <td className="px-5 py-3">
                    <Link to={`/app/customers/${p.customer.id}`} className="font-medium text-teal-800 hover:underline">
                      {p.customer.name}
                    </Link>
                  </td>
                  <td className="px-5 py-3">{p.invoices.join(", ")}</td>
                  <td className="px-5 py-3">{p.method}</td>
                  <td className="whitespace-nowrap px-5 py-3 text-right tabular-nums">{formatMoney(p.amountCents, currency)}</td>
                  <td className="px-5 py-3">
                    <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS[p.status]?.tone ?? ""}`}>{STATUS[p.status]?.label ?? p.status}</span>
                    {p.dispute === "open" ? <span className="status-badge ml-1 bg-orange-50 text-orange-900 ring-orange-300">Disputed</span> : null}
                    {p.dispute === "lost" ? <span className="block text-xs text-rose-700">Charged back</span> : null}
                    {p.failureMessage && (p.status === "FAILED" || p.status === "RETURNED") ? <span className="block text-xs text-rose-700">{p.failureMessage}</span> : null}
                    {p.refundedCents > 0 ? <span className="block text-xs text-slate-600">Refunded {formatMoney(p.refundedCents, currency)}</span> : null}
                    {p.refundPending ? <span className="block text-xs text-amber-700">Refund pending</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {payments.length === 0 ? <p className="px-5 py-6 text-sm text-slate-500">No payments yet.</p> : null}
        </div>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
