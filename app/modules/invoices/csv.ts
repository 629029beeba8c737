// Invoices as CSV: an RFC 4180 reader and writer, and the import file's rules. Pure: the database checks
// (known customers, numbers already used) and the one-transaction import are in csv.server.ts.
import { isCalendarDate, type CalendarDate } from "~/modules/dates/calendar";
import { lineAmount, MoneyError, parseMoney, type Cents } from "~/modules/money/money";

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads CSV text into rows of fields (RFC 4180: comma separated, CRLF or LF between records, fields
 * in double quotes may hold commas, newlines and "" for a quote). A leading BOM and blank lines are skipped.
 * Row numbers in errors count records as a spreadsheet shows them: the header is row 1.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0] === "" && !fieldStarted)) rows.push(row);
    row = [];
    field = "";
    fieldStarted = false;
  };
  while (i < input.length) {
    const char = input[i]!;
    if (quoted) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = input[i];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
          throw new CsvSyntaxError(rows.length + 1, `Row ${rows.length + 1}: text after a closing quote. Put the whole field in quotes and write a quote inside it as "".`);
        }
        continue;
      }
      field += char;
      i += 1;
      continue;
    }
    if (char === '"') {
      if (field !== "") {
        throw new CsvSyntaxError(rows.length + 1, `Row ${rows.length + 1}: a quote in the middle of a field. Put the whole field in quotes and write the quote as "".`);
      }
      quoted = true;
      fieldStarted = true;
      i += 1;
      continue;
    }
    if (char === ",") {
      row.push(field);
      field = "";
      fieldStarted = true;
      i += 1;
      continue;
    }
    if (char === "\r" || char === "\n") {
      endRow();
      i += char === "\r" && input[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    field += char;
    fieldStarted = true;
    i += 1;
  }
  if (quoted) throw new CsvSyntaxError(rows.length + 1, `Row ${rows.length + 1}: a quoted field is never closed. Add the closing quote.`);
  if (field !== "" || fieldStarted || row.length > 0) endRow();
  return rows;
}

/** A spreadsheet would run a cell starting with these as a formula: exported text gets a leading ' to stay text. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv(rows: readonly (readonly string[])[]): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function guardText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Reads back a cell guardText protected: a leading ' before a formula character is dropped. */
export function unguardText(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** Cents as a plain decimal for a file ("1234.50"), never with a currency sign or thousands separators. */
export { formatDecimal } from "~/modules/money/money";

/** 1500 → "1.5": a quantity in thousandths as people write it. */
export function formatQuantity(quantityMilli: number): string {
  const whole = Math.floor(quantityMilli / 1000);
  const fraction = String(quantityMilli % 1000).padStart(3, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

export class QuantityError extends Error {}

/** "1.5" → 1500. At most three decimals; more would be silently rounded, so it is refused. */
export function parseQuantity(input: string): number {
  const value = input.trim();
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) throw new QuantityError(`"${input}" is not a quantity. Write it like 2 or 1.5`);
  const [, whole = "0", fraction = ""] = match;
  if (fraction.length > 3) throw new QuantityError(`"${input}" has more than 3 decimals; write the quantity to at most 3 decimals`);
  const milli = Number(whole) * 1000 + Number(fraction.padEnd(3, "0"));
  if (!Number.isSafeInteger(milli) || milli > 1_000_000_000) throw new QuantityError(`"${input}" is too large`);
  if (milli === 0) throw new QuantityError("The quantity must be more than 0");
  return milli;
}

export const IMPORT_COLUMNS = ["customer_email", "invoice_number", "issue_date", "due_date", "description", "quantity", "unit_price", "memo"] as const;
const REQUIRED_COLUMNS = IMPORT_COLUMNS.filter((c) => c !== "memo");
/** Columns the export writes that an import reads past, so an exported file imports as it is. */
export const EXPORT_ONLY_COLUMNS = ["customer_name", "state", "status", "currency", "line_amount", "total", "paid", "balance"] as const;
export const EXPORT_COLUMNS = [
  "invoice_number",
  "customer_email",
  "customer_name",
  "state",
  "status",
  "issue_date",
  "due_date",
  "memo",
  "description",
  "quantity",
  "unit_price",
  "line_amount",
  "currency",
  "total",
  "paid",
  "balance",
] as const;

export const MAX_IMPORT_ROWS = 5000;
export const MAX_LINES_PER_INVOICE = 100;
const INVOICE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type ImportError = { row: number; column: string; value: string; message: string };

export type ImportLine = { description: string; quantityMilli: number; unitAmountCents: Cents; amountCents: Cents };

export type ImportInvoice = {
  number: string;
  customerEmail: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  memo: string | null;
  lines: ImportLine[];
  totalCents: Cents;
  /** The file's row numbers of this invoice's lines, for the database checks' errors. */
  rows: number[];
};

/** Each row's customer and invoice number where they are well formed, so the database checks can report on every row. */
export type RowReference = { row: number; customerEmail: string | null; invoiceNumber: string | null };

export type ImportPlan =
  | { ok: true; invoices: ImportInvoice[]; references: RowReference[]; rowCount: number }
  | { ok: false; errors: ImportError[]; references: RowReference[]; rowCount: number };

/** Validates every row of an import file and returns every problem, or the invoices to create. */
export function planImport(text: string, currency: string): ImportPlan {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, errors: [{ row: error.row, column: "", value: "", message: error.message }], references: [], rowCount: 0 };
    throw error;
  }
  const [header, ...body] = rows;
  if (!header) return { ok: false, errors: [{ row: 1, column: "", value: "", message: `The file is empty. The first row names the columns: ${IMPORT_COLUMNS.join(", ")}.` }], references: [], rowCount: 0 };
  const names = header.map((h) => h.trim().toLowerCase());
  const errors: ImportError[] = [];
  const known = new Set<string>([...IMPORT_COLUMNS, ...EXPORT_ONLY_COLUMNS]);
  names.forEach((name, index) => {
    if (!known.has(name)) errors.push({ row: 1, column: header[index] ?? "", value: header[index] ?? "", message: `Unknown column "${header[index]}". Rename it to one of ${IMPORT_COLUMNS.join(", ")}, or remove it.` });
    else if (names.indexOf(name) !== index) errors.push({ row: 1, column: name, value: name, message: `The column ${name} appears twice. Keep one.` });
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!names.includes(required)) errors.push({ row: 1, column: required, value: "", message: `The column ${required} is missing. Add it to the first row.` });
  }
  if (errors.length > 0) return { ok: false, errors, references: [], rowCount: body.length };
  if (body.length === 0) return { ok: false, errors: [{ row: 2, column: "", value: "", message: "The file has no invoice lines under its header row." }], references: [], rowCount: 0 };
  if (body.length > MAX_IMPORT_ROWS) {
    return { ok: false, errors: [{ row: MAX_IMPORT_ROWS + 2, column: "", value: "", message: `The file has ${body.length} lines; import at most ${MAX_IMPORT_ROWS} at a time by splitting it.` }], references: [], rowCount: body.length };
  }

  const invoices = new Map<string, ImportInvoice & { lastRow: number }>();
  const references: RowReference[] = [];
  body.forEach((fields, index) => {
    const row = index + 2;
    const get = (column: string) => {
      const at = names.indexOf(column);
      return at === -1 ? "" : (fields[at] ?? "").trim();
    };
    const fail = (column: string, message: string) => errors.push({ row, column, value: get(column), message });
    if (fields.length !== names.length) {
      fail("", `This row has ${fields.length} fields but the header has ${names.length}. Check for a missing or extra comma, or a comma in text that needs quotes.`);
      return;
    }
    const before = errors.length;
    const email = get("customer_email").toLowerCase();
    if (!email) fail("customer_email", "Enter the customer's email address.");
    else if (!EMAIL.test(email)) fail("customer_email", `"${get("customer_email")}" is not an email address.`);
    const number = get("invoice_number");
    if (!number) fail("invoice_number", "Enter the invoice number.");
    else if (!INVOICE_NUMBER.test(number)) fail("invoice_number", "Use up to 40 letters, digits and . _ / - for the invoice number, starting with a letter or digit.");
    const issue = get("issue_date");
    const due = get("due_date");
    if (!isCalendarDate(issue)) fail("issue_date", issue ? `"${issue}" is not a date. Write it as YYYY-MM-DD, e.g. 2026-11-30.` : "Enter the issue date as YYYY-MM-DD.");
    if (!isCalendarDate(due)) fail("due_date", due ? `"${due}" is not a date. Write it as YYYY-MM-DD, e.g. 2026-12-30.` : "Enter the due date as YYYY-MM-DD.");
    else if (isCalendarDate(issue) && due < issue) fail("due_date", `The due date ${due} is before the issue date ${issue}.`);
    references.push({ row, customerEmail: EMAIL.test(email) ? email : null, invoiceNumber: INVOICE_NUMBER.test(number) ? number : null });
    const description = unguardText(get("description"));
    if (!description) fail("description", "Describe the line (what was sold or done).");
    else if (description.length > 500) fail("description", "Shorten the description to at most 500 characters.");
    const memo = unguardText(get("memo"));
    if (memo.length > 1000) fail("memo", "Shorten the memo to at most 1000 characters.");
    const fileCurrency = get("currency").toUpperCase();
    if (fileCurrency && fileCurrency !== currency) fail("currency", `This business invoices in ${currency}; the file says ${fileCurrency}.`);
    let quantityMilli: number | null = null;
    try {
      quantityMilli = parseQuantity(get("quantity"));
    } catch (error) {
      if (!(error instanceof QuantityError)) throw error;
      fail("quantity", get("quantity") ? error.message : "Enter the quantity, e.g. 1 or 2.5.");
    }
    let unitAmountCents: Cents | null = null;
    try {
      if (!get("unit_price")) fail("unit_price", "Enter the unit price, e.g. 150.00.");
      else {
        unitAmountCents = parseMoney(get("unit_price"), currency);
        if (unitAmountCents < 0) {
          fail("unit_price", "The unit price cannot be negative. To lower what is owed, give a credit after importing.");
          unitAmountCents = null;
        }
      }
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      fail("unit_price", error.message);
    }
    let amountCents: Cents | null = null;
    if (quantityMilli !== null && unitAmountCents !== null) {
      try {
        amountCents = lineAmount(quantityMilli, unitAmountCents);
      } catch (error) {
        if (!(error instanceof MoneyError)) throw error;
        fail("quantity", `${get("quantity")} × ${get("unit_price")} is not a whole number of cents; change the quantity or the unit price.`);
      }
    }
    if (errors.length > before || amountCents === null || quantityMilli === null || unitAmountCents === null) return;

    const line = { description, quantityMilli, unitAmountCents, amountCents };
    const existing = invoices.get(number);
    if (!existing) {
      invoices.set(number, { number, customerEmail: email, issueDate: issue as CalendarDate, dueDate: due as CalendarDate, memo: memo || null, lines: [line], totalCents: amountCents, rows: [row], lastRow: row });
      return;
    }
    const first = existing.rows[0];
    if (existing.lastRow !== row - 1) {
      fail("invoice_number", `${number} is also used at row ${existing.rows.join(", ")}. Put all lines of one invoice on consecutive rows, or give this invoice its own number.`);
      return;
    }
    const mismatch = (column: string, theirs: string) =>
      fail(column, `Row ${first} says ${theirs || "nothing"} for ${number}; every line of one invoice has the same ${column}.`);
    if (existing.customerEmail !== email) mismatch("customer_email", existing.customerEmail);
    if (existing.issueDate !== issue) mismatch("issue_date", existing.issueDate);
    if (existing.dueDate !== due) mismatch("due_date", existing.dueDate);
    if (memo && existing.memo !== memo) mismatch("memo", existing.memo ?? "");
    if (errors.length > before) return;
    if (existing.lines.length >= MAX_LINES_PER_INVOICE) {
      fail("invoice_number", `${number} has more than ${MAX_LINES_PER_INVOICE} lines; split it into several invoices.`);
      return;
    }
    existing.lines.push(line);
    existing.totalCents += amountCents;
    existing.rows.push(row);
    existing.lastRow = row;
  });
  for (const invoice of invoices.values()) {
    if (invoice.totalCents === 0) {
      errors.push({ row: invoice.rows[0]!, column: "unit_price", value: "0", message: `${invoice.number} comes to nothing. An invoice must ask for more than 0.` });
    }
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.row - b.row), references, rowCount: body.length };
  return { ok: true, invoices: [...invoices.values()].map(({ lastRow: _lastRow, ...invoice }) => invoice), references, rowCount: body.length };
}
