import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOwner } from "~/modules/auth/session.server";
import { collectionsPdf, collectionsPack } from "~/modules/collections/handover.server";
import { idParam } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { business } = await requireOwner(request);
  const pack = await collectionsPack(business.id, idParam(params));
  if (!pack) throw new Response("Not found", { status: 404 });
  const body = await collectionsPdf(pack);
  const filename = `collections-${pack.customer.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${pack.today}.pdf`;
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" },
  });
}
