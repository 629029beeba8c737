import { formatDecimal } from "~/modules/money/money";
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { previewTotal, type DraftLineValues } from "~/modules/invoices/draft-form";
import { currencyLabel, formatMoney, minorDigits } from "~/modules/money/money";

/** Empty line rows sent with the page, so lines can be added without JavaScript. */
const SPARE_ROWS = 3;
const MIN_ROWS = 5;

type Customer = { id: string; name: string; companyName: string | null; email: string; depositRequired: boolean; currency: string };

const inputClass = (invalid: boolean) =>
  `block w-full rounded-lg border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset focus:ring-teal-600 ${invalid ? "ring-rose-400" : "ring-slate-300"}`;

function formValues(form: HTMLFormElement) {
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form).entries()) if (typeof value === "string") values[key] = value;
  return values;
}

/** The invoice editor: customer, dates, memo and lines. Works as a plain form; with JavaScript it shows a live total and adds rows. */
export function InvoiceEditor(props: {
  customers: Customer[];
  currency: string;
  values: Record<string, string>;
  lines: DraftLineValues[];
  errors: Record<string, string[] | undefined>;
  submitLabel: string;
  busy: boolean;
  intent?: string;
}) {
  const { customers, values, errors, busy } = props;
  const [customerId, setCustomerId] = useState(values.customerId ?? "");
  // Prices are read in the chosen customer's currency (decision 033); before a choice, in the business's.
  const currency = customers.find((c) => c.id === customerId)?.currency ?? props.currency;
  const filledRows = props.lines.reduce((last, l, i) => (l.description.trim() || l.quantity.trim() || l.unitPrice.trim() ? i + 1 : last), 0);
  const [rowCount, setRowCount] = useState(Math.max(MIN_ROWS, filledRows + SPARE_ROWS));
  // The lines arrive apart from the header values (a saved draft): the first total counts them too.
  const [total, setTotal] = useState<number | null>(() =>
    previewTotal({ ...values, ...Object.fromEntries(props.lines.flatMap((l, i) => [[`lines.${i}.description`, l.description], [`lines.${i}.quantity`, l.quantity], [`lines.${i}.unitPrice`, l.unitPrice]])) }, currency),
  );
  const rows = Array.from({ length: rowCount }, (_, i) => props.lines[i] ?? { description: "", quantity: "", unitPrice: "" });
  const formRef = useRef<HTMLFormElement>(null);
  const readForm = (form: HTMLFormElement) => {
    const typed = formValues(form);
    setCustomerId(typed.customerId ?? "");
    setTotal(previewTotal(typed, customers.find((c) => c.id === typed.customerId)?.currency ?? props.currency));
  };
  const onInput = (event: FormEvent<HTMLFormElement>) => readForm(event.currentTarget);
  // What was picked and typed before the scripts ran stays in the fields; the currency, the deposit note and the total
  // follow it from hydration on (as on the portal's plan page, decision 034).
  useEffect(() => {
    if (formRef.current) readForm(formRef.current);
    // Only once, on hydration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const formError = errors.form?.join(" ");
  const depositCustomer = customers.find((c) => c.id === customerId && c.depositRequired);

  return (
    <Form ref={formRef} method="post" noValidate onInput={onInput} className="space-y-6" aria-label="Invoice">
      {props.intent ? <input type="hidden" name="intent" value={props.intent} /> : null}
      {formError ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          {formError}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="customerId" className="block text-sm font-medium text-slate-700">
            Customer
          </label>
          <select
            id="customerId"
            name="customerId"
            defaultValue={values.customerId ?? ""}
            onChange={(event) => setCustomerId(event.currentTarget.value)}
            aria-invalid={errors.customerId ? true : undefined}
            aria-describedby={[errors.customerId ? "customerId-error" : null, depositCustomer ? "deposit-note" : null].filter(Boolean).join(" ") || undefined}
            className={`mt-1.5 ${inputClass(!!errors.customerId)} py-2.5`}
          >
            <option value="">Choose a customer…</option>
            {customers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.companyName ? ` (${c.companyName})` : ""} · {c.email}
              </option>
            ))}
          </select>
          {errors.customerId ? (
            <p id="customerId-error" className="mt-1 text-sm text-rose-700">
              {errors.customerId.join(" ")}
            </p>
          ) : null}
          {depositCustomer ? (
            <p id="deposit-note" className="mt-1 text-sm text-amber-800">
              {depositCustomer.name} must pay a deposit before new work: make this invoice due on receipt (due date = issue date). It cannot be sent otherwise.
            </p>
          ) : null}
        </div>
        <Field label="Invoice number" name="number" defaultValue={values.number} errors={errors.number} hint="Unique among your invoices." />
        <Field label="Issue date" name="issueDate" type="date" defaultValue={values.issueDate} errors={errors.issueDate} />
        <Field label="Due date" name="dueDate" type="date" defaultValue={values.dueDate} errors={errors.dueDate} />
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-slate-700">
          Lines <span className="font-normal text-slate-500" data-testid="editor-currency">(prices in {currencyLabel(currency)}{minorDigits(currency) === 0 ? ", whole amounts only" : ""})</span>
        </legend>
        <p className="text-xs text-slate-500">Leave a row empty to skip it. Quantity defaults to 1; up to 3 decimals (1.5 hours).</p>
        <div className="mt-2 hidden grid-cols-[1fr_6rem_8rem] gap-2 text-xs font-medium uppercase tracking-wide text-slate-500 sm:grid">
          <span>Description</span>
          <span>Quantity</span>
          <span>Unit price</span>
        </div>
        <ol className="mt-2 space-y-3 sm:space-y-2">
          {rows.map((row, index) => {
            const e = (field: string) => errors[`lines.${index}.${field}`];
            const messages = [e("description"), e("quantity"), e("unitPrice")].flat().filter(Boolean);
            return (
              <li key={index} className="rounded-lg bg-slate-50 p-3 sm:bg-transparent sm:p-0">
                <div className="grid grid-cols-2 gap-2 sm:grid-cols-[1fr_6rem_8rem]">
                  <input
                    name={`lines.${index}.description`}
                    aria-label={`Line ${index + 1} description`}
                    placeholder="Description"
                    defaultValue={row.description}
                    aria-invalid={e("description") ? true : undefined}
                    className={`col-span-2 sm:col-span-1 ${inputClass(!!e("description"))}`}
                  />
                  <input
                    name={`lines.${index}.quantity`}
                    aria-label={`Line ${index + 1} quantity`}
                    placeholder="1"
                    inputMode="decimal"
                    defaultValue={row.quantity}
                    aria-invalid={e("quantity") ? true : undefined}
                    className={`${inputClass(!!e("quantity"))} text-right`}
                  />
                  <input
                    name={`lines.${index}.unitPrice`}
                    aria-label={`Line ${index + 1} unit price`}
                    placeholder={formatDecimal(0, currency)}
                    inputMode="decimal"
                    defaultValue={row.unitPrice}
                    aria-invalid={e("unitPrice") ? true : undefined}
                    className={`${inputClass(!!e("unitPrice"))} text-right`}
                  />
                </div>
                {messages.length ? <p className="mt-1 text-sm text-rose-700">Line {index + 1}: {messages.join(" ")}</p> : null}
              </li>
            );
          })}
        </ol>
        {errors.lines ? <p className="mt-2 text-sm text-rose-700">{errors.lines.join(" ")}</p> : null}
        <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
          <button type="button" onClick={() => setRowCount((n) => n + 1)} className="text-sm font-medium text-teal-700 hover:text-teal-800" disabled={rowCount >= 100}>
            + Add a line
          </button>
          <p className="text-sm text-slate-600" aria-live="polite">
            Total: <span className="font-semibold tabular-nums text-slate-900" data-testid="editor-total">{total === null ? "check the lines" : formatMoney(total, currency)}</span>
          </p>
        </div>
      </fieldset>

      <div>
        <label htmlFor="memo" className="block text-sm font-medium text-slate-700">
          Memo <span className="font-normal text-slate-500">(optional, shown to the customer)</span>
        </label>
        <textarea id="memo" name="memo" rows={2} defaultValue={values.memo ?? ""} className={`mt-1.5 ${inputClass(!!errors.memo)}`} />
        {errors.memo ? <p className="mt-1 text-sm text-rose-700">{errors.memo.join(" ")}</p> : null}
      </div>

      <Button type="submit" disabled={busy}>
        {props.submitLabel}
      </Button>
    </Form>
  );
}
