// "Send me a new link": the answer is the same whether or not the address is known, and it is rate-limited.
import { logActivity } from "~/modules/activity/activity.server";
import { brandOf } from "~/modules/business/brand";
import { formatDate, dateInZone } from "~/modules/dates/calendar";
import { enqueueEmail } from "~/modules/email/outbox.server";
import { listCustomerInvoices, totalsOf } from "~/modules/invoices/invoices.server";
import { formatMoney } from "~/modules/money/money";
import { hitRateLimit } from "~/modules/rate-limit/rate-limit.server";
import { today } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { createPortalLink } from "./tokens.server";

export const LINK_REQUEST_LIMITS = { perEmailPerHour: 3, perIpPerHour: 10 };

export async function requestPortalLink(emailInput: string, ipAddress: string): Promise<{ limited: boolean }> {
  const email = emailInput.trim().toLowerCase();
  const [byEmail, byIp] = await Promise.all([
    hitRateLimit(`link-request:email:${email}`, LINK_REQUEST_LIMITS.perEmailPerHour, 3600),
    hitRateLimit(`link-request:ip:${ipAddress}`, LINK_REQUEST_LIMITS.perIpPerHour, 3600),
  ]);
  if (!byIp.allowed) return { limited: true };
  // Past the per-address limit the visitor sees the usual answer, but no more emails go out.
  if (!byEmail.allowed) return { limited: false };

  const customers = await db.customer.findMany({
    where: { email: { equals: email, mode: "insensitive" }, archivedAt: null },
    include: { business: true },
  });
  for (const customer of customers) {
    const { business } = customer;
    const totals = totalsOf(await listCustomerInvoices(customer.id, today(business.timeZone)));
    await db.$transaction(async (tx) => {
      const link = await createPortalLink(tx, customer.id, business.portalLinkTtlDays);
      await enqueueEmail(tx, {
        template: "portal-link",
        to: customer.email,
        businessId: business.id,
        customerId: customer.id,
        props: {
          brand: brandOf(business),
          customerName: customer.name,
          portalUrl: link.url,
          expiresText: formatDate(dateInZone(link.expiresAt, business.timeZone), "en-US", "long"),
          owedText: totals.outstandingCents > 0 ? formatMoney(totals.outstandingCents, business.currency) : null,
        },
      });
      await logActivity(tx, {
        businessId: business.id,
        customerId: customer.id,
        actor: "CUSTOMER",
        type: "portal.link_requested",
        summary: "Asked for a new portal link; one was emailed",
      });
    });
  }
  return { limited: false };
}
