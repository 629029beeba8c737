// The page's language for React: the loader of the route that speaks to a customer returns `i18n`
// (app/modules/i18n/locale.server.ts i18nData), and the root provides it to every component below.
import { useMatches } from "@remix-run/react";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { RawIntlProvider } from "react-intl";
import { messagesOf, translatorOf, type I18nData, type MessageValue, type Translator } from "~/modules/i18n/formatter";
import { DEFAULT_LOCALE, directionOf, type Locale } from "~/modules/i18n/locales";
import type { MessageKey } from "~/modules/i18n/messages/en";

export type { I18nData };

type RichValues = Record<string, MessageValue | ReactNode | ((chunks: ReactNode[]) => ReactNode)>;
export type PageTranslator = Translator & {
  /** A message with markup: `<link>…</link>` in the message is given as `{ link: (chunks) => <a>{chunks}</a> }`. */
  rich: (key: MessageKey, values: RichValues) => ReactNode;
  dir: "ltr" | "rtl";
  offered: Locale[];
  /** An error that may be a message key (zod messages and domain errors of customer forms are keys): its text. */
  tx: (keyOrText: string) => string;
};

const Context = createContext<PageTranslator | null>(null);

/** The deepest route's language data, or null on pages that do not speak to a customer (owner pages). */
export function usePageI18n(): I18nData | null {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const data = matches[i]?.data as { i18n?: I18nData } | undefined;
    if (data && typeof data === "object" && data.i18n) return data.i18n;
  }
  return null;
}

export function I18nProvider({ data, children }: { data: I18nData | null; children: ReactNode }) {
  const value = useMemo<PageTranslator | null>(() => {
    if (!data) return null;
    const messages = messagesOf(data);
    const base = translatorOf(data.locale, messages);
    return {
      ...base,
      dir: data.dir,
      offered: data.offered,
      rich: (key, values) => base.intl.formatMessage({ id: key }, values as never) as ReactNode,
      tx: (keyOrText) => (keyOrText in messages ? base.t(keyOrText as MessageKey) : keyOrText),
    };
  }, [data]);
  if (!value) return <>{children}</>;
  return (
    <Context.Provider value={value}>
      <RawIntlProvider value={value.intl}>{children}</RawIntlProvider>
    </Context.Provider>
  );
}

/** The page's translator. Only on customer pages: their loaders return `i18n`. */
export function useT(): PageTranslator {
  const value = useContext(Context);
  if (!value) throw new Error("useT() on a page whose loader returns no i18n data (see app/modules/i18n/locale.server.ts)");
  return value;
}

/** The translator when there is one (shared components also used on owner pages, which are in English). */
export function useOptionalT(): PageTranslator | null {
  return useContext(Context);
}

export function pageLang(data: I18nData | null): { lang: string; dir: "ltr" | "rtl" } {
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return { lang: locale === "zh" ? "zh-CN" : locale, dir: directionOf(locale) };
}

/** A page's `<title>` in its language, for `meta` functions (they run outside React): `[{ title }]`. */
export function metaTitle(matches: readonly { data?: unknown }[], key: MessageKey, values?: Record<string, string | number>): { title: string }[] {
  for (let i = matches.length - 1; i >= 0; i--) {
    const data = matches[i]?.data as { i18n?: I18nData } | undefined;
    if (data && typeof data === "object" && data.i18n) return [{ title: translatorOf(data.i18n.locale, messagesOf(data.i18n)).t(key, values) }];
  }
  // No loader ran (the action refused the request, e.g. a form with a null character): the error page's plain
  // title. Formatting the key without its catalog threw and turned that 400 into a 500 (issue 20, outside scanners).
  return [{ title: "Duely" }];
}
