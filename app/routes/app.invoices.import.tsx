import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CsvUploadForm, ImportProblems } from "~/components/import-problems";
import { Card } from "~/components/ui/card";
import { requireUser } from "~/modules/auth/session.server";
import { IMPORT_COLUMNS, type ImportError } from "~/modules/invoices/csv";
import { importInvoices } from "~/modules/invoices/csv.server";
import { formatMoney } from "~/modules/money/money";
import { readCsvUpload } from "~/utils/csv-upload.server";

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
  const upload = await readCsvUpload(request);
  if (!upload.ok) return problem(upload.message, upload.status);
  const { text, form, fileName } = upload;
  const result = await importInvoices(business.id, user.id, text, { issue: form.get("issue") === "on" });
  if (!result.ok) return json<ActionData>({ ok: false, fileName, errors: result.errors, rowCount: result.rowCount }, { status: 400 });
  return json<ActionData>({
    ok: true,
    fileName,
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

      {data && !data.ok ? <ImportProblems fileName={data.fileName} errors={data.errors} rowCount={data.rowCount} /> : null}

      <Card className="p-5 sm:p-6">
        <CsvUploadForm label="Import a CSV file" busy={busy}>
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input type="checkbox" name="issue" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-teal-700" />
            <span>
              Import as issued invoices (no email is sent; reminders follow your schedule). Otherwise they are drafts you can check and send.
            </span>
          </label>
        </CsvUploadForm>
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
