import { json, type HeadersFunction, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { metaTitle, useT } from "~/components/i18n";
import { LanguageSwitch } from "~/components/language-switch";
import { i18nData, portalLocale } from "~/modules/i18n/locale.server";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { requestPortalLink } from "~/modules/portal-access/request-link.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = ({ matches }) => metaTitle(matches, "access.title");

const REASONS = { expired: "access.expired", revoked: "access.revoked", unknown: "access.unknown", session: "access.session" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const reason = new URL(request.url).searchParams.get("reason") ?? "session";
  // No customer is known here: the switch's choice, else the browser's languages.
  const locale = await portalLocale(request, null, null);
  return json({ heading: reason in REASONS ? REASONS[reason as keyof typeof REASONS] : REASONS.session, i18n: i18nData(locale) });
}

const RequestForm = z.object({ email: z.string().trim().max(254, "access.emailInvalid").email("access.emailInvalid") });

// A page answered with 429 keeps the action's Retry-After (Remix takes a page's headers from this export).
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(RequestForm, await readForm(request));
  if (!parsed.ok) return json({ sent: false, fieldErrors: parsed.fieldErrors, email: parsed.values.email ?? "", retryAfterMinutes: null }, { status: 400 });
  const result = await requestPortalLink(parsed.data.email, String((context as { ipAddress?: string }).ipAddress ?? "unknown"));
  if (result.limited) {
    return json(
      { sent: false, fieldErrors: {}, email: parsed.data.email, retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60) },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return json({ sent: true, fieldErrors: {}, email: parsed.data.email, retryAfterMinutes: null });
}

export default function Expired() {
  const { heading } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t, tx } = useT();
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4">
      <div className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <div className="mb-4 flex justify-end">
          <LanguageSwitch />
        </div>
        {data?.sent ? (
          <div role="status">
            <h1 className="text-xl font-semibold">{t("access.sentHeading")}</h1>
            <p className="mt-2 text-slate-600">{t("access.sentBody", { email: data.email })}</p>
          </div>
        ) : (
          <>
            <h1 className="text-xl font-semibold">{t(heading)}</h1>
            <p className="mt-2 text-slate-600">{t("access.intro")}</p>
            {data?.retryAfterMinutes ? (
              <p role="alert" className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
                {t("access.limited", { minutes: data.retryAfterMinutes })}
              </p>
            ) : null}
            <Form method="post" className="mt-5 space-y-4" noValidate>
              <Field label={t("access.email")} name="email" type="email" autoComplete="email" defaultValue={data?.email} errors={(data?.fieldErrors as Record<string, string[]> | undefined)?.email?.map(tx)} />
              <Button type="submit" className="w-full" disabled={busy}>
                {t(busy ? "access.sending" : "access.send")}
              </Button>
            </Form>
          </>
        )}
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
