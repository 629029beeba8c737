import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, Stat } from "~/components/ui/card";
import { requireOwner } from "~/modules/auth/session.server";
import { loadDashboard } from "~/modules/dashboard/dashboard.server";
import { AGING_BUCKETS, type Dashboard } from "~/modules/dashboard/figures";
import { formatDate } from "~/modules/dates/calendar";
import { currencyLabel, formatMoney } from "~/modules/money/money";
import { today } from "~/utils/clock.server";

export const meta: MetaFunction = () => [{ title: "Money · Duely" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireOwner(request);
  const day = today(business.timeZone);
  return json({ today: day, currency: business.currency, byCurrency: await loadDashboard(business.id, business.currency, business.timeZone, day) });
}

const BUCKET_LABELS: Record<(typeof AGING_BUCKETS)[number], string> = { current: "Not yet due", "1-30": "1–30 days late", "31-60": "31–60 days", "61-90": "61–90 days", "90+": "Over 90 days" };
const BUCKET_COLORS: Record<(typeof AGING_BUCKETS)[number], string> = { current: "bg-teal-600", "1-30": "bg-amber-400", "31-60": "bg-orange-500", "61-90": "bg-rose-500", "90+": "bg-rose-800" };

export default function Money() {
  const { today: day, byCurrency } = useLoaderData<typeof loader>();
  const several = byCurrency.length > 1;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Money</h1>
        <p className="text-sm text-slate-500">As of {formatDate(day, "en-US", "long")}</p>
        {several ? <p className="mt-1 text-sm text-slate-500">One section per currency: amounts in different currencies are never added or converted.</p> : null}
      </div>
      {byCurrency.map(({ currency, figures }) => (
        <section key={currency} aria-labelledby={several ? `money-${currency}` : undefined} data-testid={`money-${currency}`} className="space-y-8">
          {several ? (
            <h2 id={`money-${currency}`} className="border-b border-slate-200 pb-2 text-lg font-semibold">
              {currencyLabel(currency)}
            </h2>
          ) : null}
          <CurrencyFigures currency={currency} f={figures} />
        </section>
      ))}
    </div>
  );
}

function CurrencyFigures({ currency, f }: { currency: string; f: Dashboard }) {
  const money = (c: number) => formatMoney(c, currency);
  const agingMax = Math.max(1, ...AGING_BUCKETS.map((b) => f.aging[b]));
  const sourceMax = Math.max(1, ...f.sources.map((s) => s.amountCents));
  const percent = (bps: number) => `${(bps / 100).toFixed(1)}%`;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Stat label="Outstanding" value={money(f.outstandingCents)} hint="Owed on issued invoices" />
        <Stat label="Overdue" value={money(f.overdueCents)} tone={f.overdueCents > 0 ? "warn" : "default"} hint="Due now on invoices past their due date" />
        <Stat label="Collected this month" value={money(f.collectedThisMonthCents)} tone="good" hint={`${f.collectedThisMonthCount} payment${f.collectedThisMonthCount === 1 ? "" : "s"} since the 1st${f.refundedThisMonthCents > 0 ? `, less ${money(f.refundedThisMonthCents)} refunded` : ""}${f.chargedBackThisMonthCents + f.disputeFeesThisMonthCents > 0 ? `, less ${money(f.chargedBackThisMonthCents)} charged back and ${money(f.disputeFeesThisMonthCents)} in dispute fees` : ""}`} />
        {f.openDisputeCount > 0 || f.disputesLostCents > 0 || f.disputeFeesCents > 0 ? (
          <Stat
            label="Under dispute"
            value={money(f.underDisputeCents)}
            tone={f.openDisputeCount > 0 ? "warn" : "default"}
            hint={`${f.openDisputeCount} open chargeback${f.openDisputeCount === 1 ? "" : "s"}; in the last 12 months ${money(f.disputesLostCents)} lost and ${money(f.disputeFeesCents)} in dispute fees`}
          />
        ) : null}
        <Stat label="Days sales outstanding" value={f.dso === null ? "—" : `${f.dso} days`} hint={`Outstanding ÷ billed in the last ${f.dsoDays} days × ${f.dsoDays}`} />
        <Stat
          label="Realization rate"
          value={f.realizationBps === null ? "—" : percent(f.realizationBps)}
          hint={`Collected ${money(f.collectedOnBilledCents)} of ${money(f.billedCents)} billed in the last ${f.realizationDays} days`}
        />
        <Stat label="Bad debt written off" value={money(f.badDebtThisMonthCents)} hint={`This month; ${money(f.badDebtLast12MonthsCents)} in the last 12 months, from invoices written off as uncollectible`} />
      </div>

      <Card className="p-5">
        <h2 className="font-semibold">Aging</h2>
        <p className="text-sm text-slate-500">Unpaid balances by how late they are</p>
        <dl className="mt-4 space-y-3" data-testid="aging">
          {AGING_BUCKETS.map((b) => (
            <div key={b} className="grid grid-cols-[7.5rem_1fr_auto] items-center gap-3 text-sm sm:grid-cols-[9rem_1fr_7rem]">
              <dt className="text-slate-600">{BUCKET_LABELS[b]}</dt>
              <div className="h-3 rounded-full bg-slate-100" aria-hidden="true">
                <div className={`h-3 rounded-full ${BUCKET_COLORS[b]}`} style={{ width: `${(f.aging[b] / agingMax) * 100}%` }} />
              </div>
              <dd className="text-right font-medium tabular-nums">{money(f.aging[b])}</dd>
            </div>
          ))}
        </dl>
      </Card>

      <Card className="p-5">
        <h2 className="font-semibold">What led to each payment</h2>
        <p className="text-sm text-slate-500">Payments of the last 12 months by the offer or reminder that came before them</p>
        {f.sources.length === 0 ? <p className="mt-4 text-sm text-slate-500">No payments yet.</p> : null}
        <dl className="mt-4 space-y-3" data-testid="sources">
          {f.sources.map((s) => (
            <div key={s.label} className="grid grid-cols-[9rem_1fr_auto] items-center gap-3 text-sm sm:grid-cols-[13rem_1fr_9rem]">
              <dt className="text-slate-600">{s.label}</dt>
              <div className="h-3 rounded-full bg-slate-100" aria-hidden="true">
                <div className="h-3 rounded-full bg-teal-600" style={{ width: `${(s.amountCents / sourceMax) * 100}%` }} />
              </div>
              <dd className="text-right tabular-nums">
                <span className="font-medium">{money(s.amountCents)}</span> <span className="text-xs text-slate-500">({s.count})</span>
              </dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
