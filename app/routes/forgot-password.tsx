// Asking for a password-reset link. The answer is the same whether the address has an account.
import { json, type ActionFunctionArgs, type HeadersFunction, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { AuthShell, FormAlert, FormCard } from "~/components/auth-shell";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { requestPasswordReset, ResetRequestForm, RESET_MINUTES } from "~/modules/auth/account.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Reset your password · Duely" }];

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(ResetRequestForm, await readForm(request));
  if (!parsed.ok) return json({ sent: false, fieldErrors: parsed.fieldErrors, formError: null, email: parsed.values.email ?? "" }, { status: 400 });
  const result = await requestPasswordReset(parsed.data.email, String((context as { ipAddress?: string }).ipAddress ?? "unknown"));
  if (result.limited) {
    const minutes = Math.ceil((result.retryAfterSeconds ?? 60) / 60);
    return json(
      { sent: false, fieldErrors: {}, formError: `Too many reset requests from this address or network. Try again in ${minutes} minute(s).`, email: parsed.data.email },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds ?? 60) } },
    );
  }
  return json({ sent: true, fieldErrors: {}, formError: null, email: parsed.data.email });
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = actionData?.fieldErrors as Record<string, string[] | undefined> | undefined;
  return (
    <AuthShell title="Reset your password" subtitle="We email you a link to choose a new one.">
        <FormCard>
          {actionData?.sent ? (
            <p role="status" className="text-sm text-slate-700">
              If an account uses <strong>{actionData.email}</strong>, we have emailed it a link to choose a new password. The link works once, for {RESET_MINUTES} minutes.
            </p>
          ) : (
            <Form method="post" className="space-y-4" noValidate>
              {actionData?.formError ? (
                <FormAlert className="">
                  {actionData.formError}
                </FormAlert>
              ) : null}
              <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={actionData?.email} errors={errors?.email} />
              <Button type="submit" className="w-full" disabled={busy}>
                {busy ? "Sending…" : "Email me a link"}
              </Button>
            </Form>
          )}
        </FormCard>
        <p className="mt-4 text-center text-sm">
          <Link to="/login" className="font-medium text-teal-700 hover:text-teal-800">
            Back to sign in
          </Link>
        </p>
    </AuthShell>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
