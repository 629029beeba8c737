import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOwner } from "~/modules/auth/session.server";
import { collectionsCsv, collectionsPack } from "~/modules/collections/handover.server";
import { idParam } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { business } = await requireOwner(request);
  const pack = await collectionsPack(business.id, idParam(params));
  if (!pack) throw new Response("Not found", { status: 404 });
  const body = collectionsCsv(pack);
  const filename = `collections-${pack.customer.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${pack.today}.csv`;
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" },
  });
}
