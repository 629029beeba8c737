// The portal's language switch on the customer's record (issue 19): a customer with no language yet chooses one, the
// choice is kept (emails and PDFs follow it) and logged once; a refused language or a foreign "back" changes nothing.
import { describe, expect, it } from "vitest";
import * as languageRoute from "../../app/routes/portal_.language";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer } from "../fixtures/factories";
import { buildRequest, invoke, portalCookieFor, type RouteFn } from "../support/tenants";

const choose = (cookie: string | null, language: string, back = "/portal/invoices/abc?x=1") =>
  invoke(languageRoute.action as RouteFn, buildRequest("http://localhost/portal/language", { cookie, body: { kind: "form", entries: [["language", language], ["back", back]] } }));

describe("the language switch", () => {
  it("keeps a signed-in customer's choice on their record, logs it once, and sends them back where they were", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id);
    expect(customer.language).toBeNull();
    const { cookie } = await portalCookieFor(customer.id);

    const first = await choose(cookie, "fr");
    expect(first.status).toBe(302);
    expect(first.location).toBe("/portal/invoices/abc?x=1");
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).language).toBe("fr");
    await choose(cookie, "fr");
    await choose(cookie, "de");
    const logged = await db.activityEvent.findMany({ where: { customerId: customer.id, type: "customer.language_chosen" }, orderBy: { occurredAt: "asc" } });
    expect(logged.map((e) => (e.data as { language: string; previous: string | null })).map((d) => [d.previous, d.language])).toEqual([
      [null, "fr"],
      ["fr", "de"],
    ]);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).language).toBe("de");
  });

  it("refuses a language it does not speak, never sends anyone off the portal, and needs no sign-in for the browser's choice", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id);
    const { cookie } = await portalCookieFor(customer.id);
    expect((await choose(cookie, "xx")).status).toBe(400);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).language).toBeNull();
    expect((await choose(cookie, "es", "//evil.example/portal")).location).toBe("/portal");
    expect((await choose(cookie, "es", "https://evil.example/")).location).toBe("/portal");
    // wapiti's payloads: a newline (a header that cannot be sent) and a byte above ASCII (a Location no client decodes).
    expect((await choose(cookie, "es", "/portal/expired?reason=expired\nenv;")).location).toBe("/portal");
    expect((await choose(cookie, "es", "/portal/expired\u00bf'\"(")).location).toBe("/portal");
    expect((await choose(cookie, "es", "/portal/invoices/abc?x=%C3%A9#pay")).location).toBe("/portal/invoices/abc?x=%C3%A9#pay");
    const anonymous = await choose(null, "ar", "/portal/expired");
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe("/portal/expired");
  });
});
