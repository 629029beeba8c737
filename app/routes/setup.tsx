// First run: the one-time setup link creates the business and its first owner (app/modules/setup). Once a
// business exists this page answers 404, whatever the token.
import { currencyLabel } from "~/modules/money/money";
import { LOCALE_NAMES, LOCALES } from "~/modules/i18n/locales";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthShell, FormAlert } from "~/components/auth-shell";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "~/modules/auth/password-policy";
import { commitOwnerSession, createSession, newSessionId } from "~/modules/auth/session.server";
import { completeSetup, isSetUp, parseSetupForm, SETUP_CURRENCIES, setupTokenState, type SetupTokenState } from "~/modules/setup/setup.server";
import { db } from "~/utils/db.server";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Set up Duely" }];

const TOKEN_PROBLEM: Record<Exclude<SetupTokenState, "valid">, string> = {
  invalid: "This setup link is not valid (a newer one may have replaced it). Run `npm run setup-link` on the server for a new one.",
  expired: "This setup link has expired. Run `npm run setup-link` on the server for a new one.",
  used: "This setup link has been used already.",
};

async function notFoundOnceSetUp() {
  if (await isSetUp()) throw new Response("Not found", { status: 404 });
}

export async function loader({ request }: LoaderFunctionArgs) {
  await notFoundOnceSetUp();
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const state = token ? await setupTokenState(token) : "invalid";
  return json({
    token: state === "valid" ? token : "",
    tokenProblem: state === "valid" ? null : TOKEN_PROBLEM[state],
    timeZones: Intl.supportedValuesOf("timeZone"),
    currencies: SETUP_CURRENCIES,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await notFoundOnceSetUp();
  const form = await readForm(request);
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
  const { password: _p, passwordConfirm: _c, ...kept } = values;
  const parsed = parseSetupForm(values);
  if (!parsed.ok) return json({ fieldErrors: parsed.fieldErrors, formError: null, values: kept }, { status: 400 });

  const result = await completeSetup(parsed.data);
  if (!result.ok) {
    if (result.reason === "already-set-up") throw new Response("Not found", { status: 404 });
    return json({ fieldErrors: {}, formError: TOKEN_PROBLEM[result.reason], values: kept }, { status: 400 });
  }
  const sessionId = newSessionId();
  await db.$transaction((tx) =>
    createSession(tx, {
      sessionId,
      userId: result.userId,
      ipAddress: String((context as { ipAddress?: string }).ipAddress ?? "unknown"),
      userAgent: request.headers.get("user-agent") ?? "",
    }),
  );
  return redirect("/app", { headers: { "Set-Cookie": await commitOwnerSession(sessionId) } });
}

const selectClass =
  "mt-1.5 block w-full rounded-lg border-0 px-3 py-2.5 text-slate-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset focus:ring-teal-600 sm:text-sm";

export default function Setup() {
  const { token, tokenProblem, timeZones, currencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = (actionData?.fieldErrors ?? {}) as Record<string, string[] | undefined>;
  const v = (actionData?.values ?? {}) as Record<string, string | undefined>;
  const guessedZone = "America/New_York";
  const formError = actionData?.formError ?? tokenProblem;
  const errorOf = (name: string) =>
    errors[name]?.length ? (
      <p id={`${name}-error`} className="mt-1 text-sm text-rose-700">
        {errors[name]!.join(" ")}
      </p>
    ) : null;

  return (
    <AuthShell title="Set up Duely" subtitle="Your business, as customers will see it on invoices and emails, and your owner account." width="xl">
        {formError ? (
          <FormAlert>
            {formError}
          </FormAlert>
        ) : null}
        {token ? (
          <Form method="post" className="space-y-6" noValidate>
            <input type="hidden" name="token" value={token} />
            <fieldset className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
              <legend className="px-1 text-base font-semibold text-slate-900">Your business</legend>
              <Field label="Business name" name="businessName" autoComplete="organization" required defaultValue={v.businessName} errors={errors.businessName} />
              <div>
                <label htmlFor="address" className="block text-sm font-medium text-slate-700">
                  Address
                </label>
                <textarea
                  id="address"
                  name="address"
                  rows={3}
                  autoComplete="street-address"
                  defaultValue={v.address}
                  aria-invalid={errors.address ? true : undefined}
                  aria-describedby={errors.address ? "address-error" : "address-hint"}
                  className={`${selectClass} ${errors.address ? "ring-rose-400" : "ring-slate-300"}`}
                />
                {errors.address ? errorOf("address") : <p id="address-hint" className="mt-1 text-xs text-slate-500">Printed on invoices and receipts; one line per row.</p>}
              </div>
              <Field label="Contact email for customers" name="contactEmail" type="email" autoComplete="email" required defaultValue={v.contactEmail} errors={errors.contactEmail} hint="Replies to reminders and receipts go here." />
              <div className="grid gap-4 sm:grid-cols-2">
                <div>
                  <label htmlFor="timeZone" className="block text-sm font-medium text-slate-700">
                    Time zone
                  </label>
                  <select
                    id="timeZone"
                    name="timeZone"
                    defaultValue={v.timeZone ?? guessedZone}
                    aria-invalid={errors.timeZone ? true : undefined}
                    aria-describedby={errors.timeZone ? "timeZone-error" : undefined}
                    className={`${selectClass} ${errors.timeZone ? "ring-rose-400" : "ring-slate-300"}`}
                  >
                    {timeZones.map((tz) => (
                      <option key={tz} value={tz}>
                        {tz.replace(/_/g, " ")}
                      </option>
                    ))}
                  </select>
                  {errorOf("timeZone")}
                </div>
                <div>
                  <label htmlFor="currency" className="block text-sm font-medium text-slate-700">
                    Currency
                  </label>
                  <select
                    id="currency"
                    name="currency"
                    defaultValue={v.currency ?? "USD"}
                    aria-invalid={errors.currency ? true : undefined}
                    aria-describedby={errors.currency ? "currency-error" : undefined}
                    className={`${selectClass} ${errors.currency ? "ring-rose-400" : "ring-slate-300"}`}
                  >
                    {currencies.map((c) => (
                      <option key={c} value={c}>
                        {currencyLabel(c)}
                      </option>
                    ))}
                  </select>
                  {errorOf("currency")}
                </div>
                <div>
                  <label htmlFor="language" className="block text-sm font-medium text-slate-700">
                    Your customers’ language
                  </label>
                  <select
                    id="language"
                    name="language"
                    defaultValue={v.language ?? "en"}
                    aria-invalid={errors.language ? true : undefined}
                    aria-describedby={errors.language ? "language-error" : "language-hint"}
                    className={`${selectClass} ${errors.language ? "ring-rose-400" : "ring-slate-300"}`}
                  >
                    {LOCALES.map((l) => (
                      <option key={l} value={l} lang={l === "zh" ? "zh-CN" : l}>
                        {LOCALE_NAMES[l]}
                      </option>
                    ))}
                  </select>
                  {errors.language ? errorOf("language") : <p id="language-hint" className="mt-1 text-xs text-slate-500">Their portal, emails and PDFs, unless a customer has a language of their own.</p>}
                </div>
              </div>
            </fieldset>
            <fieldset className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
              <legend className="px-1 text-base font-semibold text-slate-900">Your owner account</legend>
              <Field label="Your name" name="ownerName" autoComplete="name" required defaultValue={v.ownerName} errors={errors.ownerName} />
              <Field label="Your email" name="ownerEmail" type="email" autoComplete="username" required defaultValue={v.ownerEmail} errors={errors.ownerEmail} hint="You sign in with it." />
              <Field
                label="Password"
                name="password"
                type="password"
                autoComplete="new-password"
                required
                minLength={PASSWORD_MIN_LENGTH}
                errors={errors.password}
                hint={`At least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a strong one.`}
              />
              <Field label="Password again" name="passwordConfirm" type="password" autoComplete="new-password" required errors={errors.passwordConfirm} />
            </fieldset>
            <Button type="submit" className="w-full" disabled={busy}>
              {busy ? "Setting up…" : "Create the business and sign in"}
            </Button>
          </Form>
        ) : null}
    </AuthShell>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
