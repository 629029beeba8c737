import type { LoaderFunctionArgs } from "@remix-run/node";
import { receiptPdf } from "~/modules/documents/documents.server";
import { requireCustomer } from "~/modules/portal-access/tokens.server";
import { portalTranslator } from "~/modules/i18n/locale.server";
import { idParam } from "~/utils/request.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { customer, business } = await requireCustomer(request, context);
  const doc = await receiptPdf(await portalTranslator(request, customer, business), customer.id, idParam(params));
  if (!doc) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(doc.pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${doc.filename}"`, "Cache-Control": "private, no-store" },
  });
}
