import { json, type HeadersFunction, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { commitOwnerSession, getOwner, safeRedirect, signIn } from "~/modules/auth/session.server";
import { isSetUp } from "~/modules/setup/setup.server";
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
  return json({ redirectTo, setUp: await isSetUp() });
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
  return redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": await commitOwnerSession(result.sessionId) } });
}

export default function Login() {
  const { redirectTo, setUp } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = actionData?.fieldErrors as Record<string, string[] | undefined> | undefined;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-teal-50 to-slate-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <img src="/favicon.svg" alt="" className="mx-auto h-10 w-10" />
          <h1 className="mt-4 text-2xl font-semibold tracking-tight">Sign in to Duely</h1>
          <p className="mt-1 text-sm text-slate-600">Invoices, payments and reminders for your business.</p>
        </div>
        {setUp ? null : (
          <p role="status" className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            Duely is not set up yet. Open the setup link the server printed when it first started, or run{" "}
            <code className="font-mono">npm run setup-link</code> on the server for a new one.
          </p>
        )}
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <Form method="post" className="space-y-4" noValidate>
            <input type="hidden" name="redirectTo" value={redirectTo} />
            {actionData?.formError ? (
              <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
                {actionData.formError}
              </p>
            ) : null}
            <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={actionData?.email} errors={errors?.email} />
            <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={errors?.password} />
            <Button type="submit" className="w-full" disabled={busy}>
              {busy ? "Signing in…" : "Sign in"}
            </Button>
          </Form>
        </div>
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
