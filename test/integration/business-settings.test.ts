import { afterEach, describe, expect, it } from "vitest";
import { BusinessProfileForm, profileValuesOf, saveBusinessProfile } from "../../app/modules/business/profile.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { db } from "../../app/utils/db.server";
import { fieldErrorsOf } from "../../app/utils/forms";
import { createBusiness, createOwner } from "../fixtures/factories";

afterEach(async () => {
  await stopBoss();
});

describe("the business settings", () => {
  it("refuses bad input field by field, saying what to change", () => {
    const parsed = BusinessProfileForm.safeParse({
      name: "A",
      supportEmail: "billing",
      fromEmail: "billing@example.com",
      brandColor: "teal",
      logoUrl: "http://example.com/logo.png",
      timeZone: "Mars/Olympus",
      portalLinkTtlDays: "365",
      minPartialPayment: "12.345",
      cardSurcharge: "4",
      achDiscount: "1",
    });
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOf(parsed.error!.issues);
    expect(Object.keys(errors).sort()).toEqual(["brandColor", "cardSurcharge", "logoUrl", "minPartialPayment", "name", "portalLinkTtlDays", "supportEmail", "timeZone"]);
    expect(errors.cardSurcharge).toEqual(["Card surcharge: enter a percentage from 0 to 3, at most two decimals."]);
    expect(errors.portalLinkTtlDays).toEqual(["Portal links can last at most 90 days."]);
  });

  it("refuses a brand colour too light for the white text on it", () => {
    const business = { name: "Northwind", supportEmail: "billing@example.com", fromEmail: "billing@example.com", timeZone: "America/New_York", portalLinkTtlDays: "7" };
    const light = BusinessProfileForm.safeParse({ ...business, brandColor: "#7dd3fc" });
    expect(light.success).toBe(false);
    expect(fieldErrorsOf(light.error!.issues).brandColor).toEqual(["White text on #7dd3fc is hard to read (contrast 1.7:1, needs 4.5:1). Choose a darker colour, like #0f766e."]);
    expect(fieldErrorsOf(BusinessProfileForm.safeParse({ ...business, brandColor: "#0f766e" }).error?.issues ?? []).brandColor).toBeUndefined();
  });

  it("saves good input and logs what changed", async () => {
    const business = await createBusiness();
    const { user } = await createOwner(business.id);
    const parsed = BusinessProfileForm.parse({
      ...profileValuesOf(business),
      name: "Northwind Design",
      address: "18 Harbor Street\nPortland, ME 04101",
      timeZone: "America/Los_Angeles",
      portalLinkTtlDays: "14",
      minPartialPayment: "25.00",
      cardSurcharge: "2.5",
      language: "de",
    });
    await saveBusinessProfile(business.id, user.id, parsed);
    const saved = await db.business.findUniqueOrThrow({ where: { id: business.id } });
    expect(saved).toMatchObject({ name: "Northwind Design", language: "de", addressLines: ["18 Harbor Street", "Portland, ME 04101"], timeZone: "America/Los_Angeles", portalLinkTtlDays: 14, minPartialPaymentCents: 2500, cardSurchargeBps: 250 });
    const log = await db.activityEvent.findFirstOrThrow({ where: { businessId: business.id, type: "settings.business_updated" } });
    expect(log.summary).toContain("name, address, time zone, customers' language, portal link lifetime, smallest part payment, card surcharge");
    expect(log.summary).toContain("America/New_York → America/Los_Angeles");
    expect(log.summary).toContain("customers' language en → de");
    // Saving the same values again changes nothing and logs nothing.
    await saveBusinessProfile(business.id, user.id, parsed);
    expect(await db.activityEvent.count({ where: { businessId: business.id, type: "settings.business_updated" } })).toBe(1);
  });
});
