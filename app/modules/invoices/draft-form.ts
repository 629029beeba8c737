// The invoice editor's form: header fields and any number of line rows (lines.0.description, ...).
// Pure, so the page and the tests check the same rules; blank line rows are ignored.
import { z } from "zod";
import { isCalendarDate, type CalendarDate } from "~/modules/dates/calendar";
import { lineAmount, MoneyError, parseMoney, type Cents } from "~/modules/money/money";
import { MAX_LINES_PER_INVOICE, parseQuantity, QuantityError, type ImportLine } from "./csv";

export type DraftInput = {
  customerId: string;
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  memo: string | null;
  lines: ImportLine[];
};

export type DraftLineValues = { description: string; quantity: string; unitPrice: string };

const day = (what: string) => z.string().trim().refine(isCalendarDate, `Enter the ${what} as a date (YYYY-MM-DD).`);

const Header = z
  .object({
    customerId: z.string().trim().min(1, "Choose the customer."),
    number: z
      .string()
      .trim()
      .min(1, "Enter an invoice number.")
      .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, "Use up to 40 letters, digits and . _ / - for the invoice number."),
    issueDate: day("issue date"),
    dueDate: day("due date"),
    memo: z.string().trim().max(1000, "Shorten the memo to at most 1000 characters.").optional(),
  })
  .refine((v) => !isCalendarDate(v.issueDate) || !isCalendarDate(v.dueDate) || v.dueDate >= v.issueDate, {
    path: ["dueDate"],
    message: "The due date cannot be before the issue date.",
  });

/** The line rows the form sent, in order, as typed. */
export function lineValuesOf(values: Record<string, string>): DraftLineValues[] {
  const rows = new Map<number, DraftLineValues>();
  for (const [key, value] of Object.entries(values)) {
    const match = /^lines\.(\d+)\.(description|quantity|unitPrice)$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    if (index >= MAX_LINES_PER_INVOICE * 2) continue;
    const row = rows.get(index) ?? { description: "", quantity: "", unitPrice: "" };
    row[match[2] as keyof DraftLineValues] = value;
    rows.set(index, row);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

export type DraftFormResult =
  | { ok: true; data: DraftInput; totalCents: Cents }
  | { ok: false; fieldErrors: Record<string, string[]>; values: Record<string, string> };

type ParsedLines = { lines: ImportLine[]; fieldErrors: Record<string, string[]> };

/** The line rows as invoice lines, with a message per bad field (keyed lines.<row>.<field>). */
export function parseLines(values: Record<string, string>, currency: string): ParsedLines {
  const fieldErrors: Record<string, string[]> = {};
  const add = (key: string, message: string) => (fieldErrors[key] ??= []).push(message);
  const lines: ImportLine[] = [];
  lineValuesOf(values).forEach((row, index) => {
    const description = row.description.trim();
    const quantity = row.quantity.trim();
    const unitPrice = row.unitPrice.trim();
    if (!description && !quantity && !unitPrice) return;
    const key = (field: string) => `lines.${index}.${field}`;
    const before = Object.keys(fieldErrors).length;
    if (!description) add(key("description"), "Describe this line.");
    else if (description.length > 500) add(key("description"), "Shorten the description to at most 500 characters.");
    let quantityMilli: number | null = null;
    try {
      quantityMilli = parseQuantity(quantity || "1");
    } catch (error) {
      if (!(error instanceof QuantityError)) throw error;
      add(key("quantity"), error.message);
    }
    let unitAmountCents: Cents | null = null;
    if (!unitPrice) add(key("unitPrice"), "Enter the unit price.");
    else {
      try {
        unitAmountCents = parseMoney(unitPrice, currency);
        if (unitAmountCents < 0) {
          add(key("unitPrice"), "The unit price cannot be negative. To lower what is owed, give a credit once the invoice is issued.");
          unitAmountCents = null;
        }
      } catch (error) {
        if (!(error instanceof MoneyError)) throw error;
        add(key("unitPrice"), error.message);
      }
    }
    if (quantityMilli === null || unitAmountCents === null || Object.keys(fieldErrors).length > before) return;
    try {
      lines.push({ description, quantityMilli, unitAmountCents, amountCents: lineAmount(quantityMilli, unitAmountCents) });
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      add(key("unitPrice"), `${quantity || "1"} × ${unitPrice} is not a whole number of cents; change the quantity or the price.`);
    }
  });
  if (lines.length > MAX_LINES_PER_INVOICE) add("lines", `An invoice has at most ${MAX_LINES_PER_INVOICE} lines.`);
  return { lines, fieldErrors };
}

/** The total the lines come to so far, or null while a line cannot be read: the editor's live total. */
export function previewTotal(values: Record<string, string>, currency: string): Cents | null {
  const { lines, fieldErrors } = parseLines(values, currency);
  return Object.keys(fieldErrors).length > 0 ? null : lines.reduce((s, l) => s + l.amountCents, 0);
}

export function parseDraftForm(values: Record<string, string>, currency: string): DraftFormResult {
  const fieldErrors: Record<string, string[]> = {};
  const header = Header.safeParse(values);
  if (!header.success) for (const issue of header.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  const parsed = parseLines(values, currency);
  Object.assign(fieldErrors, parsed.fieldErrors);
  const { lines } = parsed;
  const totalCents = lines.reduce((s, l) => s + l.amountCents, 0);
  if (Object.keys(fieldErrors).length === 0 && lines.length === 0) fieldErrors.lines = ["Add at least one line with a description and a price."];
  if (!header.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, values };
  const { memo, ...rest } = header.data;
  return { ok: true, data: { ...rest, issueDate: rest.issueDate as CalendarDate, dueDate: rest.dueDate as CalendarDate, memo: memo || null, lines }, totalCents };
}
