// A page's language data carries its catalog as one JSON text, made once per language, and parsed once per text.
import { describe, expect, it } from "vitest";
import { catalogOf } from "./catalogs.server";
import { messagesOf } from "./formatter";
import { i18nData } from "./locale.server";
import { LOCALES } from "./locales";

describe("i18nData", () => {
  it("carries every message of the language, as catalogOf has it", () => {
    for (const locale of LOCALES) expect(JSON.parse(i18nData(locale).messagesJson)).toEqual(catalogOf(locale));
  });

  it("makes the text once per language, and messagesOf parses it once", () => {
    const first = i18nData("de");
    const again = i18nData("de");
    expect(again.messagesJson).toBe(first.messagesJson);
    expect(messagesOf(again)).toBe(messagesOf(first));
    // A copy of the text (as the browser decodes it from the page) gives the same messages.
    expect(messagesOf({ ...first, messagesJson: (" " + first.messagesJson).slice(1) })).toEqual(catalogOf("de"));
    expect(i18nData("fr").messagesJson).not.toBe(first.messagesJson);
  });

  it("keeps only the asked prefixes when given some", () => {
    const keys = Object.keys(JSON.parse(i18nData("en", ["plan."]).messagesJson) as object);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith("plan."))).toBe(true);
  });
});
