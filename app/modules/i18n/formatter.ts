// Formatting messages with FormatJS (ICU MessageFormat and the platform's Intl), for React and for the server.
import { IntlMessageFormat } from "intl-messageformat";
import { createIntl, createIntlCache, type IntlShape } from "react-intl";
import { formatDate, formatInstant, type CalendarDate } from "~/modules/dates/calendar";
import { formatMoney } from "~/modules/money/money";
import { intlTag, type Locale } from "./locales";
import type { MessageKey } from "./messages/en";

/**
 * What a customer page's loader returns as `i18n`: its language and that language's messages. The messages travel
 * as one JSON text, made once per language: Remix encodes every page's loader data (turbo-stream) even for a page
 * sent without scripts, and one string costs it one escape where 517 messages cost it a thousand values.
 */
export type I18nData = { locale: Locale; dir: "ltr" | "rtl"; messagesJson: string; offered: Locale[] };

const parsedCatalogs = new Map<string, Record<string, string>>();

/** The messages of a page's i18n data, parsed once per text (the server hands every page the same string). */
export function messagesOf(data: I18nData): Record<string, string> {
  let found = parsedCatalogs.get(data.messagesJson);
  if (!found) {
    if (parsedCatalogs.size >= 32) parsedCatalogs.clear();
    found = JSON.parse(data.messagesJson) as Record<string, string>;
    parsedCatalogs.set(data.messagesJson, found);
  }
  return found;
}

export type MessageValue = string | number | Date | null | undefined;
export type MessageValues = Record<string, MessageValue>;

/** A message's text in one language, with the numbers, dates and money it names already in that language. */
export type Translator = {
  locale: Locale;
  /** The BCP 47 tag for Intl ("zh-CN" for "zh"). */
  tag: string;
  t: (key: MessageKey, values?: MessageValues) => string;
  money: (cents: number, currency: string) => string;
  date: (day: CalendarDate | string, style?: "long" | "medium") => string;
  instant: (at: Date | string, timeZone: string) => string;
  intl: IntlShape;
};

const cache = createIntlCache();

export function makeIntl(locale: Locale, messages: Record<string, string>): IntlShape {
  return createIntl(
    {
      locale: intlTag(locale),
      messages,
      // Days are calendar dates already in the business's time zone (docs/decisions/005-one-clock.md).
      timeZone: "UTC",
      onError: (error) => {
        throw error;
      },
    },
    cache,
  );
}

// Each message is parsed once per language and kept. FormatJS's formatMessage memoizes by JSON.stringify of its
// arguments (the message, every named format and the formatters) and merges the formats again on every call: on
// the portal page that was about a fifth of the server's CPU (docs/decisions/016-benchmarks.md). The messages are
// the catalogs' own strings, so the map holds at most one entry per message of each language.
const compiled = new Map<string, IntlMessageFormat>();
// The formats formatMessage would use: IntlMessageFormat's own, with dates and times in UTC (as makeIntl says).
const utcFormats = {
  date: Object.fromEntries(Object.entries(IntlMessageFormat.formats.date).map(([k, v]) => [k, { timeZone: "UTC", ...v }])),
  time: Object.fromEntries(Object.entries(IntlMessageFormat.formats.time).map(([k, v]) => [k, { timeZone: "UTC", ...v }])),
};

function compiledMessage(message: string, tag: string): IntlMessageFormat {
  const cacheKey = `${tag}\u0000${message}`;
  let found = compiled.get(cacheKey);
  if (!found) {
    found = new IntlMessageFormat(message, tag, utcFormats);
    compiled.set(cacheKey, found);
  }
  return found;
}

/** One message as text, as intl.formatMessage would give it; a missing message or a value it cannot format throws. */
export function formatText(locale: Locale, messages: Record<string, string>, key: string, values?: MessageValues): string {
  const message = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : undefined;
  if (!message) throw new Error(`[MISSING_TRANSLATION] No message "${key}" in ${locale}.`);
  try {
    const text = compiledMessage(message, intlTag(locale)).format(values as Record<string, string | number | Date>);
    return Array.isArray(text) ? text.join("") : String(text);
  } catch (error) {
    throw new Error(`[FORMAT_ERROR] The message "${key}" in ${locale} could not be formatted: ${(error as Error).message}`, { cause: error });
  }
}

export function translatorOf(locale: Locale, messages: Record<string, string>): Translator {
  const intl = makeIntl(locale, messages);
  const tag = intlTag(locale);
  return {
    locale,
    tag,
    intl,
    t: (key, values) => formatText(locale, messages, key, values),
    money: (cents, currency) => formatMoney(cents, currency, tag),
    date: (day, style = "medium") => formatDate(day as CalendarDate, tag, style),
    instant: (at, timeZone) => formatInstant(typeof at === "string" ? new Date(at) : at, timeZone, tag),
  };
}
