// Plural rules as a reader sees them: each language's catalog says a count with the form its grammar needs. Russian
// has one/few/many (1 день, 2 дня, 5 дней, 21 день), Arabic six forms (0, 1, 2, 3–10, 11–99, 100…), Chinese one, and
// the numbers themselves are written the language's way.
import { describe, expect, it } from "vitest";
import { CATALOGS } from "./catalogs.server";
import { intlTag, LOCALES } from "./locales";
import { translator } from "./translator.server";

const overdue = (locale: (typeof LOCALES)[number], days: number) => translator(locale).t("status.overdueDays", { days });

describe("plural forms", () => {
  it("Russian: one for 1 and 21, few for 2–4 and 22, many for 5–20 and 11–14", () => {
    const forms = [1, 21, 2, 3, 22, 5, 11, 12, 14, 20, 100].map((n) => overdue("ru", n).replace(/\d+/g, "#"));
    const [one, one21, two, three, twentyTwo, five, eleven, twelve, fourteen, twenty, hundred] = forms;
    expect(one21).toBe(one);
    expect(new Set([two, three, twentyTwo]).size).toBe(1);
    expect(new Set([five, eleven, twelve, fourteen, twenty, hundred]).size).toBe(1);
    // Three different words: день, дня, дней.
    expect(new Set([one, two, five]).size).toBe(3);
  });

  it("Arabic: six forms, each count with its own", () => {
    const samples = { zero: 0, one: 1, two: 2, few: 3, many: 11, other: 100 };
    const rules = new Intl.PluralRules(intlTag("ar"));
    for (const [category, n] of Object.entries(samples)) expect(rules.select(n)).toBe(category);
    const forms = Object.values(samples).map((n) => overdue("ar", n).replace(/[\d٠-٩]+/g, "#"));
    expect(new Set(forms).size).toBeGreaterThanOrEqual(5);
    // 3 and 10 share a form, as do 11 and 99.
    expect(overdue("ar", 10).replace(/[\d٠-٩]+/g, "#")).toBe(forms[3]);
    expect(overdue("ar", 99).replace(/[\d٠-٩]+/g, "#")).toBe(forms[4]);
  });

  it("English, German, Swedish, Spanish and French: one for 1, another form for the rest", () => {
    for (const locale of ["en", "de", "sv", "es", "fr"] as const) {
      expect(overdue(locale, 1).replace(/\d+/g, "#"), locale).not.toBe(overdue(locale, 2).replace(/\d+/g, "#"));
      expect(overdue(locale, 2).replace(/\d+/g, "#"), locale).toBe(overdue(locale, 7).replace(/\d+/g, "#"));
    }
  });

  it("Chinese has a single form", () => {
    expect(overdue("zh", 1).replace(/\d+/g, "#")).toBe(overdue("zh", 5).replace(/\d+/g, "#"));
  });

  it("every catalog's count is written in its language's digits and grouping", () => {
    for (const locale of LOCALES) {
      const expected = new Intl.NumberFormat(intlTag(locale)).format(1234);
      expect(overdue(locale, 1234), locale).toContain(expected);
      expect(CATALOGS[locale]["status.overdueDays"], `${locale} has its own message`).toBeTruthy();
    }
  });
});
