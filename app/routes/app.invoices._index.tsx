import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useCan } from "~/components/use-can";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DisputedBadge, StatusBadge } from "~/components/status-badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { requireOwner } from "~/modules/auth/session.server";
import { formatDate } from "~/modules/dates/calendar";
import { STATUS_LABELS } from "~/modules/invoices/balance";
import { filterFromUrl, STATE_FILTERS, STATUS_FILTERS } from "~/modules/invoices/filters";
import { listOwnerInvoices } from "~/modules/invoices/owner.server";
import { formatMoney } from "~/modules/money/money";
import { today } from "~/utils/clock.server";

export const meta: MetaFunction = () => [{ title: "Invoices · Duely" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireOwner(request);
  const url = new URL(request.url);
  const filter = filterFromUrl(url);
  const invoices = await listOwnerInvoices(business.id, filter, today(business.timeZone));
  return json({
    filter,
    query: url.search,
    invoices: invoices.map((i) => ({ id: i.id, number: i.number, currency: i.currency, issueDate: i.issueDate, dueDate: i.dueDate, customer: i.customer, figures: i.figures })),
  });
}

const STATE_LABELS: Record<(typeof STATE_FILTERS)[number], string> = { ALL: "Any state", DRAFT: "Drafts", ISSUED: "Issued", VOID: "Void" };

const selectClass = "mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600";

export default function Invoices() {
  const can = useCan();
  const { filter, invoices, query } = useLoaderData<typeof loader>();
  const filtered = filter.q !== "" || filter.state !== "ALL" || filter.status !== "ALL";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Invoices</h1>
          <p className="text-sm text-slate-500">Drafts, sent and void invoices, with what is left to pay on each.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {can("export") ? (
            <a href={`/app/invoices.csv${query}`} className="inline-flex items-center rounded-lg px-4 py-2.5 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50" download>
              Export CSV
            </a>
          ) : null}
          {can("collect") ? (
            <>
              <Link to="/app/invoices/import" className="inline-flex items-center rounded-lg px-4 py-2.5 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
                Import CSV
              </Link>
              <Link to="/app/invoices/new" className="inline-flex items-center rounded-lg bg-teal-700 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-teal-800">
                New invoice
              </Link>
            </>
          ) : null}
        </div>
      </div>

      <Form method="get" className="grid gap-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end" role="search" aria-label="Find invoices">
        <label className="text-sm font-medium text-slate-700">
          Search
          <input type="search" name="q" defaultValue={filter.q} placeholder="Number, customer or email" className={selectClass} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          State
          <select name="state" defaultValue={filter.state} className={selectClass}>
            {STATE_FILTERS.map((s) => (
              <option key={s} value={s}>
                {STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          Status
          <select name="status" defaultValue={filter.status} className={selectClass}>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {s === "ALL" ? "Any status" : STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </Form>

      <Card>
        <ul className="divide-y divide-slate-100 sm:hidden">
          {invoices.map((i) => (
            <li key={i.id} className="px-4 py-3 text-sm">
              <div className="flex items-center justify-between gap-3">
                <Link to={`/app/invoices/${i.id}`} className="font-medium text-teal-800 hover:underline">
                  {i.number}
                </Link>
                <StatusBadge status={i.figures.status} daysOverdue={i.figures.daysOverdue} />
                {i.figures.underDispute && i.figures.status !== "DISPUTED" ? <DisputedBadge /> : null}
              </div>
              <div className="mt-1 flex items-baseline justify-between gap-3">
                <span className="min-w-0 truncate">{i.customer.name}</span>
                <span className="whitespace-nowrap font-medium tabular-nums">{formatMoney(i.figures.balanceCents, i.currency)}</span>
              </div>
              <p className="text-xs text-slate-500">
                Due {formatDate(i.dueDate)} · total {formatMoney(i.figures.totalCents, i.currency)}
              </p>
            </li>
          ))}
        </ul>
        <div className="hidden overflow-x-auto sm:block">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-5 py-3">Invoice</th>
                <th className="px-5 py-3">Customer</th>
                <th className="px-5 py-3">Issued</th>
                <th className="px-5 py-3">Due</th>
                <th className="px-5 py-3 text-right">Total</th>
                <th className="px-5 py-3 text-right">Balance</th>
                <th className="px-5 py-3">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {invoices.map((i) => (
                <tr key={i.id}>
                  <td className="whitespace-nowrap px-5 py-3">
                    <Link to={`/app/invoices/${i.id}`} className="font-medium text-teal-800 hover:underline">
                      {i.number}
                    </Link>
                  </td>
                  <td className="px-5 py-3">
                    {i.customer.name}
                    {i.customer.companyName ? <span className="block text-xs text-slate-500">{i.customer.companyName}</span> : null}
                  </td>
                  <td className="whitespace-nowrap px-5 py-3 text-slate-600">{formatDate(i.issueDate)}</td>
                  <td className="whitespace-nowrap px-5 py-3 text-slate-600">{formatDate(i.dueDate)}</td>
                  <td className="whitespace-nowrap px-5 py-3 text-right tabular-nums">{formatMoney(i.figures.totalCents, i.currency)}</td>
                  <td className="whitespace-nowrap px-5 py-3 text-right tabular-nums">{formatMoney(i.figures.balanceCents, i.currency)}</td>
                  <td className="px-5 py-3">
                    <StatusBadge status={i.figures.status} daysOverdue={i.figures.daysOverdue} />
                {i.figures.underDispute && i.figures.status !== "DISPUTED" ? <DisputedBadge /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {invoices.length === 0 ? (
          <p className="px-5 py-6 text-sm text-slate-500">
            {filtered ? "No invoice matches these filters." : "No invoices yet. Create one, or import a CSV file from your accounting tool."}
          </p>
        ) : null}
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
