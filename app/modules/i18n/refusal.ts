// A refusal as data (message key and values), safe for the browser: the page says it in its own language.
import type { CalendarDate } from "~/modules/dates/calendar";
import type { MessageValues, Translator } from "./formatter";
import type { MessageKey } from "./messages/en";

/** A value named in a refusal: days and money are written in the reader's language. */
export type ErrorValue = string | number | { day: CalendarDate } | { cents: number; currency: string } | { list: string[] } | { region: string };

export type Refusal = { key: MessageKey; values: Record<string, ErrorValue> };

export function formatErrorValues(tr: Pick<Translator, "date" | "money" | "tag">, values: Record<string, ErrorValue>): MessageValues {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value !== "object"
        ? value
        : "day" in value
          ? tr.date(value.day, "long")
          : "list" in value
            ? new Intl.ListFormat(tr.tag, { type: "conjunction" }).format(value.list)
            : "region" in value
              ? (new Intl.DisplayNames(tr.tag, { type: "region" }).of(value.region) ?? value.region)
              : tr.money(value.cents, value.currency),
    ]),
  );
}

export function translateRefusal(tr: Translator, refusal: Refusal): string {
  return tr.t(refusal.key, formatErrorValues(tr, refusal.values));
}

/** A typed amount's refusal (MoneyError from parseMoney) in the reader's language. */
export function moneyErrorText(tr: Translator, error: { kind?: string; input?: string; currency?: string; message: string }, example: string): string {
  const input = error.input ?? "";
  const currency = error.currency ?? "";
  switch (error.kind) {
    case "notAmount":
      return tr.t("money.notAmount", { input, example });
    case "noDecimals":
      return tr.t("money.noDecimals", { input, currency });
    case "tooManyDecimals":
      return tr.t("money.tooManyDecimals", { input, currency, digits: currency ? (new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2) : 2 });
    case "tooLarge":
      return tr.t("money.tooLarge", { input });
    default:
      return error.message;
  }
}
