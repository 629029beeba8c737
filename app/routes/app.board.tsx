import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useCan } from "~/components/use-can";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { requireOwner, requireUser } from "~/modules/auth/session.server";
import { formatDate } from "~/modules/dates/calendar";
import { formatAmounts, formatMoney } from "~/modules/money/money";
import { BADGE_LABELS, type BoardBadge } from "~/modules/reminders/board";
import { tierBoard } from "~/modules/reminders/board.server";
import { runReminders } from "~/modules/reminders/engine.server";
import { requireInvoicesOf, setInvoicesRemindersPaused } from "~/modules/reminders/pauses.server";
import { now } from "~/utils/clock.server";
import { fieldErrorsOf } from "~/utils/forms";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Tier board · Duely" }];

const BADGES = Object.keys(BADGE_LABELS) as BoardBadge[];

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireOwner(request);
  const url = new URL(request.url);
  const badge = url.searchParams.get("badge") ?? "";
  const board = await tierBoard(business.id, now(), { q: url.searchParams.get("q") ?? "", badge: BADGES.includes(badge as BoardBadge) ? (badge as BoardBadge) : "" });
  return json(board);
}

const BulkForm = z.object({
  intent: z.enum(["pause", "resume", "send-next"], { message: "Choose an action." }),
  invoice: z.array(z.string().min(1)).min(1, "Select at least one invoice first."),
});

export async function action({ request }: ActionFunctionArgs) {
  const { business, user } = await requireUser(request, "collect");
  const form = await readForm(request);
  const parsed = BulkForm.safeParse({ intent: form.get("intent"), invoice: form.getAll("invoice").map(String) });
  if (!parsed.success) return json({ message: null, error: Object.values(fieldErrorsOf(parsed.error.issues)).flat().join(" ") }, { status: 400 });
  const { intent, invoice } = parsed.data;
  if (intent === "pause" || intent === "resume") {
    await setInvoicesRemindersPaused(business.id, user.id, invoice, intent === "pause");
    return json({ message: `${intent === "pause" ? "Paused" : "Resumed"} reminders for ${invoice.length} invoice${invoice.length === 1 ? "" : "s"}.`, error: null });
  }
  await requireInvoicesOf(business.id, invoice);
  const result = await runReminders({ businessId: business.id, advance: invoice });
  const held = result.skipped;
  return json({
    message: `Sent ${result.invoicesReminded} reminder${result.invoicesReminded === 1 ? "" : "s"} to ${result.customersEmailed} customer${result.customersEmailed === 1 ? "" : "s"}${held ? `; ${held} held back by the guardrails (gap between emails, night hours, pauses, promises, questions, plans)` : ""}.`,
    error: null,
  });
}

const BADGE_TONES: Record<BoardBadge, string> = {
  disputed: "bg-orange-50 text-orange-900 ring-orange-300",
  promise: "bg-sky-50 text-sky-800 ring-sky-200",
  question: "bg-violet-50 text-violet-800 ring-violet-200",
  plan: "bg-teal-50 text-teal-800 ring-teal-200",
  processing: "bg-blue-50 text-blue-800 ring-blue-200",
  paused: "bg-slate-100 text-slate-700 ring-slate-300",
};

export default function Board() {
  const can = useCan();
  const board = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const bulk = useRef<HTMLFormElement>(null);
  // After a bulk action the selection is cleared, so the next action starts from nothing selected.
  useEffect(() => {
    if (actionData?.message) bulk.current?.reset();
  }, [actionData]);
  const money = (c: number) => formatMoney(c, board.currency);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Tier board</h1>
          <p className="text-sm text-slate-500">
            {board.total} invoice{board.total === 1 ? "" : "s"} in the reminder sequence, as of {formatDate(board.today, "en-US", "long")}
          </p>
        </div>
        <Form method="get" className="flex flex-wrap items-end gap-2" role="search">
          <label className="text-sm">
            <span className="block font-medium text-slate-700">Search</span>
            <input name="q" defaultValue={params.get("q") ?? ""} placeholder="Customer or invoice" className="mt-1 w-48 rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600" />
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">Only</span>
            <select name="badge" defaultValue={params.get("badge") ?? ""} className="mt-1 rounded-md border-0 py-2 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600">
              <option value="">All invoices</option>
              {BADGES.map((b) => (
                <option key={b} value={b}>
                  {BADGE_LABELS[b]}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </Form>
      </div>

      {actionData?.message ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          {actionData.message}
        </p>
      ) : null}
      {actionData?.error ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          {actionData.error}
        </p>
      ) : null}

      <Form method="post" className="space-y-4" ref={bulk}>
        {can("collect") ? (
          <div className="sticky top-0 z-10 flex flex-wrap items-center gap-2 rounded-lg bg-white/95 p-3 ring-1 ring-slate-200 backdrop-blur">
            <span className="mr-1 text-sm text-slate-600">With the selected invoices:</span>
            <Button type="submit" name="intent" value="pause" variant="secondary" disabled={busy}>
              Pause
            </Button>
            <Button type="submit" name="intent" value="resume" variant="secondary" disabled={busy}>
              Resume
            </Button>
            <Button type="submit" name="intent" value="send-next" disabled={busy}>
              Send next reminder now
            </Button>
          </div>
        ) : null}
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-5">
          {board.columns.map((col) => (
            <section key={col.tier.id} aria-labelledby={`tier-${col.tier.id}`} className="rounded-xl bg-slate-100/70 p-3" data-testid={`tier-${col.tier.kind}`}>
              <h2 id={`tier-${col.tier.id}`} className="flex items-baseline justify-between gap-2 px-1 text-sm font-semibold text-slate-700">
                <span>{col.tier.name}</span>
                <span className="text-xs font-normal text-slate-600">
                  {col.cards.length} · {col.amounts.length === 0 ? money(0) : formatAmounts(col.amounts)}
                </span>
              </h2>
              <p className="px-1 text-xs text-slate-600">{col.tier.offsetDays < 0 ? `${-col.tier.offsetDays} days before due` : col.tier.offsetDays === 0 ? "On the due date" : `${col.tier.offsetDays} days late`}</p>
              <ul className="mt-3 space-y-2">
                {col.cards.length === 0 ? <li className="px-1 text-xs text-slate-600">Nothing here</li> : null}
                {col.cards.map((card) => (
                  <li key={card.invoiceId} className="rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200" data-testid="board-card">
                    <div className="flex items-start gap-2">
                      <input type="checkbox" name="invoice" value={card.invoiceId} aria-label={`Select ${card.number}`} className="mt-0.5 h-4 w-4 rounded border-slate-300 text-teal-700" />
                      <div className="min-w-0 flex-1">
                        <Link to={`/app/customers/${card.customerId}`} className="whitespace-nowrap font-semibold text-teal-800 hover:underline">
                          {card.number}
                        </Link>
                        <p className="truncate text-slate-600" title={card.customerName}>
                          {card.customerName}
                        </p>
                        <p className="flex flex-wrap items-baseline justify-between gap-x-2">
                          <span className="font-semibold tabular-nums">{formatMoney(card.amountCents, card.currency)}</span>
                          <span className={`text-xs ${card.daysOverdue > 0 ? "text-rose-700" : "text-slate-500"}`}>{card.daysOverdue > 0 ? `${card.daysOverdue} days overdue` : `Due ${formatDate(card.dueDate)}`}</span>
                        </p>
                        <p className="mt-1 text-xs text-slate-500">Last contact: {card.lastContact ? `${card.lastContact.tier}, ${formatDate(card.lastContact.on)}` : "none yet"}</p>
                        <p className="text-xs text-slate-700">
                          Next: {card.next.action}
                          {card.next.on ? ` · ${formatDate(card.next.on)}` : ""}
                        </p>
                        {card.badges.length ? (
                          <p className="mt-1.5 flex flex-wrap gap-1">
                            {card.badges.map((b) => (
                              <span key={b} className={`rounded-full px-2 py-0.5 text-[11px] font-medium ring-1 ring-inset ${BADGE_TONES[b]}`}>
                                {BADGE_LABELS[b]}
                              </span>
                            ))}
                          </p>
                        ) : null}
                      </div>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
