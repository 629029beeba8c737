import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { translatorOf } from "~/modules/i18n/formatter";
import { errors } from "~/modules/i18n/messages/en/errors";
import { useOptionalT } from "./i18n";

const KNOWN = new Set([400, 403, 404, 429]);
// Pages without a catalog of their own (owner pages, sign-in) are in English.
let english: ReturnType<typeof translatorOf> | undefined;

/** Every route's error page: says what happened in words a customer understands, in the page's language. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useOptionalT() ?? (english ??= translatorOf("en", errors));
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = KNOWN.has(status) ? (status as 400 | 403 | 404 | 429) : 500;
  // A refusal by role says which role and what it cannot do (app/modules/auth/roles.ts).
  const refusal = status === 403 && isRouteErrorResponse(error) && typeof error.data === "string" && error.data.startsWith("Your role") ? error.data : null;
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-teal-700">{t("errors.status", { status })}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{t(`errors.${known}.title`)}</h1>
      <p className="mt-3 text-slate-600">{refusal ?? t(`errors.${known}.body`)}</p>
      <Link to="/" className="mt-6 text-sm font-medium text-teal-700 hover:text-teal-800">
        {t("errors.home")}
      </Link>
    </main>
  );
}
