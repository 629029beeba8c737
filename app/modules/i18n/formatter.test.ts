// formatText (the translators' t) parses each message once and keeps it; it must give exactly what FormatJS's
// intl.formatMessage gives, for every message of every language, portal and email, with values of each kind.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { catalogOf } from "./catalogs.server";
import { emailCatalogOf } from "./email-catalogs.server";
import { formatText, makeIntl, translatorOf, type MessageValues } from "./formatter";
import { LOCALES } from "./locales";

/** Values for a message's arguments: a count for plurals and numbers, each option of a select, text otherwise. */
function sampleValues(message: string, count: number): MessageValues[] {
  const values: MessageValues = {};
  const selects: { name: string; options: string[] }[] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) values[el.value] ??= `‹${el.value}›`;
      if (el.type === TYPE.number || el.type === TYPE.plural) values[el.value] = count;
      if (el.type === TYPE.date || el.type === TYPE.time) values[el.value] = new Date(Date.UTC(2026, 11, 7, 23, 30));
      if (el.type === TYPE.select) selects.push({ name: el.value, options: Object.keys(el.options) });
      if (el.type === TYPE.tag) walk(el.children);
      if (el.type === TYPE.select || el.type === TYPE.plural) for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  walk(parse(message));
  if (selects.length === 0) return [values];
  return selects.flatMap((s) => s.options.map((o) => ({ ...values, [s.name]: o === "other" ? "something-else" : o })));
}

const hasTags = (message: string) => /<[a-zA-Z]+>/.test(message);

describe("formatText", () => {
  for (const [name, catalogFor] of [["portal", catalogOf], ["email", emailCatalogOf]] as const) {
    it(`gives what intl.formatMessage gives for every ${name} message in every language`, () => {
      let compared = 0;
      for (const locale of LOCALES) {
        const messages = catalogFor(locale) as Record<string, string>;
        const intl = makeIntl(locale, messages);
        for (const [key, message] of Object.entries(messages)) {
          if (hasTags(message)) continue; // rich messages go through intl (they give React nodes)
          for (const count of [0, 1, 2, 5, 21, 1234.5]) {
            for (const values of sampleValues(message, count)) {
              expect(formatText(locale, messages, key, values), `${locale} ${key} ${JSON.stringify(values)}`).toBe(intl.formatMessage({ id: key }, values as Record<string, string | number | Date>));
              compared += 1;
            }
          }
        }
      }
      expect(compared).toBeGreaterThan(1000);
    });
  }

  it("throws on a message that is missing, saying which", () => {
    expect(() => formatText("de", { a: "A" }, "b")).toThrow(/MISSING_TRANSLATION.*"b".*de/);
    expect(() => translatorOf("en", {}).t("common.testMode" as never)).toThrow(/MISSING_TRANSLATION/);
  });

  it("throws on a value it cannot format, naming the message", () => {
    expect(() => formatText("en", { a: "{n, plural, one {# day} other {# days}}" }, "a", {})).toThrow(/FORMAT_ERROR.*"a"/);
  });

  it("keeps one parsed message per language and text: the same key with another text is formatted anew", () => {
    expect(formatText("en", { k: "Hello {name}" }, "k", { name: "Ada" })).toBe("Hello Ada");
    expect(formatText("en", { k: "Bye {name}" }, "k", { name: "Ada" })).toBe("Bye Ada");
    expect(formatText("fr", { k: "{n, number}" }, "k", { n: 1234.5 })).toBe(new Intl.NumberFormat("fr").format(1234.5));
  });
});
