// Every language has every message of the English catalog, with the same arguments and tags, and plurals that
// cover the categories of that language's plural rules (Russian has one/few/many/other, Arabic six forms).
import { describe, expect, it } from "vitest";
import { shapeOf } from "../../../test/support/message-shape";
import { CATALOGS, OFFERED_LOCALES } from "./catalogs.server";
import { intlTag, LOCALES, type Locale } from "./locales";
import { en } from "./messages/en";
import { translator } from "./translator.server";

const translated = Object.entries(CATALOGS).filter(([l]) => l !== "en") as [Locale, Record<string, string>][];

describe("message catalogs", () => {
  it("English messages parse as ICU, and none is empty", () => {
    for (const [key, message] of Object.entries(en)) {
      expect(message.trim(), key).not.toBe("");
      expect(() => shapeOf(message), key).not.toThrow();
    }
  });

  it.each(translated)("%s has exactly the English keys", (_locale, catalog) => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
  });

  it("offers every language of the list", () => {
    expect(OFFERED_LOCALES.slice().sort()).toEqual([...LOCALES].sort());
  });

  it.each(translated)("%s keeps each message's arguments and tags, and its plurals cover the language's forms", (locale, catalog) => {
    const categories = new Intl.PluralRules(intlTag(locale)).resolvedOptions().pluralCategories;
    for (const [key, source] of Object.entries(en)) {
      const message = catalog[key];
      if (message === undefined) continue; // a missing key fails "has exactly the English keys"
      expect(message.trim(), `${locale} ${key}`).not.toBe("");
      const want = shapeOf(source);
      const got = shapeOf(message);
      expect([...got.args].sort(), `${locale} ${key} arguments`).toEqual([...want.args].sort());
      expect([...got.tags].sort(), `${locale} ${key} tags`).toEqual([...want.tags].sort());
      for (const plural of got.plurals) {
        // `=0`-style exact cases are extra; every category of the language must have its own form.
        for (const category of categories) expect(plural.options, `${locale} ${key}: plural "${category}"`).toContain(category);
      }
    }
  });

  it.each(translated)("%s formats every message with sample values", (locale) => {
    const { t } = translator(locale);
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const shape = shapeOf(en[key]);
      const values = Object.fromEntries([...[...shape.args].map((a) => [a, 3]), ...[...shape.tags].map((tag) => [tag, (chunks: string[]) => chunks.join("")])]);
      expect(t(key, values as never), `${locale} ${key}`).not.toBe("");
    }
  });

  it("offers only languages of the list", () => {
    for (const locale of Object.keys(CATALOGS)) expect(LOCALES).toContain(locale);
  });
});
