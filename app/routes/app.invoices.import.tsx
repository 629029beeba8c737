import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { requireUser } from "~/modules/auth/session.server";
import { IMPORT_COLUMNS, type ImportError } from "~/modules/invoices/csv";
import { importInvoices, MAX_IMPORT_BYTES } from "~/modules/invoices/csv.server";
import { formatMoney } from "~/modules/money/money";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Import invoices · Duely" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "collect");
  return json({});
}

type ActionData =
  | { ok: true; fileName: string; invoiceCount: number; lineCount: number; totalText: string; numbers: string[]; issued: boolean }
  | { ok: false; fileName: string; errors: ImportError[]; rowCount: number };

const problem = (message: string, status = 400) => json<ActionData>({ ok: false, fileName: "", errors: [{ row: 0, column: "", value: "", message }], rowCount: 0 }, { status });

export async function action({ request }: ActionFunctionArgs) {
  const { user, business } = await requireUser(request, "collect");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) {
    return problem(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`, 413);
  }
  const form = await readForm(request);
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return problem("Choose a CSV file to import.");
  if (file.size > MAX_IMPORT_BYTES) return problem(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`, 413);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return problem("The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8”.");
  }
  const result = await importInvoices(business.id, user.id, text, { issue: form.get("issue") === "on" });
  if (!result.ok) return json<ActionData>({ ok: false, fileName: file.name, errors: result.errors, rowCount: result.rowCount }, { status: 400 });
  return json<ActionData>({
    ok: true,
    fileName: file.name,
    invoiceCount: result.invoiceCount,
    lineCount: result.lineCount,
    totalText: formatMoney(result.totalCents, result.currency),
    numbers: result.numbers,
    issued: result.issued,
  });
}

export default function ImportInvoices() {
  const data = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="space-y-6">
      <Link to="/app/invoices" className="text-sm font-medium text-teal-700 hover:text-teal-800">
        ← Invoices
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Import invoices</h1>
        <p className="max-w-2xl text-sm text-slate-500">
          One row per invoice line; rows with the same invoice number make one invoice. Every row is checked first: if any row has a problem, nothing is imported and each
          problem is listed below.
        </p>
      </div>

      {data?.ok ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          Imported {data.invoiceCount} {data.invoiceCount === 1 ? "invoice" : "invoices"} ({data.lineCount} {data.lineCount === 1 ? "line" : "lines"}, {data.totalText}) from {data.fileName}
          {data.issued ? " as issued invoices; none was emailed." : " as drafts."} {data.numbers.slice(0, 10).join(", ")}
          {data.numbers.length > 10 ? "…" : ""}
        </p>
      ) : null}

      {data && !data.ok ? (
        <Card>
          <div className="border-b border-slate-200 px-5 py-4" role="alert">
            <h2 className="font-semibold text-rose-800">Nothing was imported</h2>
            <p className="text-sm text-slate-600">
              {data.fileName ? `${data.fileName}: ` : ""}
              {data.errors.length} {data.errors.length === 1 ? "problem" : "problems"}
              {data.rowCount ? ` in ${data.rowCount} ${data.rowCount === 1 ? "row" : "rows"}` : ""}. Fix them in the file and import it again.
            </p>
          </div>
          <ul className="divide-y divide-slate-100 sm:hidden">
            {data.errors.map((e, index) => (
              <li key={index} className="px-4 py-3 text-sm">
                <p className="text-xs font-medium text-slate-500">
                  {e.row > 0 ? `Row ${e.row}` : "File"}
                  {e.column ? ` · ${e.column}` : ""}
                  {e.value ? ` · “${e.value}”` : ""}
                </p>
                <p className="mt-0.5 break-words">{e.message}</p>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto sm:block">
            <table className="min-w-full text-sm" aria-label="Problems in the file">
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-5 py-3">Row</th>
                  <th className="px-5 py-3">Column</th>
                  <th className="px-5 py-3">Value</th>
                  <th className="px-5 py-3">What to fix</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.errors.map((e, index) => (
                  <tr key={index}>
                    <td className="whitespace-nowrap px-5 py-3 tabular-nums">{e.row > 0 ? e.row : "—"}</td>
                    <td className="whitespace-nowrap px-5 py-3 font-mono text-xs">{e.column || "—"}</td>
                    <td className="max-w-[12rem] truncate px-5 py-3 text-slate-600" title={e.value}>
                      {e.value || "—"}
                    </td>
                    <td className="min-w-[16rem] px-5 py-3">{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      ) : null}

      <Card className="p-5 sm:p-6">
        <Form method="post" encType="multipart/form-data" className="space-y-4" aria-label="Import a CSV file">
          <div>
            <label htmlFor="file" className="block text-sm font-medium text-slate-700">
              CSV file
            </label>
            <input id="file" name="file" type="file" accept=".csv,text/csv" className="mt-1.5 block w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:font-medium" />
          </div>
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input type="checkbox" name="issue" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-teal-700" />
            <span>
              Import as issued invoices (no email is sent; reminders follow your schedule). Otherwise they are drafts you can check and send.
            </span>
          </label>
          <Button type="submit" disabled={busy}>
            {busy ? "Checking…" : "Check and import"}
          </Button>
        </Form>
        <div className="mt-6 border-t border-slate-100 pt-4 text-sm text-slate-600">
          <p className="font-medium text-slate-700">Columns</p>
          <p className="mt-1 break-words font-mono text-xs">{IMPORT_COLUMNS.join(",")}</p>
          <p className="mt-2 text-xs text-slate-500">
            Dates as YYYY-MM-DD; quantity up to 3 decimals; unit price in your currency (150.00). memo is optional. Customers are matched by email and must exist. A file exported from
            this page imports as it is.
          </p>
        </div>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
