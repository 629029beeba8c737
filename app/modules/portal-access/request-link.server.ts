// "Send me a new link": the answer is the same whether or not the address is known, and it is rate-limited.
import { hitRateLimit } from "~/modules/rate-limit/rate-limit.server";
import { db } from "~/utils/db.server";
import { emailPortalLink } from "./send-link.server";

export const LINK_REQUEST_LIMITS = { perEmailPerHour: 3, perIpPerHour: 10 };

export type LinkRequestResult = { limited: false } | { limited: true; retryAfterSeconds: number };

export async function requestPortalLink(emailInput: string, ipAddress: string): Promise<LinkRequestResult> {
  const email = emailInput.trim().toLowerCase();
  const [byEmail, byIp] = await Promise.all([
    hitRateLimit(`link-request:email:${email}`, LINK_REQUEST_LIMITS.perEmailPerHour, 3600),
    hitRateLimit(`link-request:ip:${ipAddress}`, LINK_REQUEST_LIMITS.perIpPerHour, 3600),
  ]);
  if (!byIp.allowed) return { limited: true, retryAfterSeconds: byIp.retryAfterSeconds };
  // Past the per-address limit the visitor sees the usual answer, but no more emails go out.
  if (!byEmail.allowed) return { limited: false };

  const customers = await db.customer.findMany({
    where: { email: { equals: email, mode: "insensitive" }, archivedAt: null },
    select: { id: true, businessId: true },
  });
  for (const customer of customers) await emailPortalLink(customer.businessId, customer.id, { actor: "CUSTOMER" });
  return { limited: false };
}
