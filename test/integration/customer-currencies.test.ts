// A customer billed in another currency than the business's (decision 033): invoices in their currency, fixed-amount
// rules not applied to them, totals per currency, the CSV import's currency and language columns.
import { describe, expect, it } from "vitest";
import { CustomerForm } from "../../app/modules/customers/customer-form";
import { importCustomers } from "../../app/modules/customers/csv.server";
import { updateCustomer } from "../../app/modules/customers/customers.server";
import { loadDashboard } from "../../app/modules/dashboard/dashboard.server";
import { addDays, type CalendarDate } from "../../app/modules/dates/calendar";
import { earlyPayOffers } from "../../app/modules/discounts/offers.server";
import { createDraft } from "../../app/modules/invoices/editor.server";
import { listBusinessInvoices, totalsByCurrency } from "../../app/modules/invoices/invoices.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice, createOwner } from "../fixtures/factories";

const DAY = "2026-11-10" as CalendarDate;
const form = (values: Record<string, string>) => CustomerForm.parse(values);

async function world() {
  const business = await createBusiness({ currency: "USD" });
  const { user } = await createOwner(business.id);
  const ada = await createCustomer(business.id, { name: "Ada", email: "ada@example.test" });
  const bob = await createCustomer(business.id, { name: "Bob", email: "bob@example.test" });
  return { business, owner: user, ada, bob };
}

describe("a customer billed in euros by a business in US dollars", () => {
  it("sets the currency and language on the form (logged), bills new invoices in euros and refuses prices read in dollars", async () => {
    const w = await world();
    const saved = await updateCustomer(w.business.id, w.owner.id, w.ada.id, form({ name: "Ada", email: "ada@example.test", currency: "EUR", language: "de" }), DAY);
    expect(saved).toEqual({ ok: true, customerId: w.ada.id });
    expect(await db.customer.findUniqueOrThrow({ where: { id: w.ada.id } })).toMatchObject({ currency: "EUR", language: "de" });
    const logged = await db.activityEvent.findFirstOrThrow({ where: { customerId: w.ada.id, type: "customer.updated" } });
    expect(logged.summary).toBe("Details changed: currency, language (currency USD (the business's) → EUR; language the business's → de)");

    const lines = [{ description: "Workshop", quantityMilli: 1000, unitAmountCents: 50_000, amountCents: 50_000 }];
    const draft = { customerId: w.ada.id, number: "INV-1", issueDate: DAY, dueDate: addDays(DAY, 30), memo: null, lines };
    expect(await createDraft(w.business.id, w.owner.id, draft, "EUR")).toMatchObject({ currency: "EUR" });
    await expect(createDraft(w.business.id, w.owner.id, { ...draft, number: "INV-2" }, "USD")).rejects.toThrow("Ada is billed in EUR, not USD: check the prices in EUR and save again.");
    expect(await createDraft(w.business.id, w.owner.id, { ...draft, number: "INV-3", customerId: w.bob.id }, "USD")).toMatchObject({ currency: "USD" });
  });

  it("refuses a currency change while an invoice in the old currency is open or a draft, and allows it once paid off", async () => {
    const w = await world();
    await db.customer.update({ where: { id: w.ada.id }, data: { currency: "EUR" } });
    const open = await createInvoice(w.business.id, w.ada.id, { currency: "EUR", amountCents: 12_000, issueDate: "2026-11-01" as CalendarDate });
    const refused = await updateCustomer(w.business.id, w.owner.id, w.ada.id, form({ name: "Ada", email: "ada@example.test", currency: "" }), DAY);
    expect(refused).toEqual({ ok: false, fieldErrors: { currency: [`This customer still has an open invoice in EUR (${open.number}). Collect, void or write it off first, or keep EUR: nothing is converted between currencies.`] } });
    expect((await db.customer.findUniqueOrThrow({ where: { id: w.ada.id } })).currency).toBe("EUR");
    // Other fields still save when the currency stays.
    expect((await updateCustomer(w.business.id, w.owner.id, w.ada.id, form({ name: "Ada L", email: "ada@example.test", currency: "EUR" }), DAY)).ok).toBe(true);

    await db.invoice.update({ where: { id: open.id }, data: { state: "VOID" } });
    expect(await updateCustomer(w.business.id, w.owner.id, w.ada.id, form({ name: "Ada L", email: "ada@example.test", currency: "" }), DAY)).toEqual({ ok: true, customerId: w.ada.id });
    expect((await db.customer.findUniqueOrThrow({ where: { id: w.ada.id } })).currency).toBeNull();
  });

  it("does not offer a fixed early-pay discount in euros (a percentage one applies in both)", async () => {
    const w = await world();
    await db.customer.update({ where: { id: w.ada.id }, data: { currency: "EUR" } });
    const euros = await createInvoice(w.business.id, w.ada.id, { currency: "EUR", amountCents: 10_000, issueDate: DAY });
    const dollars = await createInvoice(w.business.id, w.bob.id, { currency: "USD", amountCents: 10_000, issueDate: DAY });
    const due = [{ id: euros.id, dueNowCents: 10_000 }, { id: dollars.id, dueNowCents: 10_000 }];
    await db.discountPolicy.create({ data: { businessId: w.business.id, enabled: true, kind: "FIXED", amountCents: 500, windowDays: 10 } });
    const fixed = await earlyPayOffers(w.business.id, due, DAY);
    expect(fixed[euros.id]).toBeNull();
    expect(fixed[dollars.id]).toMatchObject({ discountCents: 500 });
    await db.discountPolicy.update({ where: { businessId: w.business.id }, data: { kind: "PERCENT", percentBps: 200 } });
    const percent = await earlyPayOffers(w.business.id, due, DAY);
    expect(percent[euros.id]).toMatchObject({ discountCents: 200 });
    expect(percent[dollars.id]).toMatchObject({ discountCents: 200 });
  });

  it("shows dollars and euros separately on Money and Overview, never added", async () => {
    const w = await world();
    await db.customer.update({ where: { id: w.ada.id }, data: { currency: "EUR" } });
    await createInvoice(w.business.id, w.ada.id, { currency: "EUR", amountCents: 70_000, issueDate: "2026-11-01" as CalendarDate });
    await createInvoice(w.business.id, w.bob.id, { currency: "USD", amountCents: 30_000, issueDate: "2026-11-01" as CalendarDate });
    const money = await loadDashboard(w.business.id, "USD", w.business.timeZone, DAY);
    expect(money.map((m) => [m.currency, m.figures.outstandingCents])).toEqual([["USD", 30_000], ["EUR", 70_000]]);
    const totals = totalsByCurrency(await listBusinessInvoices(w.business.id, DAY), "USD");
    expect(totals.map((t) => [t.currency, t.outstandingCents, t.count])).toEqual([["USD", 30_000, 1], ["EUR", 70_000, 1]]);
  });
});

describe("the customer CSV import's currency and language columns", () => {
  it("imports codes (eur → EUR, de-DE → de) and imports nothing from a file with a bad row, naming the row and the allowed codes", async () => {
    const business = await createBusiness({ currency: "USD" });
    const { user } = await createOwner(business.id);
    const bad = await importCustomers(business.id, user.id, "name,email,currency,language\r\nCy,cy@example.test,eur,de-DE\r\nDi,di@example.test,EURO,fr\r\n", "book.csv");
    expect(bad).toMatchObject({ ok: false, errors: [{ row: 3, column: "currency", value: "EURO", message: "Choose a currency from the list: USD, EUR, GBP, CAD, AUD, SEK, JPY, CNY, or leave it empty for the business's." }] });
    expect(await db.customer.count({ where: { businessId: business.id } })).toBe(0);

    const good = await importCustomers(business.id, user.id, "name,email,currency,language\r\nCy,cy@example.test,eur,de-DE\r\nDi,di@example.test,,\r\n", "book.csv");
    expect(good).toMatchObject({ ok: true, count: 2 });
    const rows = await db.customer.findMany({ where: { businessId: business.id }, orderBy: { name: "asc" }, select: { name: true, currency: true, language: true } });
    expect(rows).toEqual([{ name: "Cy", currency: "EUR", language: "de" }, { name: "Di", currency: null, language: null }]);
  });
});
