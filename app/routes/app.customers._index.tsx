import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PayerGroupBadge } from "~/components/payer-group-badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { useCan } from "~/components/use-can";
import { requireOwner } from "~/modules/auth/session.server";
import { listCustomerBalances, searchCustomers } from "~/modules/customers/customers.server";
import { PAYER_GROUP_LABELS } from "~/modules/customers/payer-profile";
import { loadPayerProfiles } from "~/modules/customers/payer-profile.server";
import { listBusinessInvoices } from "~/modules/invoices/invoices.server";
import { formatMoney } from "~/modules/money/money";
import { today } from "~/utils/clock.server";

export const meta: MetaFunction = () => [{ title: "Customers · Duely" }];

const GROUPS = ["new", "reliable", "sporadic", "avoider"] as const;

const ListParams = z.object({
  q: z.string().trim().max(100).catch(""),
  group: z.enum(GROUPS).or(z.literal("")).catch(""),
  archived: z.enum(["active", "archived", "all"]).catch("active"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireOwner(request);
  const url = new URL(request.url);
  const params = ListParams.parse({ q: url.searchParams.get("q") ?? "", group: url.searchParams.get("group") ?? "", archived: url.searchParams.get("archived") ?? "" });
  const day = today(business.timeZone);
  const [customers, invoices] = await Promise.all([searchCustomers(business.id, { query: params.q, archived: params.archived }), listBusinessInvoices(business.id, day)]);
  const profiles = await loadPayerProfiles(business, customers.map((c) => c.id), day);
  const rows = listCustomerBalances(customers, invoices, business.currency)
    .map((c) => {
      const profile = profiles.get(c.id);
      return { ...c, archived: c.archivedAt !== null, group: profile?.group ?? "new", reason: profile?.reason ?? "" };
    })
    .filter((c) => !params.group || c.group === params.group);
  return json({ params, currency: business.currency, customers: rows });
}

export default function Customers() {
  const { params, customers, currency } = useLoaderData<typeof loader>();
  const can = useCan();
  const [searchParams] = useSearchParams();
  const filtered = Boolean(params.q || params.group || params.archived !== "active");
  const money = (cents: number, code = currency) => formatMoney(cents, code);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Customers</h1>
          <p className="text-sm text-slate-500">Who owes what, and how each of them usually pays.</p>
        </div>
        {can("collect") ? (
          <div className="flex flex-wrap gap-2">
            <Link to="/app/customers/import" className="inline-flex items-center justify-center rounded-lg bg-white px-4 py-2.5 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
              Import from CSV
            </Link>
            <Link to="/app/customers/new" className="inline-flex items-center justify-center rounded-lg bg-teal-700 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-teal-800">
              New customer
            </Link>
          </div>
        ) : null}
      </div>

      <Form method="get" role="search" aria-label="Find customers" className="grid gap-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end">
        <label className="text-sm font-medium text-slate-700">
          Search
          <input
            type="search"
            name="q"
            defaultValue={params.q}
            placeholder="Name, company or email"
            className="mt-1.5 block w-full rounded-lg border-0 px-3 py-2.5 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-teal-600 sm:text-sm"
          />
        </label>
        <div className="grid grid-cols-2 gap-3 sm:contents">
          <label className="text-sm font-medium text-slate-700">
            Payer group
            <select name="group" defaultValue={params.group} className="mt-1.5 block w-full rounded-lg border-0 px-3 py-2.5 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 sm:text-sm">
              <option value="">All groups</option>
              {GROUPS.map((g) => (
                <option key={g} value={g}>
                  {PAYER_GROUP_LABELS[g]}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium text-slate-700">
            Show
            <select name="archived" defaultValue={params.archived} className="mt-1.5 block w-full rounded-lg border-0 px-3 py-2.5 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 sm:text-sm">
              <option value="active">Current customers</option>
              <option value="archived">Archived only</option>
              <option value="all">Current and archived</option>
            </select>
          </label>
        </div>
        <Button type="submit" variant="secondary">
          Find
        </Button>
      </Form>

      <Card className="overflow-hidden">
        {customers.length === 0 ? (
          <p className="px-5 py-8 text-center text-sm text-slate-500">
            {filtered ? "No customer matches these filters." : "No customers yet. Add your first customer to send them invoices."}
            {filtered && searchParams.toString() ? (
              <Link to="/app/customers" className="ml-1 font-medium text-teal-700 hover:text-teal-800">
                Clear filters
              </Link>
            ) : null}
          </p>
        ) : (
          <table className="min-w-full text-sm">
            <caption className="sr-only">Customers</caption>
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-3 sm:px-5">Customer</th>
                <th className="px-4 py-3 text-right sm:px-5">Open balance</th>
                <th className="hidden px-5 py-3 text-right sm:table-cell">Overdue</th>
                <th className="hidden px-5 py-3 sm:table-cell">Payer</th>
                <th className="hidden px-5 py-3 sm:table-cell">
                  <span className="sr-only">Open</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {customers.map((c) => (
                <tr key={c.id} className="align-top">
                  <td className="max-w-0 px-4 py-3 sm:w-1/2 sm:px-5">
                    <Link to={`/app/customers/${c.id}`} className="font-medium text-slate-900 hover:text-teal-800">
                      {c.name}
                    </Link>
                    {c.archived ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">Archived</span> : null}
                    <span className="block truncate text-xs text-slate-500">
                      {c.companyName ? `${c.companyName} · ` : ""}
                      {c.email}
                    </span>
                    <span className="mt-1 block sm:hidden">
                      <PayerGroupBadge group={c.group} />
                    </span>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums sm:px-5">
                    {c.balances.map((b) => (
                      <span key={b.currency} className="block">
                        {money(b.balanceCents, b.currency)}
                        {b.overdueCents > 0 ? <span className="block text-xs text-rose-700 sm:hidden">{money(b.overdueCents, b.currency)} overdue</span> : null}
                      </span>
                    ))}
                  </td>
                  <td className={`hidden whitespace-nowrap px-5 py-3 text-right tabular-nums sm:table-cell ${c.overdueCents > 0 ? "text-rose-700" : "text-slate-500"}`}>
                    {c.balances.map((b) => (
                      <span key={b.currency} className="block">
                        {money(b.overdueCents, b.currency)}
                      </span>
                    ))}
                  </td>
                  <td className="hidden px-5 py-3 sm:table-cell">
                    <span title={c.reason}>
                      <PayerGroupBadge group={c.group} />
                    </span>
                  </td>
                  <td className="hidden px-5 py-3 text-right sm:table-cell">
                    <Link to={`/app/customers/${c.id}`} className="font-medium text-teal-700 hover:text-teal-800" aria-label={`Open ${c.name}`}>
                      Open →
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
