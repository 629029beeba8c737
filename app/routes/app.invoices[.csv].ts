import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { exportInvoicesCsv } from "~/modules/invoices/csv.server";
import { filterFromUrl } from "~/modules/invoices/filters";
import { today } from "~/utils/clock.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireUser(request, "export");
  const { csv } = await exportInvoicesCsv(business.id, filterFromUrl(new URL(request.url)));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="invoices-${business.slug}-${today(business.timeZone)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
