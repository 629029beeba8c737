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
import { RECOVERY_CODE_COUNT, groupSecret } from "~/modules/auth/two-step";
import { confirmEnrolment, disableTwoStep, pendingEnrolment, regenerateRecoveryCodes, startEnrolment, twoStepStatus, TwoStepError } from "~/modules/auth/two-step.server";
import { formatInstant } from "~/modules/dates/calendar";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Your account · Duely" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, business, sessionId } = await requireOwner(request);
  const sessions = await listSessions(user.id, sessionId);
  const params = new URL(request.url).searchParams;
  const status = await twoStepStatus(user.id);
  const pending = status.enabledAt ? null : await pendingEnrolment(user, business.name);
  return json({
    me: { name: user.name, email: user.email, role: ROLE_LABEL[user.role] },
    timeZone: business.timeZone,
    sessions,
    twoStep: {
      enabledAt: status.enabledAt?.toISOString() ?? null,
      recoveryCodesLeft: status.recoveryCodesLeft,
      requiredByBusiness: business.requireTwoStep,
      pending: pending ? { qrDataUrl: pending.qrDataUrl, secret: groupSecret(pending.secret) } : null,
      askedToSetUp: params.get("two-step") === "required" && !status.enabledAt,
      recoveryLeftWarning: params.has("recovery-left") && status.enabledAt ? status.recoveryCodesLeft : null,
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  // Any role manages their own account; nothing here reaches another person's.
  const { user, business, sessionId } = await requireOwner(request);
  const values: Record<string, string> = {};
  for (const [key, value] of (await readForm(request)).entries()) if (typeof value === "string") values[key] = value;
  if (values.intent === "password") {
    const result = await changePassword(user.id, sessionId, values);
    if (!result.ok) return json({ form: "password", fieldErrors: result.fieldErrors, message: null }, { status: 400 });
    return json({ form: "password", fieldErrors: {}, message: `Password changed.${result.endedSessions ? ` ${result.endedSessions} other session(s) signed out.` : ""}` });
  }
  if (values.intent?.startsWith("two-step-")) {
    try {
      if (values.intent === "two-step-start") {
        await startEnrolment(user, business.name, { fresh: true });
        return json({ form: "two-step", fieldErrors: {}, message: null });
      }
      if (values.intent === "two-step-confirm") {
        const recoveryCodes = await confirmEnrolment(user, values.code ?? "");
        return json({ form: "two-step", fieldErrors: {}, message: "Two-step sign-in is on. From now on, signing in asks for a code from your app.", recoveryCodes });
      }
      if (values.intent === "two-step-codes") {
        const recoveryCodes = await regenerateRecoveryCodes(user, values.code ?? "");
        return json({ form: "two-step", fieldErrors: {}, message: "New recovery codes made; the old ones no longer work.", recoveryCodes });
      }
      if (values.intent === "two-step-disable") {
        await disableTwoStep(user, values.password ?? "");
        return json({ form: "two-step", fieldErrors: {}, message: "Two-step sign-in is off. Signing in asks for your password only." });
      }
    } catch (error) {
      if (error instanceof TwoStepError) return json({ form: `two-step:${values.intent}`, fieldErrors: { [error.field]: [error.message] }, message: null }, { status: 400 });
      throw error;
    }
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
  const { me, sessions, timeZone, twoStep } = useLoaderData<typeof loader>();
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
      {twoStep.askedToSetUp ? (
        <p role="alert" className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          Your business requires two-step sign-in for everyone. Set it up below; the rest of Duely opens as soon as it is on.
        </p>
      ) : null}
      {twoStep.recoveryLeftWarning !== null ? (
        <p role="alert" className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          You signed in with a recovery code and {twoStep.recoveryLeftWarning} are left. Make new ones below while you still can.
        </p>
      ) : null}
      <TwoStepCard twoStep={twoStep} timeZone={timeZone} result={result} busy={busy} />
      <Card className="p-5">
        <h2 className="text-base font-semibold">Change your password</h2>
        {/* A new key after a change clears the three password fields. */}
        <Form key={result?.form === "password" && result.message ? result.message : "password"} method="post" className="mt-3 max-w-md space-y-4" noValidate>
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

type TwoStepView = { enabledAt: string | null; recoveryCodesLeft: number; requiredByBusiness: boolean; pending: { qrDataUrl: string; secret: string } | null };
type AccountResult = { form: string; fieldErrors: Record<string, string[] | undefined>; message: string | null; recoveryCodes?: string[] } | undefined;

function TwoStepCard({ twoStep, timeZone, result, busy }: { twoStep: TwoStepView; timeZone: string; result: AccountResult; busy: boolean }) {
  const errorsOf = (intent: string) => (result?.form === `two-step:${intent}` ? result.fieldErrors : {}) as Record<string, string[] | undefined>;
  const message = result?.form === "two-step" ? result.message : null;
  const codes = result?.form === "two-step" ? result.recoveryCodes : undefined;
  const startErrors = errorsOf("two-step-start");
  const confirmErrors = errorsOf("two-step-confirm");
  const codesErrors = errorsOf("two-step-codes");
  const disableErrors = errorsOf("two-step-disable");
  const formError = [startErrors, confirmErrors, codesErrors, disableErrors].flatMap((e) => e.form ?? []);
  return (
    <Card className="p-5">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-base font-semibold">Two-step sign-in</h2>
        {twoStep.enabledAt ? (
          <span className="rounded-full bg-emerald-50 px-2.5 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-inset ring-emerald-200">On</span>
        ) : (
          <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700">Off</span>
        )}
        {twoStep.requiredByBusiness ? <span className="text-xs text-slate-500">Required by your business</span> : null}
      </div>
      {message ? (
        <p role="status" className="mt-2 text-sm text-emerald-800">
          {message}
        </p>
      ) : null}
      {formError.length ? (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {formError.join(" ")}
        </p>
      ) : null}
      {codes ? (
        <div className="mt-4 rounded-xl bg-amber-50 p-4 ring-1 ring-inset ring-amber-200">
          <h3 className="text-sm font-semibold text-amber-950">Your recovery codes</h3>
          <p className="mt-1 text-sm text-amber-900">Save them somewhere safe now: this is the only time they are shown. Each one signs you in once if you lose your phone.</p>
          <ul aria-label="Recovery codes" className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm text-slate-900 sm:grid-cols-5">
            {codes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <a download="duely-recovery-codes.txt" href={`data:text/plain;charset=utf-8,${encodeURIComponent(`Duely recovery codes\n\n${codes.join("\n")}\n`)}`} className="mt-3 inline-block text-sm font-medium text-teal-700 hover:text-teal-800">
            Download as a text file
          </a>
        </div>
      ) : null}
      {twoStep.enabledAt ? (
        <>
          <p className="mt-2 text-sm text-slate-600">
            On since {formatInstant(new Date(twoStep.enabledAt), timeZone)}. {twoStep.recoveryCodesLeft} of {RECOVERY_CODE_COUNT} recovery codes left.
          </p>
          <div className="mt-4 grid gap-6 md:grid-cols-2">
            <Form method="post" className="space-y-3" noValidate>
              <input type="hidden" name="intent" value="two-step-codes" />
              <Field label="Code from your app" name="code" autoComplete="one-time-code" inputMode="numeric" maxLength={20} errors={codesErrors.code} hint="New recovery codes replace the old ones." />
              <Button type="submit" variant="secondary" disabled={busy}>
                Make new recovery codes
              </Button>
            </Form>
            {twoStep.requiredByBusiness ? (
              <p className="text-sm text-slate-600">Your business requires two-step sign-in, so it stays on. If you move to a new phone, an owner can reset it from the Team page.</p>
            ) : (
              <Form method="post" className="space-y-3" noValidate>
                <input type="hidden" name="intent" value="two-step-disable" />
                <Field label="Your password" name="password" type="password" autoComplete="current-password" errors={disableErrors.password} hint="Turning it off makes your password the only thing between a stranger and your account." />
                <Button type="submit" variant="secondary" disabled={busy}>
                  Turn off two-step sign-in
                </Button>
              </Form>
            )}
          </div>
        </>
      ) : twoStep.pending ? (
        <div className="mt-4 grid gap-6 md:grid-cols-[auto_1fr]">
          <div>
            <img src={twoStep.pending.qrDataUrl} alt="QR code for your authenticator app" width={176} height={176} className="h-44 w-44 rounded-lg bg-white ring-1 ring-slate-200" />
          </div>
          <div className="space-y-3 text-sm">
            <p>
              <span className="font-medium">1.</span> Scan the QR code with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, Authy…).
            </p>
            <p>
              No camera? Type this key in the app instead: <code className="break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-900" data-testid="totp-secret">{twoStep.pending.secret}</code>
            </p>
            <Form method="post" className="max-w-xs space-y-3" noValidate>
              <input type="hidden" name="intent" value="two-step-confirm" />
              <Field label="2. The 6-digit code the app shows" name="code" autoComplete="one-time-code" inputMode="numeric" maxLength={20} errors={confirmErrors.code} />
              <Button type="submit" disabled={busy}>
                Turn on two-step sign-in
              </Button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="two-step-start" />
              <button type="submit" className="text-sm font-medium text-teal-700 hover:text-teal-800" disabled={busy}>
                Start over with a new key
              </button>
            </Form>
          </div>
        </div>
      ) : (
        <>
          <p className="mt-2 max-w-2xl text-sm text-slate-600">
            With two-step sign-in, a stolen password alone cannot open your account: signing in also asks for a code from an app on your phone.
          </p>
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="two-step-start" />
            <Button type="submit" disabled={busy}>
              Set up two-step sign-in
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
