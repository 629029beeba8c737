import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useCan } from "~/components/use-can";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InvoiceEditor } from "~/components/invoice-editor";
import { DisputedBadge, StatusBadge } from "~/components/status-badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { assertCan, requireOwner, requireUser } from "~/modules/auth/session.server";
import { creditNotesOf, issueCreditNote, writeOffInvoice, writtenOffBy } from "~/modules/credit-notes/credit-notes.server";
import { formatDate, formatInstant, fromDbDate } from "~/modules/dates/calendar";
import { formatDecimal, formatQuantity } from "~/modules/invoices/csv";
import { parseDraftForm, lineValuesOf } from "~/modules/invoices/draft-form";
import { InvoiceRuleError, issueInvoice, updateDraft, voidInvoice } from "~/modules/invoices/editor.server";
import { OFFLINE_METHODS } from "~/modules/invoices/offline-payment";
import { recordOfflinePayment } from "~/modules/invoices/offline-payment.server";
import { billingCurrency, customerOptions, getOwnerInvoice, invoiceCurrencyOf } from "~/modules/invoices/owner.server";
import { formatMoney } from "~/modules/money/money";
import { METHOD_LABELS } from "~/modules/payments/pricing";
import { emailInvoice } from "~/modules/portal-access/send-link.server";
import { today } from "~/utils/clock.server";
import { chaseAfterLostDispute, invoiceDisputes } from "~/modules/disputes/disputes.server";
import { readForm, idParam } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.invoice.number} · Duely` : "Invoice" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { business } = await requireOwner(request);
  const day = today(business.timeZone);
  const found = await getOwnerInvoice(business.id, idParam(params), day);
  if (!found) throw new Response("Not found", { status: 404 });
  const { invoice, figures } = found;
  const [creditNotes, writtenOffByName] = await Promise.all([creditNotesOf(invoice.id, { businessId: business.id }), writtenOffBy(invoice)]);
  return json({
    today: day,
    timeZone: business.timeZone,
    customers: invoice.state === "DRAFT" ? await customerOptions(business.id) : [],
    // A fresh key per page view: submitting the same payment form twice records it once.
    submissionKey: crypto.randomUUID(),
    // The credit note form's one-time key: sent twice, it makes one credit note.
    requestKey: crypto.randomUUID(),
    figures,
    disputes: invoice.state === "ISSUED" ? await invoiceDisputes(business.id, invoice.id) : [],
    remindersPaused: invoice.remindersPausedAt !== null,
    invoice: {
      id: invoice.id,
      number: invoice.number,
      state: invoice.state,
      currency: invoice.currency,
      issueDate: fromDbDate(invoice.issueDate),
      dueDate: fromDbDate(invoice.dueDate),
      memo: invoice.memo,
      sentAt: invoice.sentAt,
      voidedAt: invoice.voidedAt,
      voidReason: invoice.voidReason,
      writtenOff: invoice.uncollectibleAt ? { at: invoice.uncollectibleAt, reason: invoice.uncollectibleReason ?? "", by: writtenOffByName } : null,
      creditNotes: creditNotes.map((n) => ({ id: n.id, number: n.number, amountCents: n.amountCents, reason: n.reason, createdAt: n.createdAt })),
      customer: invoice.customer,
      lines: invoice.lines.map((l) => ({ id: l.id, description: l.description, quantityMilli: l.quantityMilli, unitAmountCents: l.unitAmountCents, amountCents: l.amountCents })),
      payments: invoice.allocations.map((a) => ({
        id: a.payment.id,
        amountCents: a.amountCents,
        status: a.payment.status,
        method: a.payment.methodDetails ?? METHOD_LABELS[a.payment.method] ?? a.payment.method,
        receiptNumber: a.payment.receiptNumber,
        at: a.payment.succeededAt ?? a.payment.createdAt,
      })),
      activity: invoice.activity.map((a) => ({ id: String(a.id), summary: a.summary, actor: a.actor, type: a.type, occurredAt: a.occurredAt })),
    },
  });
}

const Intent = z.object({ intent: z.enum(["save", "send", "email", "void", "payment", "chase", "credit-note", "write-off"], "That action is not available.") });

type ActionResult = { intent: string; message: string | null; fieldErrors: Record<string, string[]>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, business } = await requireUser(request, "collect");
  const invoiceId = idParam(params);
  const values: Record<string, string> = {};
  for (const [key, value] of (await readForm(request)).entries()) if (typeof value === "string") values[key] = value;
  const intent = Intent.safeParse(values);
  // Amounts in replies are in the invoice's currency (a customer may be billed in another than the business's).
  const invoiceCurrency = () => invoiceCurrencyOf(business, invoiceId);
  const reply = (status: number, message: string | null, fieldErrors: Record<string, string[]> = {}) =>
    json<ActionResult>({ intent: intent.success ? intent.data.intent : "", message, fieldErrors, values }, { status });
  if (!intent.success) return reply(400, null, { form: ["That action is not available."] });
  try {
    switch (intent.data.intent) {
      case "chase": {
        const chased = await chaseAfterLostDispute(business.id, user.id, invoiceId);
        return chased.ok ? reply(200, chased.message) : reply(400, null, { form: [chased.message] });
      }
      case "save": {
        const currency = await billingCurrency(business, values.customerId?.trim());
        const parsed = parseDraftForm(values, currency);
        if (!parsed.ok) return reply(400, null, parsed.fieldErrors);
        await updateDraft(business.id, user.id, invoiceId, parsed.data, currency);
        return reply(200, "Draft saved.");
      }
      case "send": {
        const { invoice, alreadyIssued } = await issueInvoice(business.id, user.id, invoiceId);
        return reply(200, alreadyIssued ? `${invoice.number} was already sent; nothing more was emailed.` : `${invoice.number} is issued and emailed to the customer with a portal link.`);
      }
      case "email": {
        await emailInvoice(business.id, invoiceId, user.id);
        return reply(200, "Invoice emailed again with a portal link.");
      }
      case "void": {
        assertCan(user, "concede");
        await voidInvoice(business.id, user.id, invoiceId, values.reason ?? "");
        return reply(200, "Invoice voided.");
      }
      case "credit-note": {
        assertCan(user, "concede");
        const issued = await issueCreditNote(business.id, { id: user.id, name: user.name }, invoiceId, values);
        if (!issued.ok) return reply(400, null, issued.fieldErrors);
        return reply(
          200,
          issued.duplicate
            ? `Credit note ${issued.number} was already issued from this form; nothing more was credited.`
            : `Credit note ${issued.number} for ${formatMoney(issued.amountCents, await invoiceCurrency())} issued. The customer is emailed a link to its PDF.`,
        );
      }
      case "write-off": {
        assertCan(user, "concede");
        const written = await writeOffInvoice(business.id, { id: user.id, name: user.name }, invoiceId, values);
        if (!written.ok) return reply(400, null, written.fieldErrors);
        return reply(200, `${formatMoney(written.amountCents, await invoiceCurrency())} written off as uncollectible. Reminders and late fees stop; the customer is not emailed.`);
      }
      case "payment": {
        const recorded = await recordOfflinePayment(business.id, user.id, invoiceId, {
          amount: values.amount ?? "",
          method: (values.method ?? "") as (typeof OFFLINE_METHODS)[number],
          receivedOn: values.receivedOn ?? "",
          reference: values.reference ?? "",
          submissionKey: values.submissionKey ?? "",
        });
        return reply(
          200,
          recorded.duplicate
            ? `That payment was already recorded (receipt ${recorded.receiptNumber}); nothing was added.`
            : `Payment of ${formatMoney(recorded.amountCents, await invoiceCurrency())} recorded. Receipt ${recorded.receiptNumber} is emailed to the customer.`,
        );
      }
    }
  } catch (error) {
    if (error instanceof InvoiceRuleError) return reply(400, null, { [error.field]: [error.message] });
    throw error;
  }
}

function Alert({ children, tone }: { children: string; tone: "good" | "bad" }) {
  return tone === "good" ? (
    <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
      {children}
    </p>
  ) : (
    <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
      {children}
    </p>
  );
}

export default function InvoicePage() {
  const can = useCan();
  const { invoice, figures, customers, submissionKey, requestKey, today: day, timeZone, disputes, remindersPaused } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const money = (c: number) => formatMoney(c, invoice.currency);
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.fieldErrors : {});
  const paymentErrors = errorsFor("payment");
  const paymentValues = actionData?.intent === "payment" && actionData.message === null ? actionData.values : {};
  const voidErrors = errorsFor("void");
  const creditErrors = errorsFor("credit-note");
  const creditValues = actionData?.intent === "credit-note" && actionData.message === null ? actionData.values : {};
  const writeOffErrors = errorsFor("write-off");
  const formError = actionData && !["save", "payment", "void", "credit-note", "write-off"].includes(actionData.intent) ? actionData.fieldErrors.form?.join(" ") : undefined;
  const draftValues =
    actionData?.intent === "save" && actionData.message === null
      ? actionData.values
      : { customerId: invoice.customer.id, number: invoice.number, issueDate: invoice.issueDate, dueDate: invoice.dueDate, memo: invoice.memo ?? "" };
  const draftLines =
    actionData?.intent === "save" && actionData.message === null
      ? lineValuesOf(actionData.values)
      : invoice.lines.map((l) => ({ description: l.description, quantity: formatQuantity(l.quantityMilli), unitPrice: formatDecimal(l.unitAmountCents, invoice.currency) }));

  return (
    <div className="space-y-6">
      <Link to="/app/invoices" className="text-sm font-medium text-teal-700 hover:text-teal-800">
        ← Invoices
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight">Invoice {invoice.number}</h1>
            <StatusBadge status={figures.status} daysOverdue={figures.daysOverdue} />
            {figures.underDispute && figures.status !== "DISPUTED" ? <DisputedBadge /> : null}
          </div>
          <p className="text-sm text-slate-500">
            <Link to={`/app/customers/${invoice.customer.id}`} className="font-medium text-teal-800 hover:underline">
              {invoice.customer.name}
            </Link>
            {invoice.customer.companyName ? ` · ${invoice.customer.companyName}` : ""} · issued {formatDate(invoice.issueDate)} · due {formatDate(invoice.dueDate)}
            {invoice.sentAt ? ` · emailed ${formatInstant(new Date(invoice.sentAt), timeZone)}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {invoice.state === "DRAFT" ? (
            can("collect") ? (
              <Form method="post">
                <input type="hidden" name="intent" value="send" />
                <Button type="submit" disabled={busy}>
                  Send invoice
                </Button>
              </Form>
            ) : null
          ) : null}
          {invoice.state === "ISSUED" ? (
            can("collect") ? (
              <Form method="post">
                <input type="hidden" name="intent" value="email" />
                <Button type="submit" variant="secondary" disabled={busy}>
                  Email again
                </Button>
              </Form>
            ) : null
          ) : null}
        </div>
      </div>

      {actionData?.message ? <Alert tone="good">{actionData.message}</Alert> : null}
      {formError ? <Alert tone="bad">{formError}</Alert> : null}
      {invoice.state === "VOID" ? <Alert tone="bad">{`Void since ${invoice.voidedAt ? formatInstant(new Date(invoice.voidedAt), timeZone) : "—"}: ${invoice.voidReason ?? ""}`}</Alert> : null}
      {invoice.writtenOff ? (
        <p role="note" className="rounded-lg bg-stone-100 px-4 py-3 text-sm text-stone-800 ring-1 ring-inset ring-stone-300">
          <span className="font-semibold">Written off</span> as uncollectible {formatInstant(new Date(invoice.writtenOff.at), timeZone)}
          {invoice.writtenOff.by ? ` by ${invoice.writtenOff.by}` : ""}: {invoice.writtenOff.reason}. It is no longer chased; Money counts it as bad debt.
        </p>
      ) : null}

      {invoice.state === "DRAFT" ? (
        <Card className="p-5 sm:p-6">
          <h2 className="mb-1 font-semibold">Edit the draft</h2>
          <p className="mb-4 text-sm text-slate-500">Once you send it, its lines and dates can no longer be changed.</p>
          <InvoiceEditor
            key={invoice.lines.map((l) => l.id).join()}
            customers={customers}
            currency={invoice.currency}
            values={draftValues}
            lines={draftLines}
            errors={errorsFor("save")}
            submitLabel="Save draft"
            busy={busy}
            intent="save"
          />
        </Card>
      ) : (
        <Card>
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-5 py-3">Description</th>
                  <th className="hidden px-5 py-3 text-right sm:table-cell">Quantity</th>
                  <th className="hidden px-5 py-3 text-right sm:table-cell">Unit price</th>
                  <th className="px-5 py-3 text-right">Amount</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {invoice.lines.map((l) => (
                  <tr key={l.id}>
                    <td className="px-5 py-3">
                      {l.description}
                      <span className="block text-xs text-slate-500 sm:hidden">
                        {formatQuantity(l.quantityMilli)} × {money(l.unitAmountCents)}
                      </span>
                    </td>
                    <td className="hidden px-5 py-3 text-right tabular-nums sm:table-cell">{formatQuantity(l.quantityMilli)}</td>
                    <td className="hidden whitespace-nowrap px-5 py-3 text-right tabular-nums sm:table-cell">{money(l.unitAmountCents)}</td>
                    <td className="whitespace-nowrap px-5 py-3 text-right tabular-nums">{money(l.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <table className="ml-auto w-full max-w-sm border-t border-slate-100 text-sm" aria-label="Figures">
            <tbody>
              {figures.feesCents > 0 ? <FigureRow label="Late fees" value={money(figures.feesCents)} /> : null}
              <FigureRow label="Total" value={money(figures.totalCents)} strong />
              {figures.paidCents > 0 ? <FigureRow label="Paid" value={money(-figures.paidCents)} /> : null}
              {figures.processingCents > 0 ? <FigureRow label="Processing" value={money(figures.processingCents)} /> : null}
              {figures.discountCents > 0 ? <FigureRow label="Early-payment discount" value={money(-figures.discountCents)} /> : null}
              {figures.creditCents > 0 ? <FigureRow label="Credits" value={money(-figures.creditCents)} /> : null}
              {figures.writtenOffCents > 0 ? <FigureRow label="Written off" value={money(-figures.writtenOffCents)} /> : null}
              <FigureRow label="Balance due" value={money(figures.balanceCents)} strong />
              {figures.disputedCents > 0 ? <FigureRow label="of which under dispute (not chased)" value={money(figures.disputedCents)} /> : null}
            </tbody>
          </table>
          {invoice.memo ? <p className="border-t border-slate-100 px-5 py-3 text-sm text-slate-600">Memo: {invoice.memo}</p> : null}
          <p className="border-t border-slate-100 px-5 py-3 text-xs text-slate-500">
            {invoice.writtenOff
              ? "Written-off invoices stay in your records as bad debt; they cannot be edited, credited or voided."
              : invoice.state === "ISSUED"
                ? "This invoice has been issued: its lines can no longer be edited. To correct it, void it and create a new one, or issue a credit note."
                : "Void invoices are kept for your records."}
          </p>
        </Card>
      )}

      {disputes.length > 0 ? (
        <Card className="p-5 sm:p-6">
          <h2 className="font-semibold">Disputes</h2>
          <ul className="mt-2 divide-y divide-slate-100 text-sm" aria-label="Disputes on this invoice">
            {disputes.map((d) => (
              <li key={d.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
                <div>
                  <p className="font-medium">
                    {d.inquiry ? "Inquiry" : "Chargeback"} on {money(d.amountCents)} of this invoice: {d.reasonText}
                  </p>
                  <p className="text-xs text-slate-500">
                    Opened {formatInstant(new Date(d.openedAt), timeZone)}
                    {d.status === "OPEN" && d.evidenceDueBy ? ` · evidence due by ${formatInstant(new Date(d.evidenceDueBy), timeZone)}` : ""}
                    {d.closedAt ? ` · closed ${formatInstant(new Date(d.closedAt), timeZone)}` : ""} ·{" "}
                    <Link to={`/app/payments/${d.paymentId}`} className="font-medium text-teal-800 hover:underline">
                      the payment
                    </Link>
                  </p>
                  {d.status === "OPEN" ? <p className="mt-1 text-xs text-orange-900">No reminder goes out for this invoice while the dispute is open.</p> : null}
                  {d.status === "LOST" ? (
                    <p className="mt-1 text-xs text-rose-700">
                      Lost: {money(d.amountCents)} is owed again. {remindersPaused ? "Reminders are paused until you decide: chase it again, or write it off as uncollectible." : "Reminders are running."}
                    </p>
                  ) : null}
                </div>
                <span className={`status-badge ${d.status === "OPEN" ? "bg-orange-50 text-orange-900 ring-orange-300" : d.status === "WON" ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-rose-50 text-rose-800 ring-rose-200"}`}>
                  {d.status === "OPEN" ? "Disputed" : d.status === "WON" ? "Won" : "Lost"}
                </span>
              </li>
            ))}
          </ul>
          {disputes.some((d) => d.status === "LOST") && remindersPaused && figures.dueNowCents > 0 && can("collect") ? (
            <Form method="post" className="mt-3">
              <input type="hidden" name="intent" value="chase" />
              <Button type="submit" variant="secondary" disabled={busy}>
                Chase it again (resume reminders)
              </Button>
            </Form>
          ) : null}
        </Card>
      ) : null}

      {invoice.state === "ISSUED" && figures.dueNowCents > 0 ? (
        <Card className="p-5 sm:p-6">
          <h2 className="font-semibold">Record a payment received</h2>
          <p className="mb-4 text-sm text-slate-500">A cheque, a bank transfer or cash. The customer gets a receipt by email. At most {money(figures.dueNowCents)}.</p>
          {can("collect") ? (
            <Form key={submissionKey} method="post" className="grid gap-4 sm:grid-cols-2" aria-label="Record a payment">
              <input type="hidden" name="intent" value="payment" />
              <input type="hidden" name="submissionKey" value={submissionKey} />
              <Field label="Amount" name="amount" inputMode="decimal" defaultValue={paymentValues.amount ?? formatDecimal(figures.dueNowCents, invoice.currency)} errors={paymentErrors.amount} />
              <div>
                <label htmlFor="method" className="block text-sm font-medium text-slate-700">
                  Method
                </label>
                <select id="method" name="method" defaultValue={paymentValues.method ?? "CHECK"} className="mt-1.5 block w-full rounded-lg border-0 px-3 py-2.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600">
                  {OFFLINE_METHODS.map((m) => (
                    <option key={m} value={m}>
                      {METHOD_LABELS[m]}
                    </option>
                  ))}
                </select>
                {paymentErrors.method ? <p className="mt-1 text-sm text-rose-700">{paymentErrors.method.join(" ")}</p> : null}
              </div>
              <Field label="Received on" name="receivedOn" type="date" max={day} defaultValue={paymentValues.receivedOn ?? day} errors={paymentErrors.receivedOn} />
              <Field label="Reference (cheque number)" name="reference" defaultValue={paymentValues.reference ?? ""} errors={paymentErrors.reference} hint="Required for a cheque." />
              {paymentErrors.form ? <p className="text-sm text-rose-700 sm:col-span-2">{paymentErrors.form.join(" ")}</p> : null}
              <div className="sm:col-span-2">
                <Button type="submit" disabled={busy}>
                  Record payment
                </Button>
              </div>
            </Form>
          ) : null}
        </Card>
      ) : null}

      {invoice.payments.length > 0 ? (
        <Card>
          <h2 className="border-b border-slate-200 px-5 py-4 font-semibold">Payments</h2>
          <ul className="divide-y divide-slate-100">
            {invoice.payments.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
                <span>
                  <span className="font-medium">{p.receiptNumber ? `Receipt ${p.receiptNumber}` : "No receipt"}</span> · {p.method}
                  <span className="block text-xs text-slate-500">{formatInstant(new Date(p.at), timeZone)}</span>
                </span>
                <span className="tabular-nums">{money(p.amountCents)}</span>
                <span className="text-xs font-medium text-slate-600">{p.status.toLowerCase()}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {invoice.creditNotes.length > 0 ? (
        <Card>
          <h2 className="border-b border-slate-200 px-5 py-4 font-semibold">Credit notes</h2>
          <ul className="divide-y divide-slate-100" aria-label="Credit notes">
            {invoice.creditNotes.map((n) => (
              <li key={n.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
                <span>
                  <a href={`/app/credit-notes/${n.id}.pdf`} className="font-medium text-teal-800 hover:underline">
                    Credit note {n.number}
                  </a>{" "}
                  · {n.reason}
                  <span className="block text-xs text-slate-500">{formatInstant(new Date(n.createdAt), timeZone)}</span>
                </span>
                <span className="tabular-nums">−{money(n.amountCents)}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {invoice.state === "ISSUED" && !invoice.writtenOff && figures.dueNowCents > 0 && can("concede") ? (
        <Card className="p-5 sm:p-6">
          <details open={Object.keys(creditErrors).length > 0}>
            <summary className="cursor-pointer font-semibold">Issue a credit note</summary>
            <p className="mt-1 text-sm text-slate-500">
              Takes money off this invoice with a numbered credit note. The customer is emailed a link to its PDF and sees the reason. At most {money(figures.dueNowCents)}.
            </p>
            <Form key={requestKey} method="post" className="mt-4 grid gap-4 sm:grid-cols-2" aria-label="Issue a credit note">
              <input type="hidden" name="intent" value="credit-note" />
              <input type="hidden" name="requestKey" value={requestKey} />
              <Field label="Amount to credit" name="amount" id="credit-amount" inputMode="decimal" defaultValue={creditValues.amount ?? ""} errors={creditErrors.amount} placeholder={formatDecimal(figures.dueNowCents, invoice.currency)} />
              <Field label="Reason (the customer sees it)" name="reason" id="credit-reason" defaultValue={creditValues.reason ?? ""} errors={creditErrors.reason} placeholder="e.g. two hours of the workshop were cancelled" />
              {creditErrors.form || creditErrors.requestKey ? <p className="text-sm text-rose-700 sm:col-span-2">{[...(creditErrors.form ?? []), ...(creditErrors.requestKey ?? [])].join(" ")}</p> : null}
              <div className="sm:col-span-2">
                <Button type="submit" disabled={busy}>
                  Issue credit note
                </Button>
              </div>
            </Form>
          </details>
        </Card>
      ) : null}

      {invoice.state === "ISSUED" && figures.balanceCents > 0 && !figures.underDispute && can("concede") ? (
        <Card className="p-5 sm:p-6">
          <details open={Object.keys(writeOffErrors).length > 0}>
            <summary className="cursor-pointer text-sm font-medium text-stone-700">Write off as uncollectible</summary>
            <Form method="post" className="mt-3 space-y-3" aria-label="Write off the invoice">
              <input type="hidden" name="intent" value="write-off" />
              <p className="text-sm text-slate-600">
                The {money(figures.balanceCents)} left becomes bad debt: reminders and late fees stop and Money counts it. The customer is not emailed. This cannot be undone.
              </p>
              <Field label="Reason (for your records)" name="reason" id="write-off-reason" errors={writeOffErrors.reason ?? writeOffErrors.form} placeholder="e.g. the business closed; no reply for 120 days" />
              <Button type="submit" variant="secondary" disabled={busy}>
                Write off {money(figures.balanceCents)}
              </Button>
            </Form>
          </details>
        </Card>
      ) : null}

      {invoice.state !== "VOID" && !invoice.writtenOff && figures.paidCents + figures.processingCents > 0 ? (
        <p className="text-sm text-slate-500">Money has been received on this invoice, so it cannot be voided. To forgive what is left, give a credit note or write it off above, or offer a settlement on the customer&apos;s page.</p>
      ) : null}
      {invoice.state !== "VOID" && !invoice.writtenOff && figures.paidCents + figures.processingCents === 0 ? (
        <Card className="p-5 sm:p-6">
          <details open={Object.keys(voidErrors).length > 0}>
            <summary className="cursor-pointer text-sm font-medium text-rose-700">Void this invoice</summary>
            {can("concede") ? (
              <Form method="post" className="mt-3 space-y-3" aria-label="Void the invoice">
                <input type="hidden" name="intent" value="void" />
                <p className="text-sm text-slate-600">The customer no longer owes it and it stops being chased. This cannot be undone.</p>
                <Field label="Reason" name="reason" errors={voidErrors.reason ?? voidErrors.form} placeholder="e.g. issued twice by mistake" />
                <Button type="submit" variant="secondary" disabled={busy}>
                  Void invoice
                </Button>
              </Form>
            ) : null}
          </details>
        </Card>
      ) : null}

      <Card>
        <h2 className="border-b border-slate-200 px-5 py-4 font-semibold">Activity</h2>
        <ol className="divide-y divide-slate-100">
          {invoice.activity.map((a) => (
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

function FigureRow({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <tr className={strong ? "font-semibold" : "text-slate-600"}>
      <td className="px-5 py-2 text-right">
        {label}
      </td>
      <td className="whitespace-nowrap px-5 py-2 text-right tabular-nums">{value}</td>
    </tr>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
