// The languages of the customer side. Pure and safe for the browser: no catalog is imported here.
import { match } from "@formatjs/intl-localematcher";
import { z } from "zod";

export const LOCALES = ["en", "es", "fr", "de", "sv", "ru", "zh", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language named in itself, as a language switch shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  es: "Español",
  fr: "Français",
  de: "Deutsch",
  sv: "Svenska",
  ru: "Русский",
  zh: "简体中文",
  ar: "العربية",
};

export const localeSchema = z.enum(LOCALES, { message: `Choose one of the languages: ${LOCALES.join(", ")}` });

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The BCP 47 tag given to Intl (dates, numbers, money, plural rules): "zh" is Simplified Chinese. */
export function intlTag(locale: Locale): string {
  return locale === "zh" ? "zh-CN" : locale === "en" ? "en-US" : locale;
}

export function directionOf(locale: Locale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

/**
 * The best of our languages for a list of requested ones (most wanted first, as Accept-Language gives them),
 * or null when none fits: "sv-SE" → "sv", "zh-Hans-CN" → "zh", "zh-TW" (Traditional) → null, "ja" → null.
 */
export function bestLocale(requested: readonly string[], available: readonly Locale[] = LOCALES): Locale | null {
  const valid = requested.filter((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length > 0;
    } catch {
      return false;
    }
  });
  if (valid.length === 0) return null;
  const found = match(valid, available, "und");
  return isLocale(found) ? found : null;
}
