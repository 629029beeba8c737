import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOwner } from "~/modules/auth/session.server";
import { creditNotePdf } from "~/modules/documents/documents.server";
import { customerTranslator } from "~/modules/i18n/locale.server";
import { idParam } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { business } = await requireOwner(request);
  const doc = await creditNotePdf({ businessId: business.id }, idParam(params), customerTranslator);
  if (!doc) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(doc.pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${doc.filename}"`, "Cache-Control": "private, no-store" },
  });
}
