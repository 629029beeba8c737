// Choosing a new password from the emailed link; every session of the account ends.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthShell, FormAlert, FormCard } from "~/components/auth-shell";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { resetPassword, resetTokenState, type ResetTokenState } from "~/modules/auth/account.server";
import { PASSWORD_MIN_LENGTH } from "~/modules/auth/password-policy";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Duely" }];

const PROBLEM: Record<Exclude<ResetTokenState, "valid">, string> = {
  invalid: "This reset link is not valid. Ask for a new one.",
  expired: "This reset link has expired (links work for 30 minutes). Ask for a new one.",
  used: "This reset link has been used already. Ask for a new one if you still need it.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const state = token ? await resetTokenState(token) : "invalid";
  return json({ token: state === "valid" ? token : "", problem: state === "valid" ? null : PROBLEM[state] });
}

export async function action({ request }: ActionFunctionArgs) {
  const values: Record<string, string> = {};
  for (const [key, value] of (await readForm(request)).entries()) if (typeof value === "string") values[key] = value;
  const result = await resetPassword(values.token ?? "", values);
  if (result.ok) return redirect("/login?reset=done");
  if (result.fieldErrors) return json({ fieldErrors: result.fieldErrors, formError: null }, { status: 400 });
  return json({ fieldErrors: {} as Record<string, string[]>, formError: PROBLEM[result.state === "valid" || !result.state ? "invalid" : result.state] }, { status: 400 });
}

export default function ResetPassword() {
  const { token, problem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = (actionData?.fieldErrors ?? {}) as Record<string, string[] | undefined>;
  const formError = actionData?.formError ?? problem;
  return (
    <AuthShell title="Choose a new password" subtitle="It signs you out everywhere; then sign in with the new one.">
        {formError ? (
          <FormAlert>
            {formError}{" "}
            <Link to="/forgot-password" className="font-medium underline">
              Ask for a new link
            </Link>
          </FormAlert>
        ) : null}
        {token ? (
          <FormCard>
            <Form method="post" className="space-y-4" noValidate>
              <input type="hidden" name="token" value={token} />
              <Field label="New password" name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} errors={errors.password} hint={`At least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a strong one.`} />
              <Field label="New password again" name="passwordConfirm" type="password" autoComplete="new-password" required errors={errors.passwordConfirm} />
              <Button type="submit" className="w-full" disabled={busy}>
                {busy ? "Saving…" : "Save the new password"}
              </Button>
            </Form>
          </FormCard>
        ) : null}
    </AuthShell>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
