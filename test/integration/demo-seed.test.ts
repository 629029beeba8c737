import { describe, expect, it } from "vitest";
import { seedDemo, DEMO } from "../../app/modules/demo/seed.server";
import { listBusinessInvoices } from "../../app/modules/invoices/invoices.server";
import { openPortalLink } from "../../app/modules/portal-access/tokens.server";
import { today } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";

describe("demo data", () => {
  it("seeds every invoice state once, however many times it runs, and prints working links", async () => {
    const first = await seedDemo();
    const second = await seedDemo();
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(await db.business.count({ where: { slug: DEMO.businessSlug } })).toBe(1);
    expect(await db.customer.count()).toBe(8);
    expect(await db.user.count({ where: { email: DEMO.ownerEmail } })).toBe(1);

    const business = await db.business.findUniqueOrThrow({ where: { slug: DEMO.businessSlug } });
    const invoices = await listBusinessInvoices(business.id, today(business.timeZone));
    const statuses = new Set(invoices.map((i) => i.figures.status));
    for (const s of ["DUE_SOON", "OVERDUE", "PARTLY_PAID", "PAID"] as const) expect(statuses).toContain(s);
    const overdueDays = invoices.map((i) => i.figures.daysOverdue).filter((d) => d > 0).sort((a, b) => a - b);
    expect(overdueDays).toEqual(expect.arrayContaining([5, 20, 45, 95]));
    expect(invoices.some((i) => i.dueDate === today(business.timeZone))).toBe(true);

    const token = second.portalLink.split("/portal/access/")[1] ?? "";
    const opened = await openPortalLink(token);
    expect(opened.ok).toBe(true);
    expect(await db.reminderTier.count({ where: { businessId: business.id } })).toBe(5);
  });
});
