// Issue 17: customers imported from CSV (every row checked, all or nothing, addresses already in the book
// refused), and the setup checklist read from real state: each step turns done by doing it.
import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { importCustomers } from "../../app/modules/customers/csv.server";
import { deliverOutboxEmail } from "../../app/modules/email/delivery.server";
import { sendOwnerTestEmail } from "../../app/modules/email/test-email.server";
import { markSequenceReviewed } from "../../app/modules/reminders/settings.server";
import { setupChecklist } from "../../app/modules/setup/checklist.server";
import { action as webhook } from "../../app/routes/webhooks.stripe";
import { db } from "../../app/utils/db.server";
import { resetEnvCache } from "../../app/utils/env.server";
import { createBusiness, createCustomer, createOwner } from "../fixtures/factories";
import { startSmtp } from "../support/smtp";

const HEADER = "name,email,company_name,phone,time_zone,email_opt_out";
const csv = (...rows: string[]) => [HEADER, ...rows].join("\r\n") + "\r\n";

afterEach(() => {
  for (const key of ["STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET", "SMTP_URL"]) delete process.env[key];
  resetEnvCache();
});

describe("importing customers", () => {
  it("adds every customer of a good file in one go, each with an activity event naming the file", async () => {
    const business = await createBusiness();
    const { user } = await createOwner(business.id);
    const result = await importCustomers(business.id, user.id, csv("Ada Lovelace,ada@example.com,Analytical Ltd,+1 555 0100,Europe/London,", "Bob Hope,bob@example.com,,,,yes"), "clients.csv");
    expect(result).toEqual({ ok: true, count: 2, names: ["Ada Lovelace", "Bob Hope"] });
    const rows = await db.customer.findMany({ where: { businessId: business.id }, orderBy: { name: "asc" } });
    expect(rows.map((c) => [c.name, c.email, c.companyName, c.timeZone, c.emailOptOut])).toEqual([
      ["Ada Lovelace", "ada@example.com", "Analytical Ltd", "Europe/London", false],
      ["Bob Hope", "bob@example.com", null, null, true],
    ]);
    const events = await db.activityEvent.findMany({ where: { businessId: business.id, type: "customer.imported" } });
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.actorUserId === user.id && e.summary.includes("clients.csv"))).toBe(true);
  });

  it("refuses the whole file when one row is bad or already a customer (in any case), and saves nothing", async () => {
    const business = await createBusiness();
    const { user } = await createOwner(business.id);
    await createCustomer(business.id, { email: "taken@example.com", name: "Tina Taken" });
    const result = await importCustomers(business.id, user.id, csv("Good One,good@example.com,,,,", "Dup,TAKEN@example.com,,,,", ",nobody,,,,"), "clients.csv");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rowCount).toBe(3);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "email"],
      [4, "name"],
      [4, "email"],
    ]);
    expect(result.errors[0]!.message).toBe("Tina Taken is already a customer with this address. Leave the row out, or change the customer on their page.");
    expect(await db.customer.count({ where: { businessId: business.id } })).toBe(1);
    expect(await db.activityEvent.count({ where: { businessId: business.id, type: "customer.imported" } })).toBe(0);
  });

  it("the same address in another business is no conflict", async () => {
    const other = await createBusiness();
    await createCustomer(other.id, { email: "shared@example.com" });
    const business = await createBusiness();
    const { user } = await createOwner(business.id);
    expect(await importCustomers(business.id, user.id, csv("Shared,shared@example.com,,,,"), "a.csv")).toMatchObject({ ok: true, count: 1 });
  });

  it("two imports of one file racing: one imports, the other is told every address is taken", async () => {
    const business = await createBusiness();
    const { user } = await createOwner(business.id);
    const file = csv(...Array.from({ length: 50 }, (_, i) => `Person ${i},p${i}@example.com,,,,`));
    const results = await Promise.all([importCustomers(business.id, user.id, file, "a.csv"), importCustomers(business.id, user.id, file, "a.csv")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    if (refused && !refused.ok) expect(refused.errors.length).toBeGreaterThan(0);
    expect(await db.customer.count({ where: { businessId: business.id } })).toBe(50);
  });
});

describe("the setup checklist", () => {
  it("starts with every step to do and disappears when each is done for real", async () => {
    const business = await createBusiness();
    const { user } = await createOwner(business.id);
    const fmt = (iso: string) => iso;
    const load = async () => setupChecklist(await db.business.findUniqueOrThrow({ where: { id: business.id } }), fmt);
    const done = async () => Object.fromEntries((await load())?.steps.map((s) => [s.key, s.done]) ?? []);
    expect(await done()).toEqual({ business: false, payments: false, email: false, customers: false, reminders: false });

    await db.business.update({ where: { id: business.id }, data: { addressLines: ["1 Main St", "Springfield"] } });
    await importCustomers(business.id, user.id, csv("Ada,ada@example.com,,,,"), "a.csv");
    await markSequenceReviewed(business.id, user);
    expect(await done()).toMatchObject({ business: true, customers: true, reminders: true, email: false, payments: false });

    // Email: an SMTP server, and a test email that really went out.
    const smtp = await startSmtp();
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
      resetEnvCache();
      const email = await sendOwnerTestEmail(user, business);
      expect((await done()).email).toBe(false);
      expect(await deliverOutboxEmail(email.id)).toBe("sent");
      expect((await done()).email).toBe(true);
    } finally {
      await smtp.close();
    }

    // Payments: keys of one mode, the signing secret, and a webhook whose signature checked out.
    process.env.STRIPE_SECRET_KEY = "sk_test_checklist";
    process.env.STRIPE_PUBLISHABLE_KEY = "pk_live_checklist";
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_checklist";
    resetEnvCache();
    const payments = (await load())!.steps.find((s) => s.key === "payments")!;
    expect(payments.checks.filter((c) => !c.ok).map((c) => c.label)).toEqual([
      "The keys are of different modes (secret: test, publishable: live); use both test or both live",
      "A signed webhook from Stripe has been received",
    ]);
    process.env.STRIPE_PUBLISHABLE_KEY = "pk_test_checklist";
    resetEnvCache();
    const payload = JSON.stringify({ id: `evt_checklist_${Date.now()}`, object: "event", type: "customer.created", created: Math.floor(Date.now() / 1000), data: { object: { id: "cus_1", object: "customer" } } });
    const unsigned = await webhook({ request: new Request("http://localhost/webhooks/stripe", { method: "POST", body: payload, headers: { "stripe-signature": "t=1,v1=forged" } }), params: {}, context: {} });
    expect(unsigned.status).toBe(400);
    expect((await done()).payments).toBe(false);
    const header = new Stripe("sk_test_x").webhooks.generateTestHeaderString({ payload, secret: "whsec_checklist" });
    const signed = await webhook({ request: new Request("http://localhost/webhooks/stripe", { method: "POST", body: payload, headers: { "stripe-signature": header } }), params: {}, context: {} });
    expect(signed.status).toBe(200);
    expect(await load()).toBeNull();
  });
});
