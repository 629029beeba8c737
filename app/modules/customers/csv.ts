// Customers from a CSV file: the file's rules, row by row, with the same messages as the New customer form.
// Pure: checking addresses already in the book and the one-transaction import are in csv.server.ts.
import { CsvSyntaxError, parseCsv, unguardText, type ImportError } from "~/modules/invoices/csv";
import { CustomerForm, type CustomerInput } from "./customer-form";

export const CUSTOMER_IMPORT_COLUMNS = ["name", "email", "company_name", "phone", "time_zone", "email_opt_out", "currency", "language"] as const;
const REQUIRED = ["name", "email"] as const;
export const MAX_CUSTOMER_ROWS = 5000;

/** Which file column each form field comes from, so a field's error names the column to fix. */
const COLUMN_OF: Record<keyof CustomerInput, (typeof CUSTOMER_IMPORT_COLUMNS)[number]> = {
  name: "name",
  email: "email",
  companyName: "company_name",
  phone: "phone",
  timeZone: "time_zone",
  emailOptOut: "email_opt_out",
  currency: "currency",
  language: "language",
};

const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["", "no", "n", "false", "0"]);

export type CustomerImportPlan =
  | { ok: true; customers: (CustomerInput & { row: number })[]; rowCount: number }
  | { ok: false; errors: ImportError[]; rowCount: number; emails: { row: number; email: string }[] };

export function planCustomerImport(text: string): CustomerImportPlan {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, errors: [{ row: error.row, column: "", value: "", message: error.message }], rowCount: 0, emails: [] };
    throw error;
  }
  const [header, ...body] = rows;
  const fail = (errors: ImportError[], rowCount = body.length): CustomerImportPlan => ({ ok: false, errors, rowCount, emails: [] });
  if (!header) return fail([{ row: 1, column: "", value: "", message: `The file is empty. The first row names the columns: ${CUSTOMER_IMPORT_COLUMNS.join(", ")}.` }], 0);
  const names = header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, "_"));
  const headerErrors: ImportError[] = [];
  names.forEach((name, index) => {
    if (!(CUSTOMER_IMPORT_COLUMNS as readonly string[]).includes(name)) headerErrors.push({ row: 1, column: header[index] ?? "", value: header[index] ?? "", message: `Unknown column "${header[index]}". Rename it to one of ${CUSTOMER_IMPORT_COLUMNS.join(", ")}, or remove it.` });
    else if (names.indexOf(name) !== index) headerErrors.push({ row: 1, column: name, value: name, message: `The column ${name} appears twice. Keep one.` });
  });
  for (const required of REQUIRED) if (!names.includes(required)) headerErrors.push({ row: 1, column: required, value: "", message: `The column ${required} is missing. Add it to the first row.` });
  if (headerErrors.length > 0) return fail(headerErrors);
  if (body.length === 0) return fail([{ row: 2, column: "", value: "", message: "The file has no customers under its header row." }], 0);
  if (body.length > MAX_CUSTOMER_ROWS) return fail([{ row: MAX_CUSTOMER_ROWS + 2, column: "", value: "", message: `The file has ${body.length} customers; import at most ${MAX_CUSTOMER_ROWS} at a time by splitting it.` }]);

  const errors: ImportError[] = [];
  const customers: (CustomerInput & { row: number })[] = [];
  const emails: { row: number; email: string }[] = [];
  const firstRowOf = new Map<string, number>();
  body.forEach((fields, index) => {
    const row = index + 2;
    const get = (column: string) => {
      const at = names.indexOf(column);
      return at === -1 ? "" : unguardText((fields[at] ?? "").trim());
    };
    if (fields.length !== names.length) {
      errors.push({ row, column: "", value: "", message: `This row has ${fields.length} fields but the header has ${names.length}. Check for a missing or extra comma, or a comma in text that needs quotes.` });
      return;
    }
    const optOut = get("email_opt_out").toLowerCase();
    const before = errors.length;
    if (!YES.has(optOut) && !NO.has(optOut)) errors.push({ row, column: "email_opt_out", value: get("email_opt_out"), message: "Write yes if the customer asked for no reminder emails, or leave it empty (no)." });
    const parsed = CustomerForm.safeParse({
      name: get("name"),
      email: get("email"),
      companyName: get("company_name"),
      phone: get("phone"),
      timeZone: get("time_zone"),
      currency: get("currency"),
      language: get("language"),
      emailOptOut: YES.has(optOut) ? "on" : undefined,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = COLUMN_OF[issue.path[0] as keyof CustomerInput] ?? "";
        errors.push({ row, column, value: column ? get(column) : "", message: issue.message });
      }
    }
    if (!parsed.success || errors.length > before) return;
    const email = parsed.data.email;
    const earlier = firstRowOf.get(email);
    if (earlier !== undefined) {
      errors.push({ row, column: "email", value: email, message: `Row ${earlier} has the same email address. One customer per address: keep one of the rows.` });
      return;
    }
    firstRowOf.set(email, row);
    emails.push({ row, email });
    customers.push({ ...parsed.data, row });
  });
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.row - b.row), rowCount: body.length, emails };
  return { ok: true, customers, rowCount: body.length };
}
