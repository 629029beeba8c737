// The portal's language switch: a plain form (works without JavaScript; with it, choosing submits at once).
import { Form, useLocation } from "@remix-run/react";
import { LOCALE_NAMES } from "~/modules/i18n/locales";
import { useNonce } from "~/utils/nonce-provider";
import { usePageScripts } from "~/utils/page-scripts";
import { useT } from "./i18n";

// On a page sent without the app's scripts (app/utils/page-scripts.ts), choosing still submits at once: this one line,
// inline with the response's CSP nonce, does what the select's onChange does on the other pages.
const SUBMIT_ON_CHANGE = `document.getElementById("language-switch").addEventListener("change",function(e){e.target.form.requestSubmit()})`;

export function LanguageSwitch({ tone = "plain" }: { tone?: "onBrand" | "plain" }) {
  const { t, locale, offered } = useT();
  const location = useLocation();
  const nonce = useNonce();
  const scripts = usePageScripts();
  if (offered.length < 2) return null;
  const select =
    tone === "onBrand"
      ? "rounded-md border-0 bg-white py-1 ps-2 pe-7 text-sm text-slate-900 ring-1 ring-inset ring-white/60 focus:ring-2 focus:ring-white"
      : "rounded-md border-slate-300 py-1 ps-2 pe-7 text-sm text-slate-800 focus:border-teal-600 focus:ring-teal-600";
  return (
    <Form method="post" action="/portal/language" className="flex items-center gap-2">
      <input type="hidden" name="back" value={`${location.pathname}${location.search}`} />
      <label htmlFor="language-switch" className="sr-only">
        {t("common.language")}
      </label>
      <select id="language-switch" name="language" defaultValue={locale} className={select} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
        {offered.map((l) => (
          <option key={l} value={l} lang={l === "zh" ? "zh-CN" : l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className={tone === "onBrand" ? "text-sm text-white underline" : "text-sm text-teal-800 underline"}>
          {t("common.languageChange")}
        </button>
      </noscript>
      {scripts ? null : <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SUBMIT_ON_CHANGE }} />}
    </Form>
  );
}
