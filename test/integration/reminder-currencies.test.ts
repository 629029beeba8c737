// Issue 19: one reminder run, three customers of a US-dollar business, each written to in their own language and
// billed in their own currency: German in euros, Chinese in yen (no decimals), English in dollars. Amounts are
// the catalog's, in the customer's locale; nothing is converted and no currency's figures are added to another's.
import { afterEach, describe, expect, it } from "vitest";
import { addDays, type CalendarDate } from "../../app/modules/dates/calendar";
import { emailTranslator } from "../../app/modules/i18n/email-translator.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { DEFAULT_TIERS } from "../../app/modules/reminders/default-tiers";
import { runReminders } from "../../app/modules/reminders/engine.server";
import { setClockOffset } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice } from "../fixtures/factories";

afterEach(async () => {
  await setClockOffset(0);
  await stopBoss();
});

describe("a reminder run across languages and currencies", () => {
  it("emails each customer in their language and in the currency they are billed in", async () => {
    const business = await createBusiness({ currency: "USD" });
    await db.reminderTier.createMany({ data: DEFAULT_TIERS.map((t) => ({ ...t, businessId: business.id })) });
    const customer = async (name: string, language: string | null, currency: string | null, amountCents: number) => {
      const created = await createCustomer(business.id, { name });
      const c = await db.customer.update({ where: { id: created.id }, data: { language, currency } });
      const invoice = await createInvoice(business.id, c.id, { amountCents, issueDate: addDays("2026-11-01" as CalendarDate, -30), dueInDays: 30, currency: currency ?? "USD" });
      return { ...c, invoice };
    };
    const hans = await customer("Hans Meier", "de", "EUR", 123_456);
    const li = await customer("Li Wei", "zh", "JPY", 120_000);
    const ada = await customer("Ada Lovelace", null, null, 45_000);

    const run = await runReminders({ businessId: business.id, at: new Date("2026-11-12T15:00:00Z") });
    expect(run.customersEmailed).toBe(3);
    const reminderTo = async (customerId: string) => db.outboxEmail.findFirstOrThrow({ where: { customerId, template: "reminder" } });

    const de = emailTranslator("de");
    const toHans = await reminderTo(hans.id);
    expect(toHans.locale).toBe("de");
    expect(toHans.html).toMatch(/<html[^>]+lang="de"/);
    expect(toHans.text).toContain(de.money(123_456, "EUR"));
    expect(de.money(123_456, "EUR")).toBe("1.234,56\u00a0€");
    expect(toHans.text).toContain(de.t("email.reminder.button"));
    expect(toHans.text).not.toContain("$");

    const zh = emailTranslator("zh");
    const toLi = await reminderTo(li.id);
    expect(toLi.locale).toBe("zh");
    expect(toLi.html).toMatch(/<html[^>]+lang="zh-CN"/);
    expect(toLi.text).toContain(zh.money(120_000, "JPY"));
    expect(zh.money(120_000, "JPY")).toMatch(/120,000$/);
    expect(toLi.text).not.toMatch(/120,000\.\d/);
    expect(toLi.text).toContain(zh.t("email.reminder.button"));

    const en = emailTranslator("en");
    const toAda = await reminderTo(ada.id);
    expect(toAda.locale).toBe("en");
    expect(toAda.text).toContain(en.money(45_000, "USD"));
    expect(toAda.text).toContain("$450.00");
    expect(toAda.text).not.toContain("€");
  });
});
