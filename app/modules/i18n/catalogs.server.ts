// Every language's catalog. Server only: a page receives the one catalog it speaks in its loader data
// (i18nData), never all of them.
import type { Locale } from "./locales";
import { en, type Catalog } from "./messages/en";

export const CATALOGS: Partial<Record<Locale, Catalog>> = { en };

/** The languages a customer can choose: those with a complete catalog. */
export const OFFERED_LOCALES = (Object.keys(CATALOGS) as Locale[]).sort((a, b) => a.localeCompare(b));

export function catalogOf(locale: Locale): Catalog {
  return CATALOGS[locale] ?? en;
}
