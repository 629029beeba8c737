import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bestLocale, directionOf, intlTag, LOCALES } from "./locales";

describe("choosing a language", () => {
  it("matches what a browser asks for to the closest language we speak", () => {
    expect(bestLocale(["sv-SE", "en;q=0.5"])).toBe("sv");
    expect(bestLocale(["de-AT", "de"])).toBe("de");
    expect(bestLocale(["zh-Hans-CN"])).toBe("zh");
    expect(bestLocale(["pt-BR", "es-MX"])).toBe("es");
    expect(bestLocale(["en-GB", "fr"])).toBe("en");
  });

  it("gives nothing for languages we do not speak, so the business's language applies", () => {
    expect(bestLocale(["ja"])).toBeNull();
    expect(bestLocale([])).toBeNull();
    // Traditional Chinese is not Simplified Chinese.
    expect(bestLocale(["zh-TW"])).toBeNull();
    expect(bestLocale(["not a tag", "??"])).toBeNull();
  });

  it("only chooses among the languages offered", () => {
    expect(bestLocale(["sv-SE", "de"], ["en", "de"])).toBe("de");
    expect(bestLocale(["sv-SE"], ["en"])).toBeNull();
  });

  it("never fails on any header value", () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (tags) => {
        const found = bestLocale(tags);
        expect(found === null || LOCALES.includes(found)).toBe(true);
      }),
    );
  });

  it("lays Arabic out right to left, and formats Chinese as Simplified Chinese", () => {
    expect(LOCALES.filter((l) => directionOf(l) === "rtl")).toEqual(["ar"]);
    expect(intlTag("zh")).toBe("zh-CN");
    expect(new Intl.PluralRules(intlTag("ru")).select(3)).toBe("few");
    expect(new Intl.PluralRules(intlTag("ar")).select(2)).toBe("two");
  });
});
