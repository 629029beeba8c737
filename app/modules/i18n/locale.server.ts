// Which language a customer page speaks, and the data its loader hands to React.
import Negotiator from "negotiator";
import { createCookie } from "@remix-run/node";
import { getEnv } from "~/utils/env.server";
import { catalogOf, OFFERED_LOCALES } from "./catalogs.server";
import { EMAIL_LOCALES } from "./email-catalogs.server";
import type { I18nData } from "./formatter";
import { bestLocale, DEFAULT_LOCALE, directionOf, isLocale, type Locale } from "./locales";
import { translator } from "./translator.server";

/** The languages the browser asks for, most wanted first (Accept-Language with its q values). */
export function requestedLanguages(request: Request): string[] {
  const header = request.headers.get("accept-language");
  if (!header) return [];
  return new Negotiator({ headers: { "accept-language": header } }).languages().filter((tag) => tag !== "*");
}

/** A language among those offered (with a complete catalog), or null. */
function offered(value: unknown): Locale | null {
  return isLocale(value) && OFFERED_LOCALES.includes(value) ? value : null;
}

/** Remembers the language switch's choice in this browser, also before anyone signs in (the expired-link page). */
let languageCookie: ReturnType<typeof createCookie> | undefined;
export function getLanguageCookie() {
  const env = getEnv();
  languageCookie ??= createCookie("duely_language", {
    httpOnly: true,
    sameSite: "lax",
    secure: env.APP_ENV === "production" || env.APP_URL.startsWith("https://"),
    path: "/",
    maxAge: 365 * 86400,
  });
  return languageCookie;
}

export async function cookieLocale(request: Request): Promise<Locale | null> {
  const value: unknown = await getLanguageCookie().parse(request.headers.get("cookie"));
  return offered(value);
}

/**
 * The portal's language: the customer's own (set by the owner or by their switch), else this browser's
 * switch, else the browser's Accept-Language, else the business's language.
 */
export async function portalLocale(request: Request, customer: { language: string | null } | null, business: { language: string } | null): Promise<Locale> {
  return (
    offered(customer?.language) ??
    (await cookieLocale(request)) ??
    bestLocale(requestedLanguages(request), OFFERED_LOCALES) ??
    offered(business?.language) ??
    DEFAULT_LOCALE
  );
}

/** The language of what is written to a customer away from a page (emails, PDFs): theirs, else the business's. */
export function customerLocale(customer: { language: string | null }, business: { language: string }): Locale {
  return offered(customer.language) ?? offered(business.language) ?? DEFAULT_LOCALE;
}

/**
 * The language of an email to a customer: theirs when its email catalog is complete, else the business's when
 * that one is, else English. The email catalog is its own (EMAIL_LOCALES), so a language the portal offers may
 * still be one that emails are not written in yet (docs/decisions/032-email-languages.md).
 */
export function emailLocale(customer: { language: string | null }, business: { language: string }): Locale {
  const written = (value: unknown): Locale | null => (isLocale(value) && EMAIL_LOCALES.includes(value) ? value : null);
  return written(customer.language) ?? written(business.language) ?? DEFAULT_LOCALE;
}

/**
 * What a customer page's loader returns as `i18n`: its language and the messages of that one language
 * (only those under `prefixes` when given: owner pages need the shared components' words alone).
 */
const catalogTexts = new Map<string, string>();

export function i18nData(locale: Locale, prefixes?: readonly string[]): I18nData {
  const cacheKey = `${locale}:${prefixes?.join(",") ?? "*"}`;
  let messagesJson = catalogTexts.get(cacheKey);
  if (messagesJson === undefined) {
    const catalog: Record<string, string> = catalogOf(locale);
    const messages = prefixes ? Object.fromEntries(Object.entries(catalog).filter(([key]) => prefixes.some((p) => key.startsWith(p)))) : catalog;
    messagesJson = JSON.stringify(messages);
    catalogTexts.set(cacheKey, messagesJson);
  }
  return { locale, dir: directionOf(locale), messagesJson, offered: OFFERED_LOCALES };
}

export async function portalTranslation(request: Request, customer: { language: string | null } | null, business: { language: string } | null) {
  const locale = await portalLocale(request, customer, business);
  return { locale, i18n: i18nData(locale), t: translator(locale) };
}

/** What a portal download (a PDF) is written in: the language the portal page shows. */
export async function portalTranslator(request: Request, customer: { language: string | null }, business: { language: string }) {
  return translator(await portalLocale(request, customer, business));
}

/** What is written to a customer away from the portal (a PDF the owner downloads, an email): their language. */
export function customerTranslator(customer: { language: string | null }, business: { language: string }) {
  return translator(customerLocale(customer, business));
}
