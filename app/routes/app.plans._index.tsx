import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useCan } from "~/components/use-can";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PlanStatusBadge } from "~/components/plan-status-badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { requireOwner, requireUser } from "~/modules/auth/session.server";
import { formatDate, type CalendarDate } from "~/modules/dates/calendar";
import { formatMoney } from "~/modules/money/money";
import { runPlanCharges } from "~/modules/plans/charges.server";
import { listPlans } from "~/modules/plans/owner.server";
import { FREQUENCY_LABELS } from "~/modules/plans/schedule";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Payment plans · Duely" }];

const PLAN_FILTERS = ["ACTIVE", "COMPLETED", "DEFAULTED", "CANCELLED", "ALL"] as const;
type PlanFilter = (typeof PLAN_FILTERS)[number];

const FilterParam = z
  .string()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(PLAN_FILTERS))
  .catch("ACTIVE");

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireOwner(request);
  const filter = FilterParam.parse(new URL(request.url).searchParams.get("status") ?? "");
  const { plans, counts } = await listPlans(business.id, { status: filter });
  return json({ filter, plans, counts });
}

const ActionForm = z.object({ intent: z.literal("run") });

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request, "collect");
  const parsed = ActionForm.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return json({ message: null, error: "That action is not available." }, { status: 400 });
  const result = await runPlanCharges();
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const extra = [result.resubmitted ? `re-sent ${plural(result.resubmitted, "unconfirmed charge")}` : null, result.errors ? `${plural(result.errors, "instalment")} could not be charged (see the server log)` : null].filter(Boolean);
  const message = `Charged ${plural(result.charges, "instalment")}, sent ${plural(result.notices, "notice")}${extra.length ? `; ${extra.join("; ")}` : ""}.`;
  return json({ message, error: result.errors ? message : null });
}

const TABS: { filter: PlanFilter; label: string }[] = [
  { filter: "ACTIVE", label: "Active" },
  { filter: "COMPLETED", label: "Completed" },
  { filter: "DEFAULTED", label: "Defaulted" },
  { filter: "CANCELLED", label: "Cancelled" },
  { filter: "ALL", label: "All" },
];

const EMPTY: Record<PlanFilter, string> = {
  ACTIVE: "No plans are running. Customers set up plans in the portal when your plan rules allow it.",
  COMPLETED: "No plan has been completed yet.",
  DEFAULTED: "No plan has defaulted.",
  CANCELLED: "No plan has been cancelled.",
  ALL: "No customer has set up a payment plan yet. Customers can ask for one in the portal when plans are turned on in Settings.",
};

export default function Plans() {
  const can = useCan();
  const { filter, plans, counts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const running = useNavigation().formData?.get("intent") === "run";
  const day = (d: CalendarDate) => formatDate(d);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Payment plans</h1>
          <p className="text-sm text-slate-500">Instalment plans your customers set up in the portal. Due instalments are charged automatically every 15 minutes.</p>
        </div>
        {can("collect") ? (
          <Form method="post">
            <input type="hidden" name="intent" value="run" />
            <Button type="submit" variant="secondary" disabled={running}>
              {running ? "Running…" : "Run due plan charges now"}
            </Button>
          </Form>
        ) : null}
      </div>
      {actionData?.message && !actionData.error ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          {actionData.message}
        </p>
      ) : null}
      {actionData?.error ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          {actionData.error}
        </p>
      ) : null}

      <nav aria-label="Plan status" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex min-w-max gap-1 border-b border-slate-200">
          {TABS.map((tab) => {
            const current = tab.filter === filter;
            return (
              <li key={tab.filter}>
                <Link
                  to={`?status=${tab.filter.toLowerCase()}`}
                  aria-current={current ? "page" : undefined}
                  className={`-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium ${current ? "border-teal-700 text-teal-800" : "border-transparent text-slate-500 hover:text-slate-800"}`}
                >
                  {tab.label}
                  <span className={`rounded-full px-2 py-0.5 text-xs tabular-nums ${current ? "bg-teal-50 text-teal-800" : "bg-slate-100 text-slate-600"}`}>{counts[tab.filter]}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {filter === "ALL" && counts.PENDING > 0 ? (
        <p className="text-sm text-slate-500">
          {counts.PENDING} {counts.PENDING === 1 ? "plan is" : "plans are"} waiting for the first payment: a plan starts only once instalment 1 goes through.
        </p>
      ) : null}

      {plans.length === 0 ? (
        <Card className="px-5 py-10 text-center">
          <p className="font-medium text-slate-900">No plans here</p>
          <p className="mx-auto mt-1 max-w-md text-sm text-slate-500">{EMPTY[filter]}</p>
        </Card>
      ) : (
        <>
          <Card className="hidden md:block">
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                  <tr>
                    <th className="px-5 py-3">Customer</th>
                    <th className="px-5 py-3">Status</th>
                    <th className="px-5 py-3">Progress</th>
                    <th className="px-5 py-3 text-right">Paid / left</th>
                    <th className="px-5 py-3">Next charge</th>
                    <th className="px-5 py-3">
                      <span className="sr-only">Details</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {plans.map((p) => {
                    const money = (c: number) => formatMoney(c, p.currency);
                    return (
                      <tr key={p.id} className="align-top">
                        <td className="px-5 py-3">
                          <Link to={`/app/customers/${p.customer.id}`} className="font-medium text-teal-800 hover:underline">
                            {p.customer.name}
                          </Link>
                          <span className="block text-xs text-slate-500">{p.invoiceNumbers.join(", ")}</span>
                        </td>
                        <td className="px-5 py-3">
                          <PlanStatusBadge status={p.status} />
                          <span className="mt-1 block text-xs text-slate-500">{statusNote(p, day)}</span>
                        </td>
                        <td className="whitespace-nowrap px-5 py-3">
                          {p.progress.paidCount} of {p.progress.totalCount} paid
                          <span className="block text-xs text-slate-500">
                            {FREQUENCY_LABELS[p.frequency].toLowerCase()}
                            {p.progress.processingCount ? ` · ${p.progress.processingCount} processing` : ""}
                          </span>
                        </td>
                        <td className="whitespace-nowrap px-5 py-3 text-right tabular-nums">
                          {money(p.progress.paidCents)}
                          <span className="block text-xs text-slate-500">{leftText(p.status, money(p.progress.leftCents))}</span>
                        </td>
                        <td className="px-5 py-3">
                          <NextCharge plan={p} day={day} money={money} />
                        </td>
                        <td className="whitespace-nowrap px-5 py-3 text-right">
                          <Link to={`/app/plans/${p.id}`} className="font-medium text-teal-700 hover:text-teal-800" aria-label={`Plan details for ${p.customer.name}`}>
                            Details →
                          </Link>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </Card>

          <ul className="space-y-3 md:hidden" aria-label="Payment plans">
            {plans.map((p) => {
              const money = (c: number) => formatMoney(c, p.currency);
              return (
                <li key={p.id}>
                  <Card className="p-4">
                    <div className="flex items-start justify-between gap-3">
                      <div className="min-w-0">
                        <Link to={`/app/customers/${p.customer.id}`} className="font-medium text-teal-800 hover:underline">
                          {p.customer.name}
                        </Link>
                        <p className="truncate text-xs text-slate-500">{p.invoiceNumbers.join(", ")}</p>
                      </div>
                      <PlanStatusBadge status={p.status} />
                    </div>
                    <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
                      <div>
                        <dt className="text-xs text-slate-500">Progress</dt>
                        <dd>
                          {p.progress.paidCount} of {p.progress.totalCount} paid
                        </dd>
                      </div>
                      <div>
                        <dt className="text-xs text-slate-500">Paid</dt>
                        <dd className="tabular-nums">
                          {money(p.progress.paidCents)} <span className="text-xs text-slate-500">· {leftText(p.status, money(p.progress.leftCents))}</span>
                        </dd>
                      </div>
                      {p.nextCharge ? (
                        <div className="col-span-2">
                          <dt className="text-xs text-slate-500">Next charge</dt>
                          <dd>
                            <NextCharge plan={p} day={day} money={money} />
                          </dd>
                        </div>
                      ) : null}
                    </dl>
                    <p className="mt-2 text-xs text-slate-500">{statusNote(p, day)}</p>
                    <Link to={`/app/plans/${p.id}`} className="mt-3 inline-block text-sm font-medium text-teal-700 hover:text-teal-800">
                      Plan details →
                    </Link>
                  </Card>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["plans"][number];

function leftText(status: string, left: string) {
  return status === "DEFAULTED" || status === "CANCELLED" ? `${left} not collected` : `${left} left`;
}

function statusNote(p: Row, day: (d: CalendarDate) => string) {
  if (p.status === "PENDING") return `Started ${day(p.createdOn)}`;
  if (p.status === "ACTIVE") return `Since ${day(p.activatedOn ?? p.createdOn)}`;
  if (p.endedOn) return `${p.status === "COMPLETED" ? "Completed" : p.status === "DEFAULTED" ? "Defaulted" : "Cancelled"} ${day(p.endedOn)}`;
  return `Started ${day(p.createdOn)}`;
}

function NextCharge({ plan, day, money }: { plan: Row; day: (d: CalendarDate) => string; money: (c: number) => string }) {
  if (!plan.nextCharge) return <span className="text-slate-500">—</span>;
  const next = plan.nextCharge;
  return (
    <span>
      <span className="whitespace-nowrap">
        {day(next.on)} · <span className="tabular-nums">{money(next.amountCents)}</span>
      </span>
      <span className="block text-xs text-slate-500">{next.methodText ?? "No saved payment method"}</span>
      {plan.failing ? (
        <span className="block text-xs text-rose-700">
          Instalment {plan.failing.sequence} failed {plan.failing.attempts} {plan.failing.attempts === 1 ? "time" : "times"}
          {plan.failing.nextAttemptOn ? `; retry ${day(plan.failing.nextAttemptOn)}` : ""}
        </span>
      ) : null}
    </span>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
