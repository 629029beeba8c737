import { describe, expect, it } from "vitest";
import { commitOwnerSession, signIn } from "../../app/modules/auth/session.server";
import { CallNoteForm, CustomerForm } from "../../app/modules/customers/customer-form";
import {
  addCallNote,
  createCustomer,
  getCustomerOverview,
  searchCustomers,
  setCustomerArchived,
  setPlanAccess,
  updateCustomer,
} from "../../app/modules/customers/customers.server";
import { loadPayerProfile, loadPayerProfiles } from "../../app/modules/customers/payer-profile.server";
import { toDbDate, type CalendarDate } from "../../app/modules/dates/calendar";
import { DEFAULT_TIERS } from "../../app/modules/reminders/default-tiers";
import { db } from "../../app/utils/db.server";
import { fieldErrorsOf } from "../../app/utils/forms";
import { action as customerAction, loader as customerLoader } from "../../app/routes/app.customers.$id";
import { loader as editLoader } from "../../app/routes/app.customers_.$id.edit";
import { createBusiness, createCustomer as seedCustomer, createInvoice, createOwner, recordPayment } from "../fixtures/factories";

const DAY = "2026-12-15" as CalendarDate;

const form = (values: Record<string, string>) => {
  const parsed = CustomerForm.safeParse(values);
  if (!parsed.success) throw new Error(JSON.stringify(fieldErrorsOf(parsed.error.issues)));
  return parsed.data;
};

async function world() {
  const business = await createBusiness();
  const { user, email, password } = await createOwner(business.id);
  return { business, owner: user, email, password };
}

async function ownerRequest(email: string, password: string, url: string, body?: Record<string, string>) {
  const result = await signIn({ email, password, ipAddress: "10.0.0.9", userAgent: "test" });
  if (result.ok !== true) throw new Error("sign-in failed");
  const cookie = (await commitOwnerSession(result.sessionId)).split(";")[0] ?? "";
  if (!body) return new Request(url, { headers: { Cookie: cookie } });
  return new Request(url, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body) });
}

describe("creating and editing customers", () => {
  it("creates a customer with a lower-cased email, logs it, and refuses an email the business already has (any case)", async () => {
    const w = await world();
    const created = await createCustomer(w.business.id, w.owner.id, form({ name: " Ada Lovelace ", companyName: "Analytical Ltd", email: "Ada@Example.test", phone: "+1 (555) 010-2000", timeZone: "Europe/London" }));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const ada = await db.customer.findUniqueOrThrow({ where: { id: created.customerId } });
    expect(ada).toMatchObject({ name: "Ada Lovelace", companyName: "Analytical Ltd", email: "ada@example.test", phone: "+1 (555) 010-2000", timeZone: "Europe/London", emailOptOut: false, businessId: w.business.id });
    expect(await db.activityEvent.findFirst({ where: { customerId: ada.id, type: "customer.created" } })).toMatchObject({ actor: "OWNER", actorUserId: w.owner.id });

    const duplicate = await createCustomer(w.business.id, w.owner.id, form({ name: "Someone else", email: "ADA@example.test" }));
    expect(duplicate).toEqual({ ok: false, fieldErrors: { email: [expect.stringContaining("Another customer already uses this email address")] } });
    expect(await db.customer.count({ where: { businessId: w.business.id } })).toBe(1);

    // Another business may have a customer with the same email.
    const other = await world();
    expect((await createCustomer(other.business.id, other.owner.id, form({ name: "Ada at another shop", email: "ada@example.test" }))).ok).toBe(true);
  });

  it("says what to fix for bad input", () => {
    const bad = CustomerForm.safeParse({ name: "", email: "not-an-email", phone: "call me", timeZone: "Mars/Olympus_Mons" });
    expect(bad.success).toBe(false);
    if (bad.success) return;
    expect(fieldErrorsOf(bad.error.issues)).toEqual({
      name: ["Enter the customer's name."],
      email: ["Enter an email address like name@example.com."],
      phone: ["Enter a phone number with digits, spaces, +, ( ) or - only."],
      timeZone: ["Choose a time zone from the list, like America/Chicago."],
    });
    expect(CustomerForm.parse({ name: "Bo", email: "bo@example.test", companyName: "", phone: "", timeZone: "" })).toEqual({
      name: "Bo",
      companyName: null,
      email: "bo@example.test",
      phone: null,
      timeZone: null,
      currency: null,
      language: null,
      emailOptOut: false,
    });
  });

  it("edits a customer, logs the changed fields, refuses a taken email and another business's customer", async () => {
    const w = await world();
    const ada = await seedCustomer(w.business.id, { name: "Ada", email: "ada@example.test" });
    await seedCustomer(w.business.id, { name: "Grace", email: "grace@example.test" });

    const saved = await updateCustomer(w.business.id, w.owner.id, ada.id, form({ name: "Ada King", email: "ada@example.test", phone: "555 0100", timeZone: "America/Chicago", emailOptOut: "on" }), "2026-12-07" as CalendarDate);
    expect(saved).toEqual({ ok: true, customerId: ada.id });
    expect(await db.customer.findUniqueOrThrow({ where: { id: ada.id } })).toMatchObject({ name: "Ada King", phone: "555 0100", timeZone: "America/Chicago", emailOptOut: true });
    const logged = await db.activityEvent.findFirstOrThrow({ where: { customerId: ada.id, type: "customer.updated" } });
    expect(logged).toMatchObject({ actor: "OWNER", actorUserId: w.owner.id, summary: "Details changed: name, phone, time zone, email opt-out" });

    const taken = await updateCustomer(w.business.id, w.owner.id, ada.id, form({ name: "Ada King", email: "Grace@example.test" }), "2026-12-07" as CalendarDate);
    expect(taken.ok).toBe(false);
    expect(await db.customer.findUniqueOrThrow({ where: { id: ada.id } })).toMatchObject({ email: "ada@example.test" });

    const other = await world();
    const thrown = await updateCustomer(other.business.id, other.owner.id, ada.id, form({ name: "Hijack", email: "x@example.test" }), "2026-12-07" as CalendarDate).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });
});

describe("archiving", () => {
  it("archives with open invoices (and says how much is owed), hides the customer from the default list, and restores", async () => {
    const w = await world();
    const ada = await seedCustomer(w.business.id, { name: "Ada Archive", email: "ada@example.test" });
    await seedCustomer(w.business.id, { name: "Grace Current", email: "grace@example.test" });
    await createInvoice(w.business.id, ada.id, { amountCents: 12_345 });

    expect(await setCustomerArchived(w.business.id, w.owner.id, ada.id, true, DAY)).toEqual({ openInvoices: 1, openBalances: [{ currency: "USD", cents: 12_345 }] });
    expect((await db.customer.findUniqueOrThrow({ where: { id: ada.id } })).archivedAt).not.toBeNull();
    expect((await searchCustomers(w.business.id)).map((c) => c.name)).toEqual(["Grace Current"]);
    expect((await searchCustomers(w.business.id, { archived: "archived" })).map((c) => c.name)).toEqual(["Ada Archive"]);
    expect((await searchCustomers(w.business.id, { archived: "all", query: "ADA@" })).map((c) => c.name)).toEqual(["Ada Archive"]);
    expect(await db.activityEvent.findFirst({ where: { customerId: ada.id, type: "customer.archived" } })).toMatchObject({ summary: "Customer archived with 1 open invoice", actorUserId: w.owner.id });

    await setCustomerArchived(w.business.id, w.owner.id, ada.id, false, DAY);
    expect((await db.customer.findUniqueOrThrow({ where: { id: ada.id } })).archivedAt).toBeNull();
    expect(await db.activityEvent.count({ where: { customerId: ada.id, type: "customer.unarchived" } })).toBe(1);

    const other = await world();
    await expect(setCustomerArchived(other.business.id, other.owner.id, ada.id, true, DAY)).rejects.toBeInstanceOf(Response);
  });

  it("searches name, company and email within the business only", async () => {
    const w = await world();
    await db.customer.create({ data: { businessId: w.business.id, name: "Ada Lovelace", companyName: "Analytical Engines", email: "ada@example.test" } });
    await db.customer.create({ data: { businessId: w.business.id, name: "Grace Hopper", companyName: "Cobol Co", email: "grace@navy.test" } });
    const other = await world();
    await db.customer.create({ data: { businessId: other.business.id, name: "Ada Elsewhere", email: "ada2@example.test" } });
    const names = async (query: string) => (await searchCustomers(w.business.id, { query })).map((c) => c.name);
    expect(await names("ada")).toEqual(["Ada Lovelace"]);
    expect(await names("cobol")).toEqual(["Grace Hopper"]);
    expect(await names("navy.test")).toEqual(["Grace Hopper"]);
    expect(await names("")).toEqual(["Ada Lovelace", "Grace Hopper"]);
  });
});

describe("call notes and the deposit switch", () => {
  it("stores a call note as an owner activity with the owner's id, shown in the timeline with their name", async () => {
    const w = await world();
    const ada = await seedCustomer(w.business.id);
    await addCallNote(w.business.id, w.owner.id, ada.id, CallNoteForm.parse({ body: "Spoke to Ada.\nShe will pay on Friday.", outcome: "promised" }));
    const event = await db.activityEvent.findFirstOrThrow({ where: { customerId: ada.id, type: "note.call" } });
    expect(event).toMatchObject({ actor: "OWNER", actorUserId: w.owner.id, businessId: w.business.id, summary: "Call (promised to pay): Spoke to Ada.", data: { body: "Spoke to Ada.\nShe will pay on Friday.", outcome: "promised" } });

    const overview = await getCustomerOverview(w.business.id, ada.id, DAY);
    expect(overview?.activity[0]).toMatchObject({ type: "note.call", actorName: "Test Owner", callNote: { body: "Spoke to Ada.\nShe will pay on Friday.", outcome: "Promised to pay" } });

    const other = await world();
    await expect(addCallNote(other.business.id, other.owner.id, ada.id, { body: "Not mine", outcome: null })).rejects.toBeInstanceOf(Response);
  });

  it("validates a call note through the page's action: 3 to 2000 characters, a known outcome; keeps what was typed", async () => {
    const w = await world();
    const ada = await seedCustomer(w.business.id);
    const post = async (body: Record<string, string>) =>
      customerAction({ request: await ownerRequest(w.email, w.password, `http://localhost/app/customers/${ada.id}`, body), params: { id: ada.id }, context: {} });

    const short = await post({ intent: "call-note", body: "ok", outcome: "" });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ noteErrors: { body: ["Write at least 3 characters about the call."] }, noteValues: { body: "ok" } });
    const long = await post({ intent: "call-note", body: "x".repeat(2001) });
    expect(await long.json()).toMatchObject({ noteErrors: { body: ["A call note can be at most 2000 characters."] } });
    const badOutcome = await post({ intent: "call-note", body: "Called", outcome: "threatened" });
    expect(await badOutcome.json()).toMatchObject({ noteErrors: { outcome: ["Choose an outcome from the list."] } });
    expect(await db.activityEvent.count({ where: { customerId: ada.id, type: "note.call" } })).toBe(0);

    const ok = await post({ intent: "call-note", body: "No answer, left a voicemail", outcome: "no_answer" });
    expect(await ok.json()).toMatchObject({ message: "Call note added to the timeline." });
    expect(await db.activityEvent.count({ where: { customerId: ada.id, type: "note.call", actorUserId: w.owner.id } })).toBe(1);
  });

  it("switches 'deposit required' on and off with the plan-access switches, logging each change once", async () => {
    const w = await world();
    const ada = await seedCustomer(w.business.id);
    await setPlanAccess(w.business.id, w.owner.id, ada.id, { plansAllowed: true, risky: false, depositRequired: true });
    expect(await db.customer.findUniqueOrThrow({ where: { id: ada.id } })).toMatchObject({ depositRequired: true, plansAllowed: true });
    await setPlanAccess(w.business.id, w.owner.id, ada.id, { plansAllowed: false, risky: false, depositRequired: true });
    await setPlanAccess(w.business.id, w.owner.id, ada.id, { plansAllowed: false, risky: false });
    expect(await db.customer.findUniqueOrThrow({ where: { id: ada.id } })).toMatchObject({ depositRequired: true, plansAllowed: false });
    await setPlanAccess(w.business.id, w.owner.id, ada.id, { plansAllowed: false, risky: false, depositRequired: false });
    const logged = await db.activityEvent.findMany({ where: { customerId: ada.id, type: "customer.deposit_required" }, orderBy: { id: "asc" } });
    expect(logged.map((e) => e.summary)).toEqual(["Deposit required before new work", "Deposit no longer required"]);
    expect(logged.every((e) => e.actor === "OWNER" && e.actorUserId === w.owner.id)).toBe(true);
  });
});

describe("business scoping of the customer pages", () => {
  it("answers 404 for another business's customer on the page, its actions and the edit page", async () => {
    const w = await world();
    const other = await world();
    const theirs = await seedCustomer(other.business.id);
    const url = `http://localhost/app/customers/${theirs.id}`;
    const expect404 = async (promise: Promise<unknown>) => {
      const thrown = await promise.catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(404);
    };
    await expect404(customerLoader({ request: await ownerRequest(w.email, w.password, url), params: { id: theirs.id }, context: {} }));
    await expect404(editLoader({ request: await ownerRequest(w.email, w.password, `${url}/edit`), params: { id: theirs.id }, context: {} }));
    await expect404(customerAction({ request: await ownerRequest(w.email, w.password, url, { intent: "call-note", body: "Sneaky note" }), params: { id: theirs.id }, context: {} }));
    await expect404(customerAction({ request: await ownerRequest(w.email, w.password, url, { intent: "archive", archived: "true" }), params: { id: theirs.id }, context: {} }));
    expect(await db.activityEvent.count({ where: { customerId: theirs.id } })).toBe(0);
    expect((await db.customer.findUniqueOrThrow({ where: { id: theirs.id } })).archivedAt).toBeNull();
  });
});

describe("a customer page acts only on that customer's invoices", () => {
  it("answers 404 for another customer's invoice or fee of the same business, and changes nothing", async () => {
    const w = await world();
    const ada = await seedCustomer(w.business.id, { name: "Ada" });
    const grace = await seedCustomer(w.business.id, { name: "Grace" });
    await db.reminderTier.createMany({ data: DEFAULT_TIERS.map((t) => ({ ...t, businessId: w.business.id })) });
    const tier = await db.reminderTier.findFirstOrThrow({ where: { businessId: w.business.id } });
    const adas = await createInvoice(w.business.id, ada.id, { amountCents: 50_000 });
    const graces = await createInvoice(w.business.id, grace.id, { amountCents: 50_000 });
    const adaFee = await db.lateFee.create({ data: { invoiceId: adas.id, tierId: tier.id, amountCents: 2_500, description: "Late fee" } });
    const graceFee = await db.lateFee.create({ data: { invoiceId: graces.id, tierId: tier.id, amountCents: 2_500, description: "Late fee" } });
    const url = `http://localhost/app/customers/${ada.id}`;
    // Signed in once: a sign-in is itself logged (and may be emailed about).
    const cookie = (await ownerRequest(w.email, w.password, url)).headers.get("Cookie") ?? "";
    const post = (body: Record<string, string>) =>
      customerAction({
        request: new Request(url, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body) }),
        params: { id: ada.id },
        context: {},
      }).catch((e: unknown) => e);
    const snapshot = async () => ({
      activity: await db.activityEvent.count({ where: { businessId: w.business.id } }),
      outbox: await db.outboxEmail.count({ where: { businessId: w.business.id } }),
      invoices: await db.invoice.findMany({ where: { businessId: w.business.id }, orderBy: { id: "asc" } }),
      fees: await db.lateFee.findMany({ where: { id: { in: [adaFee.id, graceFee.id] } }, orderBy: { id: "asc" } }),
      offers: await db.settlementOffer.count({ where: { invoiceId: { in: [adas.id, graces.id] } } }),
    });
    const before = await snapshot();
    const onGrace: Record<string, string>[] = [
      { intent: "send-invoice", invoiceId: graces.id },
      { intent: "pause-invoice", invoiceId: graces.id, paused: "true" },
      { intent: "discount-terms", invoiceId: graces.id, mode: "none" },
      { intent: "settle", invoiceId: graces.id, amount: "100.00", expiresOn: "2026-12-28" },
      { intent: "waive-fee", feeId: graceFee.id, reason: "Goodwill gesture" },
      { intent: "send-invoice", invoiceId: "no-such-invoice" },
    ];
    for (const body of onGrace) {
      const answer = await post(body);
      expect(answer, body.intent).toBeInstanceOf(Response);
      expect((answer as Response).status, body.intent).toBe(404);
    }
    expect(await snapshot()).toEqual(before);

    // The same actions on Ada's own invoice and fee work.
    const paused = (await post({ intent: "pause-invoice", invoiceId: adas.id, paused: "true" })) as Response;
    expect(await paused.json()).toMatchObject({ message: "Reminders paused for that invoice." });
    const waived = (await post({ intent: "waive-fee", feeId: adaFee.id, reason: "Goodwill gesture" })) as Response;
    expect(await waived.json()).toMatchObject({ message: "Late fee waived." });
    expect((await db.lateFee.findUniqueOrThrow({ where: { id: adaFee.id } })).status).toBe("WAIVED");
    expect((await db.lateFee.findUniqueOrThrow({ where: { id: graceFee.id } })).status).toBe("APPLIED");
  });
});

describe("payer profiles from the database", () => {
  async function paidOn(businessId: string, customerId: string, invoiceId: string, cents: number, at: string) {
    const payment = await recordPayment(businessId, customerId, invoiceId, cents);
    await db.payment.update({ where: { id: payment.id }, data: { succeededAt: new Date(at) } });
  }

  it("computes each customer's profile in the business's time zone, for many customers at once", async () => {
    const w = await world();
    const ada = await seedCustomer(w.business.id, { name: "Ada" });
    const grace = await seedCustomer(w.business.id, { name: "Grace" });
    const fresh = await seedCustomer(w.business.id, { name: "Fresh" });
    // Due 2026-12-01 (issued 11-01, net 30).
    const a1 = await createInvoice(w.business.id, ada.id, { amountCents: 10_000 });
    const a2 = await createInvoice(w.business.id, ada.id, { amountCents: 10_000 });
    // 04:30 UTC on 2 December is still 1 December in New York: on time.
    await paidOn(w.business.id, ada.id, a1.id, 10_000, "2026-12-02T04:30:00Z");
    // Paid in two parts; the invoice is paid when the last part succeeds, 5 days late.
    await paidOn(w.business.id, ada.id, a2.id, 4_000, "2026-11-20T15:00:00Z");
    await paidOn(w.business.id, ada.id, a2.id, 6_000, "2026-12-06T15:00:00Z");
    // A failed payment and a draft invoice count for nothing.
    await recordPayment(w.business.id, ada.id, (await createInvoice(w.business.id, ada.id, { state: "DRAFT" })).id, 500, "FAILED");

    // Grace: one invoice 14 days overdue on DAY (due 12-01), one broken promise, one defaulted plan.
    const g1 = await createInvoice(w.business.id, grace.id, { amountCents: 20_000 });
    const promise = await db.promiseToPay.create({ data: { customerId: grace.id, promisedFor: toDbDate("2026-12-05" as CalendarDate), amountCents: 20_000, status: "BROKEN" } });
    await db.promiseInvoice.create({ data: { promiseId: promise.id, invoiceId: g1.id } });
    await db.plan.create({
      data: { businessId: w.business.id, customerId: grace.id, status: "DEFAULTED", frequency: "MONTHLY", instalmentCount: 2, currency: "USD", principalCents: 20_000, termsText: "terms", acceptedAt: new Date() },
    });

    // Asked by another business, the same customer ids have no history.
    const other = await world();

    const profiles = await loadPayerProfiles(w.business, [ada.id, grace.id, fresh.id], DAY);
    expect(profiles.get(ada.id)).toMatchObject({ ratedInvoices: 2, paidOnTime: 1, onTimeRateBps: 5000, averageDaysLate: 5, group: "sporadic", reason: "Paid 1 of 2 invoices on time, 5 days late on average" });
    expect(profiles.get(grace.id)).toMatchObject({ ratedInvoices: 1, onTimeRateBps: 0, averageDaysLate: 14, brokenPromises: 1, brokenPlans: 1, group: "avoider", reason: "Broke 1 promise and 1 plan" });
    expect(profiles.get(fresh.id)).toMatchObject({ group: "new", ratedInvoices: 0 });
    expect(await loadPayerProfiles(other.business, [ada.id], DAY)).toEqual(new Map([[ada.id, expect.objectContaining({ group: "new" })]]));
    expect(await loadPayerProfile(w.business, grace.id, DAY)).toEqual(profiles.get(grace.id));
  });
});
