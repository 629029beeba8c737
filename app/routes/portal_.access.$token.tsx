import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { commitPortalSession, openPortalLink } from "~/modules/portal-access/tokens.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const result = await openPortalLink(params.token ?? "");
  if (!result.ok) throw redirect(`/portal/expired?reason=${result.reason}`);
  return redirect("/portal", { headers: { "Set-Cookie": await commitPortalSession(result.sessionId), "Referrer-Policy": "no-referrer" } });
}
