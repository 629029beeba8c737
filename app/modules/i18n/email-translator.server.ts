// A translator for the emails a customer receives: the email catalog's messages, and money, dates and numbers
// in that language (the same Intl formatting as the portal's Translator).
import type { ReactNode } from "react";
import { emailCatalogOf } from "./email-catalogs.server";
import { formatText, translatorOf, type MessageValues, type Translator } from "./formatter";
import { directionOf, type Locale } from "./locales";
import type { EmailMessageKey } from "./messages/en-email";

export type EmailTranslator = Omit<Translator, "t"> & {
  dir: "ltr" | "rtl";
  t: (key: EmailMessageKey, values?: MessageValues) => string;
  /** A message with rich tags (<link>…</link>) rendered by the given functions. */
  rich: (key: EmailMessageKey, values: Record<string, MessageValues[string] | ((chunks: ReactNode[]) => ReactNode)>) => ReactNode;
};

const translators = new Map<Locale, EmailTranslator>();

export function emailTranslator(locale: Locale): EmailTranslator {
  let found = translators.get(locale);
  if (!found) {
    const messages = emailCatalogOf(locale);
    const base = translatorOf(locale, messages);
    const intl = base.intl;
    found = {
      ...base,
      dir: directionOf(locale),
      t: (key, values) => formatText(locale, messages, key, values),
      rich: (key, values) => intl.formatMessage({ id: key }, values as never) as ReactNode,
    };
    translators.set(locale, found);
  }
  return found;
}
