// A translator for server code that writes text for a customer: emails, PDFs, plan terms stored as accepted.
import { catalogOf } from "./catalogs.server";
import { translatorOf, type Translator } from "./formatter";
import type { Locale } from "./locales";

const translators = new Map<Locale, Translator>();

export function translator(locale: Locale): Translator {
  let found = translators.get(locale);
  if (!found) {
    found = translatorOf(locale, catalogOf(locale));
    translators.set(locale, found);
  }
  return found;
}
