// First: configures zod for the CSP before any route module creates a schema.
import "~/utils/zod-in-browser";
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { I18nProvider, pageLang, usePageI18n } from "~/components/i18n";
import styles from "~/tailwind.css";
import { HYDRATION_GUARD, useLiftHydrationGuard } from "~/utils/hydration-guard";
import { useNonce } from "~/utils/nonce-provider";
import { usePageScripts } from "~/utils/page-scripts";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Duely" }];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  // The language of the deepest page that speaks to a customer (its loader's `i18n`); English elsewhere.
  const i18n = usePageI18n();
  const { lang, dir } = pageLang(i18n);
  // A page whose route says it works without JavaScript gets none (app/utils/page-scripts.ts).
  const scripts = usePageScripts();
  useLiftHydrationGuard();
  return (
    <html lang={lang} dir={dir} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* Keeps taps from React until it has hydrated the page (app/utils/hydration-guard.ts). */}
        {scripts ? <script nonce={nonce} dangerouslySetInnerHTML={{ __html: HYDRATION_GUARD }} /> : null}
      </head>
      <body className="min-h-full font-sans">
        <I18nProvider data={i18n}>{children}</I18nProvider>
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
