// Every email translation has only English email keys, with the same arguments and tags, plurals covering the
// language's forms, and formats with sample values; a language whose email parts are all here is offered for emails.
import { describe, expect, it } from "vitest";
import { shapeOf } from "../../../test/support/message-shape";
import { EMAIL_CATALOGS, EMAIL_LOCALES, isEmailCatalogComplete } from "./email-catalogs.server";
import { emailTranslator } from "./email-translator.server";
import { intlTag, type Locale } from "./locales";
import { enEmail, type EmailMessageKey } from "./messages/en-email";

const translations = (Object.entries(EMAIL_CATALOGS) as [Locale, Record<string, string>][]).filter(([l, c]) => l !== "en" && Object.keys(c).length > 0);
const cases = translations.length ? translations : [["en", enEmail] as [Locale, Record<string, string>]];

describe("email catalogs", () => {
  it("English email messages parse as ICU, none is empty, and none uses an ASCII apostrophe", () => {
    for (const [key, message] of Object.entries(enEmail)) {
      expect(message.trim(), key).not.toBe("");
      expect(() => shapeOf(message), key).not.toThrow();
      expect(message, key).not.toContain("'");
    }
  });

  it("English is always an email language, and only complete catalogs are", () => {
    expect(EMAIL_LOCALES).toContain("en");
    for (const locale of EMAIL_LOCALES) expect(isEmailCatalogComplete(EMAIL_CATALOGS[locale]), locale).toBe(true);
  });

  it.each(cases)("%s has only English email keys (all of them once complete)", (locale, catalog) => {
    const english = Object.keys(enEmail);
    for (const key of Object.keys(catalog)) expect(english, `${locale} ${key}`).toContain(key);
    if (EMAIL_LOCALES.includes(locale)) expect(Object.keys(catalog).sort()).toEqual(english.sort());
  });

  it.each(cases)("%s keeps each email message’s arguments and tags, and its plurals cover the language’s forms", (locale, catalog) => {
    const categories = new Intl.PluralRules(intlTag(locale)).resolvedOptions().pluralCategories;
    for (const [key, source] of Object.entries(enEmail)) {
      const message = catalog[key];
      if (message === undefined) continue;
      expect(message.trim(), `${locale} ${key}`).not.toBe("");
      const want = shapeOf(source);
      const got = shapeOf(message);
      expect([...got.args].sort(), `${locale} ${key} arguments`).toEqual([...want.args].sort());
      expect([...got.tags].sort(), `${locale} ${key} tags`).toEqual([...want.tags].sort());
      for (const plural of got.plurals) for (const category of categories) expect(plural.options, `${locale} ${key}: plural "${category}"`).toContain(category);
    }
  });

  it.each(cases)("%s formats every email message with sample values", (locale) => {
    const { t } = emailTranslator(locale);
    for (const key of Object.keys(enEmail) as EmailMessageKey[]) {
      const shape = shapeOf(enEmail[key]);
      const values = Object.fromEntries([...[...shape.args].map((a) => [a, 3]), ...[...shape.tags].map((tag) => [tag, (chunks: string[]) => chunks.join("")])]);
      expect(t(key, values as never), `${locale} ${key}`).not.toBe("");
    }
  });
});
