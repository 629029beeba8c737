// Every language's email catalog, and the languages emails can be written in (those with every email message).
import type { Locale } from "./locales";
import { arEmail } from "./messages/ar-email";
import { deEmail } from "./messages/de-email";
import { enEmail, type EmailCatalog, type EmailMessageKey } from "./messages/en-email";
import { esEmail } from "./messages/es-email";
import { frEmail } from "./messages/fr-email";
import { ruEmail } from "./messages/ru-email";
import { svEmail } from "./messages/sv-email";
import { zhEmail } from "./messages/zh-email";

/** As translated so far: a language's email parts are added one file at a time (messages/<locale>/email*.ts). */
export const EMAIL_CATALOGS: Record<Locale, Partial<EmailCatalog>> = { en: enEmail, es: esEmail, fr: frEmail, de: deEmail, sv: svEmail, ru: ruEmail, zh: zhEmail, ar: arEmail };

const ENGLISH_KEYS = Object.keys(enEmail) as EmailMessageKey[];

export function isEmailCatalogComplete(catalog: Partial<EmailCatalog>): catalog is EmailCatalog {
  return ENGLISH_KEYS.every((key) => typeof catalog[key] === "string" && catalog[key] !== "");
}

/** The languages an email can be written in: those whose email catalog has every message. */
export const EMAIL_LOCALES = (Object.keys(EMAIL_CATALOGS) as Locale[]).filter((l) => isEmailCatalogComplete(EMAIL_CATALOGS[l]));

/** A language's email messages (only a complete catalog is ever asked for: see emailLocale). */
export function emailCatalogOf(locale: Locale): EmailCatalog {
  const catalog = EMAIL_CATALOGS[locale];
  return isEmailCatalogComplete(catalog) ? catalog : { ...enEmail, ...catalog };
}
