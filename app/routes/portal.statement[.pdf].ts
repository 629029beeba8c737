import type { LoaderFunctionArgs } from "@remix-run/node";
import { statementPdf } from "~/modules/documents/documents.server";
import { portalTranslator } from "~/modules/i18n/locale.server";
import { requireCustomer } from "~/modules/portal-access/tokens.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { customer, business } = await requireCustomer(request, context);
  const tr = await portalTranslator(request, customer, business);
  const doc = await statementPdf({ customerId: customer.id }, () => tr);
  if (!doc) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(doc.pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${doc.filename}"`, "Cache-Control": "private, no-store" },
  });
}
