import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useCan } from "~/components/use-can";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatusBadge } from "~/components/status-badge";
import { Button } from "~/components/ui/button";
import { Card, Stat } from "~/components/ui/card";
import { can } from "~/modules/auth/roles";
import { requireOwner, requireUser } from "~/modules/auth/session.server";
import { setupChecklist } from "~/modules/setup/checklist.server";
import { listCustomerBalances, listCustomers } from "~/modules/customers/customers.server";
import { formatDate, formatInstant } from "~/modules/dates/calendar";
import { sendOwnerTestEmail } from "~/modules/email/test-email.server";
import { listBusinessInvoices, totalsByCurrency } from "~/modules/invoices/invoices.server";
import { lastTiers } from "~/modules/reminders/pauses.server";
import { formatMoney } from "~/modules/money/money";
import { today } from "~/utils/clock.server";
import { readForm } from "~/utils/request.server";
import type { ChecklistStep } from "~/modules/setup/checklist";

export const meta: MetaFunction = () => [{ title: "Overview · Duely" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { business, user } = await requireOwner(request);
  const day = today(business.timeZone);
  const invoices = await listBusinessInvoices(business.id, day);
  // The checklist is the owner's: the other roles cannot do its steps.
  const checklist = can(user.role, "configure") ? await setupChecklist(business, (iso) => formatInstant(new Date(iso), business.timeZone)) : null;
  return json({
    checklist,
    today: day,
    currency: business.currency,
    totals: totalsByCurrency(invoices, business.currency),
    invoices,
    tiers: await lastTiers(invoices.map((i) => i.id)),
    customers: listCustomerBalances(await listCustomers(business.id), invoices, business.currency),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, business } = await requireUser(request, "collect");
  const form = await readForm(request);
  if (form.get("intent") !== "send-test-email") return json({ message: null, error: "Unknown action." }, { status: 400 });
  await sendOwnerTestEmail(user, business);
  return json({ message: `Test email queued to ${user.email}. It appears in the mailbox within seconds.`, error: null });
}

export default function Overview() {
  const can = useCan();
  const { totals, invoices, customers, currency, today: day, tiers, checklist } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sending = useNavigation().formData?.get("intent") === "send-test-email";
  const money = (cents: number, code = currency) => formatMoney(cents, code);
  const several = totals.length > 1;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
          <p className="text-sm text-slate-500">As of {formatDate(day, "en-US", "long")}</p>
        </div>
        {can("collect") ? (
          <Form method="post" id="send-test-email">
            <input type="hidden" name="intent" value="send-test-email" />
            <Button variant="secondary" type="submit" disabled={sending}>
              {sending ? "Sending…" : "Send me a test email"}
            </Button>
          </Form>
        ) : null}
      </div>
      {actionData?.message ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          {actionData.message}
        </p>
      ) : null}

      {checklist ? <SetupChecklist steps={checklist.steps} doneCount={checklist.doneCount} /> : null}

      {totals.map((t, index) => (
        <section key={t.currency} aria-label={several ? `Totals in ${t.currency}` : "Totals"} data-testid={`totals-${t.currency}`} className="space-y-2">
          {several ? <h2 className="text-sm font-semibold text-slate-600">In {t.currency}</h2> : null}
          <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            <Stat label="Outstanding" value={money(t.outstandingCents, t.currency)} hint={`${t.count} open invoice${t.count === 1 ? "" : "s"}`} />
            <Stat label="Overdue" value={money(t.overdueCents, t.currency)} hint={`${t.overdueCount} invoices past due`} tone={t.overdueCents > 0 ? "warn" : "default"} />
            <Stat label="Bank payments processing" value={money(t.processingCents, t.currency)} hint="Not yet counted as paid" />
            {index === 0 ? <Stat label="Customers" value={String(customers.length)} /> : null}
          </div>
        </section>
      ))}
      {several ? <p className="text-xs text-slate-500">Each currency is totalled on its own: amounts in different currencies are never added or converted.</p> : null}

      <Card>
        <div className="border-b border-slate-200 px-5 py-4">
          <h2 className="font-semibold">Invoices</h2>
        </div>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-5 py-3">Invoice</th>
                <th className="px-5 py-3">Customer</th>
                <th className="px-5 py-3">Due</th>
                <th className="px-5 py-3 text-right">Total</th>
                <th className="px-5 py-3 text-right">Balance</th>
                <th className="px-5 py-3">Status</th>
                <th className="px-5 py-3">Last reminder</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {invoices.map((invoice) => (
                <tr key={invoice.id} className="hover:bg-slate-50">
                  <td className="whitespace-nowrap px-5 py-3 font-medium">{invoice.number}</td>
                  <td className="px-5 py-3">
                    <Link to={`/app/customers/${invoice.customer.id}`} className="font-medium text-teal-800 hover:underline">
                      {invoice.customer.name}
                    </Link>
                    <div className="text-xs text-slate-500">{invoice.customer.companyName}</div>
                  </td>
                  <td className="whitespace-nowrap px-5 py-3 text-slate-600">{formatDate(invoice.dueDate)}</td>
                  <td className="whitespace-nowrap px-5 py-3 text-right tabular-nums">{money(invoice.figures.totalCents, invoice.currency)}</td>
                  <td className="whitespace-nowrap px-5 py-3 text-right font-medium tabular-nums">{money(invoice.figures.balanceCents, invoice.currency)}</td>
                  <td className="px-5 py-3">
                    <StatusBadge status={invoice.figures.status} daysOverdue={invoice.figures.daysOverdue} />
                  </td>
                  <td className="whitespace-nowrap px-5 py-3 text-xs text-slate-600">{tiers[invoice.id]?.name ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card>
        <div className="border-b border-slate-200 px-5 py-4">
          <h2 className="font-semibold">Customers</h2>
        </div>
        <ul className="divide-y divide-slate-100">
          {customers.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
              <div>
                <Link to={`/app/customers/${c.id}`} className="font-medium text-teal-800 hover:underline">
                  {c.name}
                </Link>
                <div className="text-xs text-slate-500">
                  {[c.companyName, c.email].filter(Boolean).join(" · ")}
                </div>
              </div>
              <div className="space-y-1 text-right">
                {c.balances.map((b) => (
                  <div key={b.currency}>
                    <div className="font-medium tabular-nums">{money(b.balanceCents, b.currency)}</div>
                    <div className={`text-xs ${b.overdueCents > 0 ? "text-rose-700" : "text-slate-500"}`}>
                      {b.overdueCents > 0 ? `${money(b.overdueCents, b.currency)} overdue` : b.balanceCents > 0 ? "Nothing overdue" : "All paid"}
                    </div>
                  </div>
                ))}
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

function SetupChecklist({ steps, doneCount }: { steps: ChecklistStep[]; doneCount: number }) {
  return (
    <Card>
      <section aria-labelledby="setup-checklist" className="px-5 py-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="setup-checklist" className="font-semibold">
            Get ready to collect real money
          </h2>
          <p className="text-sm text-slate-500">
            {doneCount} of {steps.length} done
          </p>
        </div>
        <div className="mt-2 h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
          <div className="h-full rounded-full bg-teal-600" style={{ width: `${(doneCount / steps.length) * 100}%` }} />
        </div>
        <ol className="mt-4 divide-y divide-slate-100">
          {steps.map((step) => (
            <li key={step.key} className="flex flex-wrap items-start justify-between gap-3 py-3" data-step={step.key}>
              <div className="flex items-start gap-3">
                <span
                  aria-hidden="true"
                  className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${step.done ? "bg-teal-600 text-white" : "bg-white text-slate-400 ring-1 ring-inset ring-slate-300"}`}
                >
                  {step.done ? "✓" : ""}
                </span>
                <div>
                  <p className="text-sm font-medium">
                    {step.title} <span className={step.done ? "text-teal-700" : "text-amber-700"}>· {step.done ? "done" : "not done"}</span>
                  </p>
                  <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
                    {step.checks.map((c) => (
                      <li key={c.label}>
                        <span className={c.ok ? "text-teal-700" : "text-slate-400"}>{c.ok ? "✓" : "○"}</span> {c.label}
                        <span className="sr-only">{c.ok ? " (done)" : " (not done)"}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
              {step.done ? null : (
                <Link to={step.href} className="text-sm font-medium text-teal-700 hover:text-teal-800">
                  {step.linkText} →
                </Link>
              )}
            </li>
          ))}
        </ol>
      </section>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
