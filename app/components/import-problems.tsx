// The list of what is wrong in an imported file (invoices, customers): every problem with its row, column and
// value, as a table on a wide screen and as a list on a phone.
import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import type { ImportError } from "~/modules/invoices/csv";
import { Button } from "./ui/button";
import { Card } from "./ui/card";

export function ImportProblems({ fileName, errors, rowCount }: { fileName: string; errors: ImportError[]; rowCount: number }) {
  return (
    <Card>
      <div className="border-b border-slate-200 px-5 py-4" role="alert">
        <h2 className="font-semibold text-rose-800">Nothing was imported</h2>
        <p className="text-sm text-slate-600">
          {fileName ? `${fileName}: ` : ""}
          {errors.length} {errors.length === 1 ? "problem" : "problems"}
          {rowCount ? ` in ${rowCount} ${rowCount === 1 ? "row" : "rows"}` : ""}. Fix them in the file and import it again.
        </p>
      </div>
      <ul className="divide-y divide-slate-100 sm:hidden">
        {errors.map((e, index) => (
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
            {errors.map((e, index) => (
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
  );
}

/** The upload form of an import page: the file, any options, one button that checks then imports. */
export function CsvUploadForm({ label, busy, children }: { label: string; busy: boolean; children?: ReactNode }) {
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-4" aria-label={label}>
      <div>
        <label htmlFor="file" className="block text-sm font-medium text-slate-700">
          CSV file
        </label>
        <input id="file" name="file" type="file" accept=".csv,text/csv" className="mt-1.5 block w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:font-medium" />
      </div>
      {children}
      <Button type="submit" disabled={busy}>
        {busy ? "Checking…" : "Check and import"}
      </Button>
    </Form>
  );
}
