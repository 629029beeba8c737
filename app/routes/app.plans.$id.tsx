import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useCan } from "~/components/use-can";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InstalmentStatusBadge, PlanStatusBadge } from "~/components/plan-status-badge";
import { Card } from "~/components/ui/card";
import { requireOwner, requireUser } from "~/modules/auth/session.server";
import { formatDate, formatInstant } from "~/modules/dates/calendar";
import { formatMoney } from "~/modules/money/money";
import { getPlanForOwner } from "~/modules/plans/owner.server";
import { cancelPlanByOwner, PlanInputError } from "~/modules/plans/plans.server";
import { FREQUENCY_LABELS } from "~/modules/plans/schedule";
import { fieldErrorsOf } from "~/utils/forms";
import { readForm, idParam } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Plan for ${data.plan.customer.name} · Duely` : "Payment plan · Duely" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { business } = await requireOwner(request);
  const plan = await getPlanForOwner(business.id, idParam(params));
  return json({ plan, timeZone: business.timeZone });
}

const REASON_MESSAGE = "Give a reason for cancelling (it is logged and sent to the customer).";

const CancelForm = z.object({
  intent: z.literal("cancel"),
  reason: z.string().trim().min(3, REASON_MESSAGE).max(500, REASON_MESSAGE),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, business } = await requireUser(request, "collect");
  const planId = idParam(params);
  const values = Object.fromEntries(await readForm(request));
  const parsed = CancelForm.safeParse(values);
  const reason = typeof values.reason === "string" ? values.reason : "";
  if (!parsed.success) return json({ fieldErrors: fieldErrorsOf(parsed.error.issues), formError: null, reason }, { status: 400 });
  try {
    await cancelPlanByOwner(business.id, user.id, planId, parsed.data.reason);
  } catch (error) {
    if (error instanceof PlanInputError) return json({ fieldErrors: {} as Record<string, string[]>, formError: error.message, reason }, { status: 400 });
    throw error;
  }
  return redirect(`/app/plans/${planId}`);
}

const PAYMENT_TONE: Record<string, string> = { SUCCEEDED: "text-emerald-700", PROCESSING: "text-sky-700", FAILED: "text-rose-700", PENDING: "text-slate-500", CANCELED: "text-slate-500" };
const PAYMENT_LABELS: Record<string, string> = { SUCCEEDED: "succeeded", PROCESSING: "processing", FAILED: "failed", PENDING: "not confirmed", CANCELED: "cancelled" };

export default function PlanDetail() {
  const can = useCan();
  const { plan, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const money = (c: number) => formatMoney(c, plan.currency);
  const reasonErrors = result?.fieldErrors.reason;
  const cancellable = plan.status === "ACTIVE" || plan.status === "PENDING";
  return (
    <div className="space-y-6">
      <Link to="/app/plans" className="text-sm font-medium text-teal-700 hover:text-teal-800">
        ← Payment plans
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Plan for {plan.customer.name}</h1>
          <p className="mt-1 text-sm text-slate-500">
            {plan.instalmentCount} instalments, {FREQUENCY_LABELS[plan.frequency].toLowerCase()} · started {formatDate(plan.createdOn)}
            {plan.activatedOn && plan.activatedOn !== plan.createdOn ? ` · active from ${formatDate(plan.activatedOn)}` : ""}
          </p>
        </div>
        <PlanStatusBadge status={plan.status} />
      </div>

      {plan.status === "CANCELLED" ? (
        <p className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-700 ring-1 ring-inset ring-slate-200">
          Cancelled{plan.endedOn ? ` on ${formatDate(plan.endedOn)}` : ""}
          {plan.cancelledBy ? ` by ${plan.cancelledBy}` : ""}: {plan.cancelReason ?? "no reason recorded"}
        </p>
      ) : null}
      {plan.status === "DEFAULTED" ? (
        <p className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          Defaulted{plan.endedOn ? ` on ${formatDate(plan.endedOn)}` : ""}: an instalment could not be charged after its retries. The rest became due at once and reminders resumed. This counts as a broken plan for the
          customer.
        </p>
      ) : null}
      {plan.failing ? (
        <p role="status" className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          Instalment {plan.failing.sequence} failed {plan.failing.attempts} {plan.failing.attempts === 1 ? "time" : "times"}
          {plan.failing.lastFailure ? `: ${plan.failing.lastFailure}` : "."} {plan.failing.nextAttemptOn ? `Next try on ${formatDate(plan.failing.nextAttemptOn)}.` : ""}
        </p>
      ) : null}

      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Figure label="Plan total" value={money(plan.progress.totalCents)} hint={plan.feeCents > 0 ? `Includes a plan fee of ${money(plan.feeCents)}` : "No plan fee"} />
        <Figure label="Paid" value={money(plan.progress.paidCents)} hint={`${plan.progress.paidCount} of ${plan.progress.totalCount} instalments`} />
        <Figure label={plan.status === "DEFAULTED" || plan.status === "CANCELLED" ? "Not collected" : "Left"} value={money(plan.progress.leftCents)} />
        <Figure
          label="Next charge"
          value={plan.nextCharge ? money(plan.nextCharge.amountCents) : "—"}
          hint={plan.nextCharge ? `${formatDate(plan.nextCharge.on)}${plan.nextCharge.isRetry ? " (retry)" : ""} · ${plan.nextCharge.methodText ?? "no saved method"}` : "Nothing scheduled"}
        />
      </dl>

      <Card>
        <h2 className="border-b border-slate-200 px-5 py-4 font-semibold">Schedule</h2>
        <div className="hidden overflow-x-auto md:block">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-3">#</th>
                <th className="px-4 py-3">Due</th>
                <th className="px-4 py-3 text-right">Amount</th>
                <th className="px-4 py-3">Status</th>
                <th className="px-4 py-3">Payments</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {plan.schedule.map((i) => (
                <tr key={i.id} className="align-top">
                  <td className="px-4 py-3 tabular-nums text-slate-500">{i.sequence}</td>
                  <td className="whitespace-nowrap px-4 py-3">
                    {formatDate(i.dueDate)}
                    {i.paidOn ? <span className="block text-xs text-slate-500">paid {formatDate(i.paidOn)}</span> : null}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">
                    {money(i.amountCents)}
                    {i.feeCents > 0 ? <span className="block text-xs text-slate-500">incl. fee {money(i.feeCents)}</span> : null}
                    {i.chargeCents !== i.amountCents ? <span className="block text-xs text-slate-500">charged {money(i.chargeCents)}</span> : null}
                  </td>
                  <td className="px-4 py-3">
                    <InstalmentStatusBadge status={i.status} />
                    {i.attempts > 0 ? (
                      <span className="mt-1 block whitespace-nowrap text-xs text-slate-500">
                        {i.attempts} {i.attempts === 1 ? "attempt" : "attempts"}
                      </span>
                    ) : null}
                    {i.status === "FAILED" && i.nextAttemptOn ? <span className="block whitespace-nowrap text-xs text-slate-500">retry {formatDate(i.nextAttemptOn)}</span> : null}
                  </td>
                  <td className="min-w-[14rem] px-4 py-3">
                    <InstalmentPayments instalment={i} money={money} timeZone={timeZone} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ol className="divide-y divide-slate-100 md:hidden" aria-label="Schedule">
          {plan.schedule.map((i) => (
            <li key={i.id} className="px-4 py-3 text-sm">
              <div className="flex items-start justify-between gap-3">
                <div>
                  <p className="font-medium">
                    {i.sequence}. {formatDate(i.dueDate)}
                  </p>
                  <p className="text-xs text-slate-500">
                    {i.feeCents > 0 ? `incl. fee ${money(i.feeCents)}` : null}
                    {i.feeCents > 0 && i.attempts > 0 ? " · " : null}
                    {i.attempts > 0 ? `${i.attempts} ${i.attempts === 1 ? "attempt" : "attempts"}` : null}
                    {i.status === "FAILED" && i.nextAttemptOn ? ` · retry ${formatDate(i.nextAttemptOn)}` : null}
                  </p>
                </div>
                <div className="text-right">
                  <p className="tabular-nums">{money(i.amountCents)}</p>
                  <InstalmentStatusBadge status={i.status} />
                </div>
              </div>
              {i.payments.length > 0 || i.lastFailure ? (
                <div className="mt-2">
                  <InstalmentPayments instalment={i} money={money} timeZone={timeZone} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="p-5">
          <h2 className="font-semibold">Invoices and method</h2>
          <ul className="mt-3 divide-y divide-slate-100 text-sm">
            {plan.invoices.map((i) => (
              <li key={i.id} className="flex items-center justify-between gap-3 py-2">
                <Link to={`/app/customers/${plan.customer.id}`} className="font-medium text-teal-800 hover:underline">
                  {i.number}
                </Link>
                <span className="tabular-nums">{money(i.amountCents)} on the plan</span>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-slate-700">
            <span className="text-slate-500">Payment method: </span>
            {plan.method ? `${plan.method.text}${plan.method.removed ? " (removed by the customer)" : ""}` : "none saved yet"}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            <span className="text-slate-500">Customer: </span>
            <Link to={`/app/customers/${plan.customer.id}`} className="font-medium text-teal-800 hover:underline">
              {plan.customer.name}
            </Link>
            <span className="block break-words text-slate-500">{plan.customer.email}</span>
          </p>
        </Card>
        <Card className="p-5">
          <h2 className="font-semibold">Terms the customer accepted</h2>
          <p className="mt-1 text-xs text-slate-500">Accepted {formatInstant(new Date(plan.acceptedAt), timeZone)}</p>
          <blockquote className="mt-3 whitespace-pre-line border-l-2 border-slate-200 pl-3 text-sm text-slate-700">{plan.termsText}</blockquote>
        </Card>
      </div>

      {cancellable ? (
        <Card className="p-5">
          <h2 className="font-semibold">Cancel plan</h2>
          <p className="mt-1 text-sm text-slate-500">
            No further instalments are charged and the invoices go back to the normal reminder sequence. A charge already in flight still completes.
          </p>
          {can("collect") ? (
            <Form method="post" className="mt-4 space-y-3" noValidate aria-label="Cancel plan">
              <input type="hidden" name="intent" value="cancel" />
              <div>
                <label htmlFor="reason" className="block text-sm font-medium text-slate-700">
                  Reason
                </label>
                <textarea
                  id="reason"
                  name="reason"
                  rows={3}
                  required
                  minLength={3}
                  maxLength={500}
                  defaultValue={result?.reason ?? ""}
                  aria-invalid={reasonErrors?.length ? true : undefined}
                  aria-describedby={reasonErrors?.length ? "reason-error" : "reason-hint"}
                  className={`mt-1.5 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset focus:ring-2 focus:ring-teal-600 ${reasonErrors?.length ? "ring-rose-400" : "ring-slate-300"}`}
                />
                {reasonErrors?.length ? (
                  <p id="reason-error" className="mt-1 text-sm text-rose-700">
                    {reasonErrors.join(" ")}
                  </p>
                ) : (
                  <p id="reason-hint" className="mt-1 text-xs text-slate-500">
                    Logged and sent to the customer.
                  </p>
                )}
              </div>
              {result?.formError ? (
                <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
                  {result.formError}
                </p>
              ) : null}
              <button
                type="submit"
                disabled={busy}
                className="inline-flex items-center justify-center rounded-lg bg-white px-4 py-2.5 text-sm font-semibold text-rose-700 ring-1 ring-inset ring-rose-300 transition hover:bg-rose-50 disabled:cursor-not-allowed disabled:opacity-60"
              >
                Cancel plan
              </button>
            </Form>
          ) : null}
        </Card>
      ) : null}

      <Card>
        <h2 className="border-b border-slate-200 px-5 py-4 font-semibold">History</h2>
        {plan.history.length === 0 ? <p className="px-5 py-4 text-sm text-slate-500">Nothing logged yet.</p> : null}
        <ol className="divide-y divide-slate-100">
          {plan.history.map((a) => (
            <li key={a.id} className="px-5 py-3 text-sm">
              <span className="text-slate-900">{a.summary}</span>
              <span className="block text-xs text-slate-500">
                {formatInstant(new Date(a.occurredAt), timeZone)} · {a.actor.toLowerCase()} · {a.type}
              </span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}

type ScheduleRow = ReturnType<typeof useLoaderData<typeof loader>>["plan"]["schedule"][number];

function InstalmentPayments({ instalment, money, timeZone }: { instalment: ScheduleRow; money: (c: number) => string; timeZone: string }) {
  const shownFailure = instalment.payments.some((p) => p.status === "FAILED" && p.failureMessage === instalment.lastFailure);
  return (
    <>
      {instalment.payments.length === 0 && !instalment.lastFailure ? <span className="text-slate-500">—</span> : null}
      <ul className="space-y-1">
        {instalment.payments.map((p) => (
          <li key={p.id} className="text-xs">
            <span className="tabular-nums">{money(p.amountCents)}</span> · {p.methodDetails ?? (p.method === "CARD" ? "card" : "bank account")} ·{" "}
            <span className={`font-medium ${PAYMENT_TONE[p.status] ?? ""}`}>{PAYMENT_LABELS[p.status] ?? p.status.toLowerCase()}</span>
            {p.receiptNumber ? <span className="text-slate-500"> · {p.receiptNumber}</span> : null}
            <span className="block text-slate-500">
              {formatInstant(new Date(p.createdAt), timeZone)}
              {p.offSession ? " · automatic charge" : " · by the customer"}
            </span>
            {p.status === "FAILED" && p.failureMessage ? <span className="block text-rose-700">{p.failureMessage}</span> : null}
          </li>
        ))}
      </ul>
      {instalment.lastFailure && instalment.status !== "PAID" && !shownFailure ? <p className="mt-1 text-xs text-rose-700">Last failure: {instalment.lastFailure}</p> : null}
    </>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums tracking-tight text-slate-900">{value}</dd>
      {hint ? <dd className="mt-1 text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
