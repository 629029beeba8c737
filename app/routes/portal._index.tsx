import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatusBadge } from "~/components/status-badge";
import { Card } from "~/components/ui/card";
import { formatDate } from "~/modules/dates/calendar";
import { listCustomerInvoices, totalsOf } from "~/modules/invoices/invoices.server";
import { formatMoney } from "~/modules/money/money";
import { requireCustomer } from "~/modules/portal-access/tokens.server";
import { today } from "~/utils/clock.server";

export const meta: MetaFunction = () => [{ title: "Your invoices" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { customer, business } = await requireCustomer(request);
  const invoices = await listCustomerInvoices(customer.id, today(business.timeZone));
  return json({ customerName: customer.name, currency: business.currency, totals: totalsOf(invoices), invoices });
}

export default function PortalHome() {
  const { customerName, currency, totals, invoices } = useLoaderData<typeof loader>();
  const money = (cents: number) => formatMoney(cents, currency);
  const open = invoices.filter((i) => i.figures.balanceCents > 0);
  const settled = invoices.filter((i) => i.figures.balanceCents === 0);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">Hello {customerName}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Your account</h1>
      </div>
      <Card className="p-5 sm:p-6">
        <div className="grid gap-4 sm:grid-cols-3">
          <div>
            <p className="text-sm text-slate-500">Total owed</p>
            <p className="text-3xl font-semibold tabular-nums tracking-tight">{money(totals.outstandingCents)}</p>
          </div>
          <div>
            <p className="text-sm text-slate-500">Overdue</p>
            <p className={`text-xl font-semibold tabular-nums ${totals.overdueCents > 0 ? "text-rose-700" : ""}`}>{money(totals.overdueCents)}</p>
          </div>
          <div>
            <p className="text-sm text-slate-500">Open invoices</p>
            <p className="text-xl font-semibold tabular-nums">{totals.count}</p>
          </div>
        </div>
      </Card>

      <section aria-labelledby="open-heading">
        <h2 id="open-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
          To pay
        </h2>
        {open.length === 0 ? <Card className="p-6 text-slate-600">You are all paid up. Thank you!</Card> : null}
        <ul className="space-y-3">
          {open.map((invoice) => (
            <li key={invoice.id}>
              <Card className="flex flex-wrap items-center justify-between gap-3 p-4 sm:p-5">
                <div>
                  <div className="flex items-center gap-2">
                    <span className="font-semibold">{invoice.number}</span>
                    <StatusBadge status={invoice.figures.status} daysOverdue={invoice.figures.daysOverdue} />
                  </div>
                  <p className="mt-1 text-sm text-slate-500">
                    Issued {formatDate(invoice.issueDate)} · Due {formatDate(invoice.dueDate)}
                  </p>
                </div>
                <div className="text-right">
                  <p className="text-lg font-semibold tabular-nums">{money(invoice.figures.balanceCents)}</p>
                  {invoice.figures.balanceCents !== invoice.figures.totalCents ? (
                    <p className="text-xs text-slate-500">of {money(invoice.figures.totalCents)}</p>
                  ) : null}
                </div>
              </Card>
            </li>
          ))}
        </ul>
      </section>

      {settled.length > 0 ? (
        <section aria-labelledby="paid-heading">
          <h2 id="paid-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
            Paid
          </h2>
          <Card>
            <ul className="divide-y divide-slate-100">
              {settled.map((invoice) => (
                <li key={invoice.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm sm:px-5">
                  <span className="font-medium">{invoice.number}</span>
                  <span className="text-slate-500">Issued {formatDate(invoice.issueDate)}</span>
                  <span className="tabular-nums">{money(invoice.figures.totalCents)}</span>
                  <StatusBadge status={invoice.figures.status} />
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
