// Adding many customers at once from a spreadsheet: every row checked first, all or nothing.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useNavigation } from "@remix-run/react";
import { LOCALES } from "~/modules/i18n/locales";
import { SUPPORTED_CURRENCIES } from "~/modules/money/money";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CsvUploadForm, ImportProblems } from "~/components/import-problems";
import { Card } from "~/components/ui/card";
import { requireUser } from "~/modules/auth/session.server";
import { CUSTOMER_IMPORT_COLUMNS, MAX_CUSTOMER_ROWS } from "~/modules/customers/csv";
import { importCustomers } from "~/modules/customers/csv.server";
import type { ImportError } from "~/modules/invoices/csv";
import { readCsvUpload } from "~/utils/csv-upload.server";

export const meta: MetaFunction = () => [{ title: "Import customers · Duely" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "collect");
  return json({});
}

type ActionData = { ok: true; fileName: string; count: number; names: string[] } | { ok: false; fileName: string; errors: ImportError[]; rowCount: number };

export async function action({ request }: ActionFunctionArgs) {
  const { user, business } = await requireUser(request, "collect");
  const upload = await readCsvUpload(request);
  if (!upload.ok) return json<ActionData>({ ok: false, fileName: "", errors: [{ row: 0, column: "", value: "", message: upload.message }], rowCount: 0 }, { status: upload.status });
  const result = await importCustomers(business.id, user.id, upload.text, upload.fileName);
  if (!result.ok) return json<ActionData>({ ok: false, fileName: upload.fileName, errors: result.errors, rowCount: result.rowCount }, { status: 400 });
  return json<ActionData>({ ok: true, fileName: upload.fileName, count: result.count, names: result.names });
}

export default function ImportCustomers() {
  const data = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="space-y-6">
      <Link to="/app/customers" className="text-sm font-medium text-teal-700 hover:text-teal-800">
        ← Customers
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Import customers</h1>
        <p className="max-w-2xl text-sm text-slate-500">
          One row per customer. Every row is checked first, with the same rules as the New customer form: if any row has a problem, nothing is imported and each problem is listed
          below.
        </p>
      </div>

      {data?.ok ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          Imported {data.count} {data.count === 1 ? "customer" : "customers"} from {data.fileName}: {data.names.slice(0, 10).join(", ")}
          {data.names.length > 10 ? "…" : ""}. <Link to="/app/customers" className="font-medium underline">See them on Customers</Link>, or{" "}
          <Link to="/app/invoices/import" className="font-medium underline">import their invoices</Link>.
        </p>
      ) : null}
      {data && !data.ok ? <ImportProblems fileName={data.fileName} errors={data.errors} rowCount={data.rowCount} /> : null}

      <Card className="p-5 sm:p-6">
        <CsvUploadForm label="Import customers from a CSV file" busy={busy} />
        <div className="mt-6 border-t border-slate-100 pt-4 text-sm text-slate-600">
          <p className="font-medium text-slate-700">Columns</p>
          <p className="mt-1 break-words font-mono text-xs">{CUSTOMER_IMPORT_COLUMNS.join(",")}</p>
          <p className="mt-2 text-xs text-slate-500">
            name and email are required; the others may be empty. time_zone is an IANA zone like America/Chicago (empty: the business&apos;s). email_opt_out is yes for a customer
            who asked for no reminder emails. currency is the code they are billed in ({SUPPORTED_CURRENCIES.join(", ")}; empty: the business&apos;s). language is
            a code like de or de-DE ({LOCALES.join(", ")}; empty: the business&apos;s). An address already in your book is refused, never overwritten. Up to {MAX_CUSTOMER_ROWS.toLocaleString("en-US")} rows per file.
          </p>
        </div>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
