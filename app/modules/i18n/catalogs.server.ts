// Every language's catalog. Server only: a page receives the one catalog it speaks in its loader data
// (i18nData), never all of them.
import type { Locale } from "./locales";
import { ar } from "./messages/ar";
import { de } from "./messages/de";
import { en, type Catalog, type MessageKey } from "./messages/en";
import { es } from "./messages/es";
import { fr } from "./messages/fr";
import { ru } from "./messages/ru";
import { sv } from "./messages/sv";
import { zh } from "./messages/zh";

/** As translated so far: a language's parts are added one file at a time (messages/<locale>/*.ts). */
export const CATALOGS: Record<Locale, Partial<Catalog>> = { en, es, fr, de, sv, ru, zh, ar };

const ENGLISH_KEYS = Object.keys(en) as MessageKey[];

export function isComplete(catalog: Partial<Catalog>): catalog is Catalog {
  return ENGLISH_KEYS.every((key) => typeof catalog[key] === "string" && catalog[key] !== "");
}

/** The languages a customer can choose: those with every message translated. */
export const OFFERED_LOCALES = (Object.keys(CATALOGS) as Locale[]).filter((l) => isComplete(CATALOGS[l]));

/** A language's messages; any message not yet translated is the English one (never a key shown as text). */
export function catalogOf(locale: Locale): Catalog {
  const catalog = CATALOGS[locale];
  return isComplete(catalog) ? catalog : { ...en, ...catalog };
}
