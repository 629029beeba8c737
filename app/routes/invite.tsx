// Accepting a team invitation: the invited person picks their name and password and is signed in.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthShell, FormAlert, FormCard } from "~/components/auth-shell";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "~/modules/auth/password-policy";
import { ROLE_LABEL, ROLE_SUMMARY } from "~/modules/auth/roles";
import { commitOwnerSession, createSession, newSessionId } from "~/modules/auth/session.server";
import { acceptInvitation, invitationState, parseAcceptForm, TeamError } from "~/modules/team/team.server";
import { db } from "~/utils/db.server";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Join the team · Duely" }];

const PROBLEM = {
  invalid: "This invitation link is not valid. Ask the person who invited you to send a new one.",
  expired: "This invitation has expired (links work for 7 days). Ask the person who invited you to send a new one.",
  used: "This invitation has been accepted already. Sign in with the email address it was sent to.",
  revoked: "This invitation was withdrawn. Ask the person who invited you if you should have access.",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const found = token ? await invitationState(token) : ({ state: "invalid" } as const);
  if (found.state !== "valid") return json({ token: "", problem: PROBLEM[found.state], invitation: null });
  return json({ token, problem: null, invitation: { email: found.email, businessName: found.businessName, roleLabel: ROLE_LABEL[found.role], roleSummary: ROLE_SUMMARY[found.role] } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values: Record<string, string> = {};
  for (const [key, value] of (await readForm(request)).entries()) if (typeof value === "string") values[key] = value;
  const kept = { name: values.name ?? "" };
  const found = await invitationState(values.token ?? "");
  if (found.state !== "valid") return json({ fieldErrors: {} as Record<string, string[]>, formError: PROBLEM[found.state], values: kept }, { status: 400 });
  const parsed = parseAcceptForm(values, found.email, found.businessName);
  if (!parsed.ok) return json({ fieldErrors: parsed.fieldErrors, formError: null, values: kept }, { status: 400 });
  let accepted;
  try {
    accepted = await acceptInvitation(parsed.data);
  } catch (error) {
    if (error instanceof TeamError) return json({ fieldErrors: {} as Record<string, string[]>, formError: error.message, values: kept }, { status: 400 });
    throw error;
  }
  if (!accepted.ok) return json({ fieldErrors: {} as Record<string, string[]>, formError: PROBLEM[accepted.state === "valid" ? "invalid" : accepted.state], values: kept }, { status: 400 });
  const sessionId = newSessionId();
  await db.$transaction((tx) =>
    createSession(tx, { sessionId, userId: accepted.userId, ipAddress: String((context as { ipAddress?: string }).ipAddress ?? "unknown"), userAgent: request.headers.get("user-agent") ?? "" }),
  );
  return redirect("/app", { headers: { "Set-Cookie": await commitOwnerSession(sessionId) } });
}

export default function Invite() {
  const { token, problem, invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = (actionData?.fieldErrors ?? {}) as Record<string, string[] | undefined>;
  const formError = actionData?.formError ?? problem;
  return (
    <AuthShell title={invitation ? `Join ${invitation.businessName}` : "Join a team on Duely"} subtitle={invitation ? `As ${invitation.roleLabel}: ${invitation.roleSummary}` : undefined} width="md">
        {formError ? (
          <FormAlert>
            {formError}
          </FormAlert>
        ) : null}
        {invitation ? (
          <FormCard>
            <Form method="post" className="space-y-4" noValidate>
              <input type="hidden" name="token" value={token} />
              <Field label="Email" name="email" type="email" autoComplete="username" value={invitation.email} readOnly hint="The address the invitation was sent to; you sign in with it." />
              <Field label="Your name" name="name" autoComplete="name" required defaultValue={actionData?.values.name} errors={errors.name} />
              <Field label="Password" name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} errors={errors.password} hint={`At least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a strong one.`} />
              <Field label="Password again" name="passwordConfirm" type="password" autoComplete="new-password" required errors={errors.passwordConfirm} />
              <Button type="submit" className="w-full" disabled={busy}>
                {busy ? "Joining…" : "Join and sign in"}
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
