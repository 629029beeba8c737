import type { LoaderFunctionArgs } from "@remix-run/node";
import { statementPdf } from "~/modules/documents/documents.server";
import { requireCustomer } from "~/modules/portal-access/tokens.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { customer } = await requireCustomer(request, context);
  const doc = await statementPdf({ customerId: customer.id });
  if (!doc) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(doc.pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${doc.filename}"`, "Cache-Control": "private, no-store" },
  });
}
