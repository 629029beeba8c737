// A refusal as data (message key and values), safe for the browser: the page says it in its own language.
import type { CalendarDate } from "~/modules/dates/calendar";
import type { MessageValues, Translator } from "./formatter";
import type { MessageKey } from "./messages/en";

/** A value named in a refusal: days and money are written in the reader's language. */
export type ErrorValue =
  | string
  | number
  | { day: CalendarDate }
  | { cents: number; currency: string }
  | { list: string[] }
  | { region: string }
  | CatalogText;
/** A catalog message by key when the reader's catalog has it (a provider's code Duely knows), else the text as given. */
export type CatalogText = { message: string; text: string };

export type Refusal = { key: MessageKey; values: Record<string, ErrorValue> };

export function formatErrorValues(
  tr: Pick<Translator, "date" | "money" | "tag" | "intl">,
  values: Record<string, ErrorValue>,
): MessageValues {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value !== "object"
        ? value
        : "message" in value
          ? value.message in tr.intl.messages
            ? tr.intl.formatMessage({ id: value.message })
            : value.text
          : "day" in value
            ? tr.date(value.day, "long")
            : "list" in value
              ? new Intl.ListFormat(tr.tag, { type: "conjunction" }).format(
                  value.list,
                )
              : "region" in value
                ? (new Intl.DisplayNames(tr.tag, { type: "region" }).of(
                    value.region,
                  ) ?? value.region)
                : tr.money(value.cents, value.currency),
    ]),
  );
}

export function translateRefusal(tr: Translator, refusal: Refusal): string {
  return tr.t(refusal.key, formatErrorValues(tr, refusal.values));
}

/** A typed amount's refusal (MoneyError from parseMoney) in the reader's language. */
export function moneyErrorText(
  tr: Translator,
  error: { kind?: string; input?: string; currency?: string; message: string },
  example: string,
): string {
  const input = error.input ?? "";
  const currency = error.currency ?? "";
  switch (error.kind) {
    case "notAmount":
      return tr.t("money.notAmount", { input, example });
    case "noDecimals":
      return tr.t("money.noDecimals", { input, currency });
    case "tooManyDecimals":
      return tr.t("money.tooManyDecimals", {
        input,
        currency,
        digits: currency
          ? (new Intl.NumberFormat("en", {
              style: "currency",
              currency,
            }).resolvedOptions().maximumFractionDigits ?? 2)
          : 2,
      });
    case "tooLarge":
      return tr.t("money.tooLarge", { input });
    default:
      return error.message;
  }
}
