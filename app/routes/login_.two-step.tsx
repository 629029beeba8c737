// The second step of signing in: a code from the authenticator app, or a recovery code.
import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthShell, FormAlert, FormCard } from "~/components/auth-shell";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { commitOwnerSession, openSession, safeRedirect } from "~/modules/auth/session.server";
import { answerChallenge, liveChallenge } from "~/modules/auth/two-step.server";
import { getCookies } from "~/utils/cookies.server";
import { db } from "~/utils/db.server";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Two-step sign-in · Duely" }];

async function challengeToken(request: Request) {
  const value = await getCookies().twoStep.parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

const ended = async () => redirect("/login?two-step=ended", { headers: { "Set-Cookie": await getCookies().twoStep.serialize("", { maxAge: 0 }) } });

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await challengeToken(request);
  if (!token || !(await liveChallenge(token))) throw await ended();
  return json({ redirectTo: safeRedirect(new URL(request.url).searchParams.get("redirectTo")) });
}

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const code = form.get("code");
  const redirectTo = safeRedirect(form.get("redirectTo"));
  const token = await challengeToken(request);
  if (!token) throw await ended();
  const result = await answerChallenge(token, typeof code === "string" ? code : "");
  if (!result.ok) {
    if (result.restart) throw await ended();
    return json({ error: result.error }, { status: result.retryAfterSeconds ? 429 : 400, headers: result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : {} });
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: result.userId }, include: { business: true } });
  const sessionId = await openSession({ user, ipAddress: result.ipAddress, userAgent: result.userAgent, method: result.method });
  const headers = new Headers();
  headers.append("Set-Cookie", await commitOwnerSession(sessionId));
  headers.append("Set-Cookie", await getCookies().twoStep.serialize("", { maxAge: 0 }));
  // Few recovery codes left: say so on the account page, where new ones are made.
  const to = result.recoveryCodesLeft !== null && result.recoveryCodesLeft <= 3 ? `/app/account?recovery-left=${result.recoveryCodesLeft}` : redirectTo;
  return redirect(to, { headers });
}

export default function TwoStep() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <AuthShell title="Two-step sign-in" subtitle="Your password is right. Now the code from your authenticator app.">
      <FormCard>
        <Form method="post" className="space-y-4" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          {actionData?.error ? <FormAlert className="">{actionData.error}</FormAlert> : null}
          <Field
            label="Authentication code"
            name="code"
            inputMode="text"
            autoComplete="one-time-code"
            autoFocus
            required
            maxLength={20}
            hint="The 6 digits your app shows for Duely. Lost your phone? Type one of your recovery codes instead."
          />
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? "Checking…" : "Sign in"}
          </Button>
        </Form>
      </FormCard>
      <p className="mt-4 text-center text-sm">
        <Link to="/login" className="font-medium text-teal-700 hover:text-teal-800">
          Start again with your password
        </Link>
      </p>
    </AuthShell>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
