// Issue 19: a reminder run writes to each customer in their email language. The email catalogs of other
// languages arrive from translators one file at a time; until a language is complete, this test stands in a
// pseudo-translation for it ("⟦de⟧ " before every English message) so that the machinery is tested either way.
// Expectations take their words from the translator, never hard-coded German or Arabic.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EmailCatalog } from "../../app/modules/i18n/messages/en-email";

async function completeOrPseudo(locale: string, real: Partial<EmailCatalog>): Promise<Partial<EmailCatalog>> {
  const { enEmail } = await import("../../app/modules/i18n/messages/en-email");
  const complete = Object.keys(enEmail).every((k) => typeof real[k as keyof EmailCatalog] === "string");
  return complete ? real : (Object.fromEntries(Object.entries(enEmail).map(([k, v]) => [k, `⟦${locale}⟧ ${v}`])) as EmailCatalog);
}
vi.mock("../../app/modules/i18n/messages/de-email", async (original) => ({ deEmail: await completeOrPseudo("de", (await original<{ deEmail: Partial<EmailCatalog> }>()).deEmail) }));
vi.mock("../../app/modules/i18n/messages/ar-email", async (original) => ({ arEmail: await completeOrPseudo("ar", (await original<{ arEmail: Partial<EmailCatalog> }>()).arEmail) }));
vi.mock("../../app/modules/i18n/messages/fr-email", async (original) => ({ frEmail: await completeOrPseudo("fr", (await original<{ frEmail: Partial<EmailCatalog> }>()).frEmail) }));

const { addDays } = await import("../../app/modules/dates/calendar");
const { emailTranslator } = await import("../../app/modules/i18n/email-translator.server");
const { EMAIL_LOCALES } = await import("../../app/modules/i18n/email-catalogs.server");
const { emailLocale } = await import("../../app/modules/i18n/locale.server");
const { stopBoss } = await import("../../app/modules/jobs/queue.server");
const { DEFAULT_TIERS } = await import("../../app/modules/reminders/default-tiers");
const { runReminders } = await import("../../app/modules/reminders/engine.server");
const { saveTierText, removeTierText, TierTextForm } = await import("../../app/modules/reminders/settings.server");
const reminders = await import("../../app/routes/app.reminders");
const { db } = await import("../../app/utils/db.server");
const { setClockOffset } = await import("../../app/utils/clock.server");
const { createBusiness, createCustomer, createInvoice, createOwner } = await import("../fixtures/factories");
const { buildRequest, invoke, ownerCookieFor } = await import("../support/tenants");
import type { CalendarDate } from "../../app/modules/dates/calendar";

/** 10:00 in New York on the given day. */
const at = (day: string) => new Date(`${day}T15:00:00Z`);

afterEach(async () => {
  await setClockOffset(0);
  await stopBoss();
});

async function world(language: string) {
  const business = await createBusiness({ currency: "EUR" });
  await db.business.update({ where: { id: business.id }, data: { language } });
  await db.reminderTier.createMany({ data: DEFAULT_TIERS.map((t) => ({ ...t, businessId: business.id })) });
  const owner = await createOwner(business.id);
  const tiers = await db.reminderTier.findMany({ where: { businessId: business.id } });
  const customer = async (name: string, lang: string | null) => {
    const created = await createCustomer(business.id, { name });
    const c = await db.customer.update({ where: { id: created.id }, data: { language: lang } });
    const invoice = await createInvoice(business.id, c.id, { amountCents: 123_456, issueDate: addDays("2026-11-01" as CalendarDate, -30), dueInDays: 30, currency: "EUR" });
    return { ...c, invoice };
  };
  return { business: { ...business, language }, owner, tiers, customer };
}

const reminderTo = async (customerId: string) => {
  const emails = await db.outboxEmail.findMany({ where: { customerId, template: "reminder" } });
  expect(emails).toHaveLength(1);
  return emails[0]!;
};

describe("reminders in the customer's language", () => {
  it("the test's stand-ins make German, Arabic and French email languages", () => {
    for (const l of ["de", "ar", "fr"] as const) expect(EMAIL_LOCALES).toContain(l);
  });

  it("emails a German customer in German, an Arabic one in Arabic (right to left), one without a language in the business's, with a per-language tier text when there is one", async () => {
    const w = await world("fr");
    const firm = w.tiers.find((t) => t.kind === "FIRM")!;
    await saveTierText(w.business.id, w.owner.user.id, TierTextForm.parse({ tierId: firm.id, language: "de", subject: "Zahlung überfällig: {{invoiceNumbers}}", body: "Guten Tag {{customerName}},\n\n{{amount}} sind seit {{daysOverdue}} Tagen fällig." }));
    const hans = await w.customer("Hans Meier", "de");
    const amira = await w.customer("Amira Haddad", "ar");
    const nobody = await w.customer("Claire Dubois", null);

    const r = await runReminders({ businessId: w.business.id, at: at("2026-11-12") });
    expect(r.customersEmailed).toBe(3);

    // German: the tier text written for German, the fixed parts, money and dates in German.
    const de = emailTranslator("de");
    const toHans = await reminderTo(hans.id);
    expect(toHans.locale).toBe("de");
    expect(emailLocale(hans, w.business)).toBe("de");
    expect(toHans.subject).toBe(`Zahlung überfällig: ${hans.invoice.number}`);
    expect(toHans.html).toMatch(/<html[^>]+lang="de"/);
    expect(toHans.html).toMatch(/<html[^>]+dir="ltr"/);
    expect(toHans.text).toContain(`${de.money(123_456, "EUR")} sind seit 11 Tagen fällig.`);
    expect(de.money(123_456, "EUR")).toBe("1.234,56\u00a0€");
    expect(toHans.text).toContain(de.t("email.reminder.button"));
    expect(toHans.text).toContain(de.t("email.reminder.dueOverdue", { dueDate: de.date("2026-11-01", "medium"), days: 11 }));
    expect(toHans.text).toContain(de.t("email.layout.footer", { business: w.business.name, supportEmail: w.business.supportEmail }));

    // Arabic: no Arabic tier text, so the owner's text in the business's language (marked as such), and everything
    // around it in Arabic, right to left.
    const ar = emailTranslator("ar");
    const toAmira = await reminderTo(amira.id);
    expect(toAmira.locale).toBe("ar");
    expect(toAmira.html).toMatch(/<html[^>]+lang="ar"/);
    expect(toAmira.html).toMatch(/<html[^>]+dir="rtl"/);
    expect(toAmira.html).toContain("text-align:right");
    expect(toAmira.subject).toBe(`Payment overdue: ${amira.invoice.number}`);
    expect(toAmira.html).toMatch(/<div lang="fr" dir="ltr">/);
    expect(toAmira.text).toContain(ar.money(123_456, "EUR"));
    expect(ar.money(123_456, "EUR")).not.toBe(de.money(123_456, "EUR"));
    expect(toAmira.text).toContain(ar.t("email.reminder.button"));
    expect(toAmira.text).toContain(ar.t("email.reminder.dueOverdue", { dueDate: ar.date("2026-11-01", "medium"), days: 11 }));

    // No language of their own: the business's (French).
    const fr = emailTranslator("fr");
    const toClaire = await reminderTo(nobody.id);
    expect(toClaire.locale).toBe("fr");
    expect(toClaire.html).toMatch(/<html[^>]+lang="fr"/);
    expect(toClaire.text).toContain(fr.money(123_456, "EUR"));
    expect(toClaire.text).toContain(fr.t("email.reminder.button"));
    expect(toClaire.html).not.toMatch(/<div lang=/);
  });

  it("falls back to the business's language, then English, when a language's email catalog is not complete", async () => {
    const incomplete = (["es", "sv", "ru", "zh"] as const).filter((l) => !EMAIL_LOCALES.includes(l));
    for (const l of incomplete) {
      expect(emailLocale({ language: l }, { language: "de" })).toBe("de");
      expect(emailLocale({ language: l }, { language: l })).toBe("en");
    }
    expect(emailLocale({ language: null }, { language: "ar" })).toBe("ar");
    expect(emailLocale({ language: "de" }, { language: "en" })).toBe("de");
  });

  it("the owner saves a French text through the editor (placeholders checked, logged), and it can be removed again", async () => {
    const w = await world("en");
    const gentle = w.tiers.find((t) => t.kind === "GENTLE")!;
    const { cookie } = await ownerCookieFor(w.owner.email, w.owner.password);
    const post = (body: Record<string, string>) => invoke(reminders.action as never, buildRequest("http://localhost/app/reminders", { cookie, body: { kind: "form", entries: Object.entries(body) } }));

    const bad = await post({ intent: "tier-text", tierId: gentle.id, language: "fr", subject: "Rappel {{facture}}", body: "Bonjour {{customerName}}" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Unknown placeholder {{facture}}");
    const own = await post({ intent: "tier-text", tierId: gentle.id, language: "en", subject: "Hi", body: "Hello" });
    expect(own.status).toBe(400);
    expect(own.text).toContain("is your business’s language");
    const unknown = await post({ intent: "tier-text", tierId: gentle.id, language: "xx", subject: "Hi", body: "Hello" });
    expect(unknown.status).toBe(400);

    const ok = await post({ intent: "tier-text", tierId: gentle.id, language: "fr", subject: "Petit rappel : {{invoiceNumbers}}", body: "Bonjour {{customerName}},\n\nmerci de régler {{amount}}." });
    expect(ok.status).toBe(200);
    expect(await db.tierText.findMany({ where: { tierId: gentle.id } })).toMatchObject([{ language: "fr", subject: "Petit rappel : {{invoiceNumbers}}" }]);
    const logged = await db.activityEvent.findMany({ where: { businessId: w.business.id, type: "settings.tier_text_saved" } });
    expect(logged.map((e) => e.summary)).toEqual(["Wrote the Français (fr) text for Gentle reminder"]);

    const page = await invoke(reminders.loader as never, buildRequest("http://localhost/app/reminders", { cookie }));
    const data = JSON.parse(page.text) as { businessLanguage: string; tiers: { id: string; texts: Record<string, { subject: string }> }[] };
    expect(data.businessLanguage).toBe("en");
    expect(data.tiers.find((t) => t.id === gentle.id)?.texts).toEqual({ fr: { subject: "Petit rappel : {{invoiceNumbers}}", body: "Bonjour {{customerName}},\n\nmerci de régler {{amount}}." } });

    await removeTierText(w.business.id, w.owner.user.id, { tierId: gentle.id, language: "fr" });
    expect(await db.tierText.count({ where: { tierId: gentle.id } })).toBe(0);
  });
});
