// The signed-in person's own account: change the password, see where they are signed in, end other sessions.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { changePassword, endSessions, listSessions } from "~/modules/auth/account.server";
import { PASSWORD_MIN_LENGTH } from "~/modules/auth/password-policy";
import { ROLE_LABEL } from "~/modules/auth/roles";
import { requireOwner } from "~/modules/auth/session.server";
import { formatInstant } from "~/modules/dates/calendar";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Your account · Duely" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, business, sessionId } = await requireOwner(request);
  const sessions = await listSessions(user.id, sessionId);
  return json({
    me: { name: user.name, email: user.email, role: ROLE_LABEL[user.role] },
    timeZone: business.timeZone,
    sessions,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  // Any role manages their own account; nothing here reaches another person's.
  const { user, sessionId } = await requireOwner(request);
  const values: Record<string, string> = {};
  for (const [key, value] of (await readForm(request)).entries()) if (typeof value === "string") values[key] = value;
  if (values.intent === "password") {
    const result = await changePassword(user.id, sessionId, values);
    if (!result.ok) return json({ form: "password", fieldErrors: result.fieldErrors, message: null }, { status: 400 });
    return json({ form: "password", fieldErrors: {}, message: `Password changed.${result.endedSessions ? ` ${result.endedSessions} other session(s) signed out.` : ""}` });
  }
  if (values.intent === "end-others") {
    const count = await endSessions(user.id, sessionId, "others");
    return json({ form: "sessions", fieldErrors: {}, message: `${count} other session(s) signed out.` });
  }
  if (values.intent === "end-session" && values.session) {
    const count = await endSessions(user.id, sessionId, { handle: values.session });
    if (!count) return json({ form: "sessions", fieldErrors: { form: ["That session is not one of yours, or it has ended already."] }, message: null }, { status: 400 });
    return json({ form: "sessions", fieldErrors: {}, message: "That session is signed out." });
  }
  return json({ form: "form", fieldErrors: { form: ["That action is not available."] }, message: null }, { status: 400 });
}

export default function Account() {
  const { me, sessions, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = (result?.form === "password" ? result.fieldErrors : {}) as Record<string, string[] | undefined>;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
        <p className="text-sm text-slate-500">
          {me.name} · {me.email} · {me.role}
        </p>
      </div>
      <Card className="p-5">
        <h2 className="text-base font-semibold">Change your password</h2>
        <Form method="post" className="mt-3 max-w-md space-y-4" noValidate>
          <input type="hidden" name="intent" value="password" />
          <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={errors.currentPassword} />
          <Field label="New password" name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} errors={errors.password} hint={`At least ${PASSWORD_MIN_LENGTH} characters. Your other sessions are signed out.`} />
          <Field label="New password again" name="passwordConfirm" type="password" autoComplete="new-password" required errors={errors.passwordConfirm} />
          <Button type="submit" disabled={busy}>
            Change password
          </Button>
          {result?.form === "password" && result.message ? (
            <p role="status" className="text-sm text-emerald-800">
              {result.message}
            </p>
          ) : null}
        </Form>
      </Card>
      <Card className="p-5">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-base font-semibold">Where you are signed in</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="end-others" />
            <Button type="submit" variant="secondary" disabled={busy || sessions.length < 2}>
              Sign out all other sessions
            </Button>
          </Form>
        </div>
        {result?.form === "sessions" && result.message ? (
          <p role="status" className="mt-2 text-sm text-emerald-800">
            {result.message}
          </p>
        ) : null}
        <ul className="mt-3 divide-y divide-slate-100">
          {sessions.map((s) => (
            <li key={s.handle} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
              <span>
                <span className="font-medium">{s.userAgent || "Unknown browser"}</span>
                <span className="block text-xs text-slate-500">
                  Signed in {formatInstant(new Date(s.createdAt), timeZone)} from {s.ipAddress ?? "an unknown address"}
                </span>
              </span>
              {s.current ? (
                <span className="rounded-full bg-teal-50 px-2.5 py-0.5 text-xs font-medium text-teal-800">This session</span>
              ) : (
                <Form method="post">
                  <input type="hidden" name="intent" value="end-session" />
                  <input type="hidden" name="session" value={s.handle} />
                  <Button type="submit" variant="secondary" disabled={busy}>
                    Sign out
                  </Button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
