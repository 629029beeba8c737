import { json, type HeadersFunction, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { AuthShell, FormAlert, FormCard } from "~/components/auth-shell";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { commitOwnerSession, getOwner, safeRedirect, signIn } from "~/modules/auth/session.server";
import { isSetUp } from "~/modules/setup/setup.server";
import { getCookies } from "~/utils/cookies.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Duely" }];

const SignInForm = z.object({
  email: z.string().trim().min(1, "Enter your email address.").email("Enter an email address like you@example.com."),
  password: z.string().min(1, "Enter your password."),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getOwner(request)) throw redirect(redirectTo);
  const params = new URL(request.url).searchParams;
  return json({ redirectTo, setUp: await isSetUp(), reset: params.get("reset") === "done", twoStepEnded: params.get("two-step") === "ended" });
}

// A page answered with 429 keeps the action's Retry-After (Remix takes a page's headers from this export).
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(SignInForm, await readForm(request));
  if (!parsed.ok) return json({ fieldErrors: parsed.fieldErrors, formError: null, email: parsed.values.email ?? "" }, { status: 400 });
  const result = await signIn({
    email: parsed.data.email,
    password: parsed.data.password,
    ipAddress: String((context as { ipAddress?: string }).ipAddress ?? "unknown"),
    userAgent: request.headers.get("user-agent") ?? "",
  });
  if (!result.ok) {
    return json(
      { fieldErrors: {}, formError: result.error, email: parsed.data.email },
      { status: result.retryAfterSeconds ? 429 : 400, headers: result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : {} },
    );
  }
  if (result.ok === "two-step") {
    return redirect(`/login/two-step?${new URLSearchParams({ redirectTo: safeRedirect(parsed.data.redirectTo) })}`, { headers: { "Set-Cookie": await getCookies().twoStep.serialize(result.challengeToken) } });
  }
  return redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": await commitOwnerSession(result.sessionId) } });
}

export default function Login() {
  const { redirectTo, setUp, reset, twoStepEnded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = actionData?.fieldErrors as Record<string, string[] | undefined> | undefined;
  return (
    <AuthShell title="Sign in to Duely" subtitle="Invoices, payments and reminders for your business.">
        {reset ? (
          <p role="status" className="mb-4 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-200">
            Your password is changed and every session has ended. Sign in with the new password.
          </p>
        ) : null}
        {twoStepEnded ? (
          <p role="status" className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            That sign-in ended (after 10 minutes or too many wrong codes). Sign in again with your password.
          </p>
        ) : null}
        {setUp ? null : (
          <p role="status" className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            Duely is not set up yet. Open the setup link the server printed when it first started, or run{" "}
            <code className="font-mono">npm run setup-link</code> on the server for a new one.
          </p>
        )}
        <FormCard>
          <Form method="post" className="space-y-4" noValidate>
            <input type="hidden" name="redirectTo" value={redirectTo} />
            {actionData?.formError ? (
              <FormAlert className="">
                {actionData.formError}
              </FormAlert>
            ) : null}
            <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={actionData?.email} errors={errors?.email} />
            <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={errors?.password} />
            <Button type="submit" className="w-full" disabled={busy}>
              {busy ? "Signing in…" : "Sign in"}
            </Button>
          </Form>
        </FormCard>
        <p className="mt-4 text-center text-sm">
          <Link to="/forgot-password" className="font-medium text-teal-700 hover:text-teal-800">
            Forgot your password?
          </Link>
        </p>
    </AuthShell>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
