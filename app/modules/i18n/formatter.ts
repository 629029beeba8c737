// Formatting messages with FormatJS (ICU MessageFormat and the platform's Intl), for React and for the server.
import { createIntl, createIntlCache, type IntlShape } from "react-intl";
import { formatDate, formatInstant, type CalendarDate } from "~/modules/dates/calendar";
import { formatMoney } from "~/modules/money/money";
import { intlTag, type Locale } from "./locales";
import type { MessageKey } from "./messages/en";

/** What a customer page's loader returns as `i18n`: its language and that language's messages. */
export type I18nData = { locale: Locale; dir: "ltr" | "rtl"; messages: Record<string, string>; offered: Locale[] };

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

export function translatorOf(locale: Locale, messages: Record<string, string>): Translator {
  const intl = makeIntl(locale, messages);
  const tag = intlTag(locale);
  return {
    locale,
    tag,
    intl,
    t: (key, values) => intl.formatMessage({ id: key }, values as Record<string, string | number | Date>),
    money: (cents, currency) => formatMoney(cents, currency, tag),
    date: (day, style = "medium") => formatDate(day as CalendarDate, tag, style),
    instant: (at, timeZone) => formatInstant(typeof at === "string" ? new Date(at) : at, timeZone, tag),
  };
}
