// The team: who can sign in to this business, with which role; invitations by email. Owners only.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ROLE_LABEL, ROLE_SUMMARY, ROLES } from "~/modules/auth/roles";
import { requireUser } from "~/modules/auth/session.server";
import { formatInstant } from "~/modules/dates/calendar";
import { resetMemberTwoStep, setRequireTwoStep, TwoStepError } from "~/modules/auth/two-step.server";
import { changeRole, InviteForm, inviteMember, listTeam, revokeInvitation, TeamError } from "~/modules/team/team.server";
import { fieldErrorsOf } from "~/utils/forms";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Team · Duely" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { business, user } = await requireUser(request, "team");
  const team = await listTeam(business.id);
  return json({ ...team, me: user.id, timeZone: business.timeZone, requireTwoStep: business.requireTwoStep, myTwoStep: Boolean(user.totpEnabledAt) });
}

const TeamAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite"), email: z.string(), role: z.string() }),
  z.object({ intent: z.literal("revoke"), invitationId: z.string().min(1) }),
  z.object({ intent: z.literal("role"), memberId: z.string().min(1), role: z.enum(ROLES, { message: "Choose a role: Owner, Collector or Viewer." }) }),
  z.object({ intent: z.literal("require-two-step"), requireTwoStep: z.enum(["on", "off"], { message: "Choose whether two-step sign-in is required: on or off." }) }),
  z.object({ intent: z.literal("reset-two-step"), memberId: z.string().min(1) }),
]);

type Result = { form: string; message: string | null; fieldErrors: Record<string, string[]>; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const { business, user } = await requireUser(request, "team");
  const values = Object.fromEntries([...(await readForm(request)).entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  const reply = (status: number, r: Omit<Result, "values">) => json<Result>({ ...r, values }, { status });
  const parsed = TeamAction.safeParse(values);
  if (!parsed.success) return reply(400, { form: "form", message: null, fieldErrors: { form: [parsed.error.issues[0]?.message ?? "That action is not available."] } });
  try {
    if (parsed.data.intent === "invite") {
      const invite = InviteForm.safeParse(parsed.data);
      if (!invite.success) {
        return reply(400, { form: "invite", message: null, fieldErrors: fieldErrorsOf(invite.error.issues) });
      }
      await inviteMember(business, user, invite.data);
      return reply(200, { form: "invite", message: `Invitation emailed to ${invite.data.email} (${ROLE_LABEL[invite.data.role]}); the link works for 7 days.`, fieldErrors: {} });
    }
    if (parsed.data.intent === "require-two-step") {
      const on = parsed.data.requireTwoStep === "on";
      await setRequireTwoStep(business, user, on);
      return reply(200, { form: "two-step", message: on ? "Two-step sign-in is now required: anyone without it sets it up before they can open another page." : "Two-step sign-in is now optional for each person.", fieldErrors: {} });
    }
    if (parsed.data.intent === "reset-two-step") {
      const member = await resetMemberTwoStep(business.id, user, parsed.data.memberId);
      return reply(200, { form: `member:${member.id}`, message: `Two-step sign-in reset for ${member.name}; their sessions ended, and they set up a new authenticator on Your account.`, fieldErrors: {} });
    }
    if (parsed.data.intent === "revoke") {
      await revokeInvitation(business.id, user, parsed.data.invitationId);
      return reply(200, { form: "invitations", message: "Invitation revoked: its link no longer works.", fieldErrors: {} });
    }
    const member = await changeRole(business.id, user, parsed.data.memberId, parsed.data.role);
    return reply(200, { form: `member:${parsed.data.memberId}`, message: `${member.name} is now ${ROLE_LABEL[member.role]}.`, fieldErrors: {} });
  } catch (error) {
    if (error instanceof TwoStepError) {
      const form = parsed.data.intent === "reset-two-step" ? `member:${parsed.data.memberId}` : "two-step";
      return reply(400, { form, message: null, fieldErrors: { [error.field === "requireTwoStep" ? "form" : error.field]: [error.message] } });
    }
    if (error instanceof TeamError) {
      const form = parsed.data.intent === "invite" ? "invite" : parsed.data.intent === "role" ? `member:${parsed.data.memberId}` : "invitations";
      return reply(400, { form, message: null, fieldErrors: { [error.field]: [error.message] } });
    }
    throw error;
  }
}

const input = "mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600";

export default function Team() {
  const { members, invitations, me, timeZone, requireTwoStep, myTwoStep } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errorsFor = (form: string) => (result?.form === form ? result.fieldErrors : {});
  const messageFor = (form: string) => (result?.form === form ? result.message : null);
  const inviteErrors = errorsFor("invite");
  const keep = result?.form === "invite" && result.message === null ? result.values : {};
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Team</h1>
        <p className="text-sm text-slate-500">Everyone who signs in to this business. Each role is checked on the server for every page and action.</p>
      </div>

      <Card className="p-5">
        <h2 className="text-base font-semibold">Invite someone</h2>
        <Form method="post" className="mt-3 grid gap-4 sm:grid-cols-[1fr_14rem_auto] sm:items-start" noValidate>
          <input type="hidden" name="intent" value="invite" />
          <label className="text-sm font-medium text-slate-700">
            Email
            <input name="email" aria-label="Email" type="email" autoComplete="off" defaultValue={keep.email} aria-invalid={inviteErrors.email ? true : undefined} className={input} />
            {inviteErrors.email ? <span className="mt-1 block font-normal text-rose-700">{inviteErrors.email.join(" ")}</span> : null}
          </label>
          <label className="text-sm font-medium text-slate-700">
            Role
            <select name="role" aria-label="Role" defaultValue={keep.role ?? "COLLECTOR"} className={input}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r]}
                </option>
              ))}
            </select>
            {inviteErrors.role ? <span className="mt-1 block font-normal text-rose-700">{inviteErrors.role.join(" ")}</span> : null}
          </label>
          <Button type="submit" disabled={busy} className="sm:mt-6">
            Send invitation
          </Button>
        </Form>
        {messageFor("invite") ? (
          <p role="status" className="mt-3 text-sm text-emerald-800">
            {messageFor("invite")}
          </p>
        ) : null}
        <dl className="mt-4 grid gap-2 text-xs text-slate-600 sm:grid-cols-3">
          {ROLES.map((r) => (
            <div key={r}>
              <dt className="font-semibold text-slate-800">{ROLE_LABEL[r]}</dt>
              <dd>{ROLE_SUMMARY[r]}</dd>
            </div>
          ))}
        </dl>
      </Card>

      <Card className="overflow-hidden">
        <h2 className="px-5 pt-5 text-base font-semibold">Members</h2>
        <table className="mt-3 w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-5 py-2 font-medium">Name</th>
              <th className="px-5 py-2 font-medium">Email</th>
              <th className="px-5 py-2 font-medium">Role</th>
              <th className="px-5 py-2 font-medium">Two-step</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => {
              const errors = errorsFor(`member:${m.id}`);
              return (
                <tr key={m.id}>
                  <td className="px-5 py-3 font-medium">
                    {m.name}
                    {m.id === me ? <span className="ml-2 text-xs font-normal text-slate-500">(you)</span> : null}
                  </td>
                  <td className="px-5 py-3 text-slate-600">{m.email}</td>
                  <td className="px-5 py-3">
                    <Form method="post" className="flex flex-wrap items-center gap-2">
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="memberId" value={m.id} />
                      <label className="sr-only" htmlFor={`role-${m.id}`}>
                        Role of {m.name}
                      </label>
                      <select id={`role-${m.id}`} name="role" defaultValue={m.role} className="rounded-lg border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300">
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {ROLE_LABEL[r]}
                          </option>
                        ))}
                      </select>
                      <Button type="submit" variant="secondary" disabled={busy}>
                        Change role
                      </Button>
                    </Form>
                    {errors.role || errors.form ? <p className="mt-1 text-rose-700">{[...(errors.role ?? []), ...(errors.form ?? [])].join(" ")}</p> : null}
                    {messageFor(`member:${m.id}`) ? <p role="status" className="mt-1 text-emerald-800">{messageFor(`member:${m.id}`)}</p> : null}
                  </td>
                  <td className="px-5 py-3">
                    <div className="flex flex-wrap items-center gap-2">
                      {m.totpEnabledAt ? <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">On</span> : <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">Off</span>}
                      {m.totpEnabledAt && m.id !== me ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="reset-two-step" />
                          <input type="hidden" name="memberId" value={m.id} />
                          <button type="submit" className="text-xs font-medium text-teal-700 hover:text-teal-800" disabled={busy} aria-label={`Reset two-step sign-in for ${m.name}`}>
                            Reset
                          </button>
                        </Form>
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>

      <Card className="p-5">
        <h2 className="text-base font-semibold">Two-step sign-in for everyone</h2>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          {requireTwoStep
            ? "Required: every member signs in with a password and a code from an authenticator app. Anyone without it is asked to set it up before any other page opens."
            : "Optional: each person decides on Your account. Requiring it means a leaked password alone never opens your customers' data."}
        </p>
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="require-two-step" />
          <input type="hidden" name="requireTwoStep" value={requireTwoStep ? "off" : "on"} />
          <Button type="submit" variant={requireTwoStep ? "secondary" : "primary"} disabled={busy}>
            {requireTwoStep ? "Make it optional" : "Require two-step sign-in"}
          </Button>
          {!requireTwoStep && !myTwoStep ? <span className="ml-3 text-xs text-slate-500">Turn it on for your own account first.</span> : null}
        </Form>
        {messageFor("two-step") ? <p role="status" className="mt-2 text-sm text-emerald-800">{messageFor("two-step")}</p> : null}
        {errorsFor("two-step").form ? <p role="alert" className="mt-2 text-sm text-rose-700">{errorsFor("two-step").form?.join(" ")}</p> : null}
      </Card>

      <Card className="p-5">
        <h2 className="text-base font-semibold">Open invitations</h2>
        {messageFor("invitations") ? <p role="status" className="mt-2 text-sm text-emerald-800">{messageFor("invitations")}</p> : null}
        {errorsFor("invitations").form ? <p className="mt-2 text-sm text-rose-700">{errorsFor("invitations").form?.join(" ")}</p> : null}
        {invitations.length === 0 ? <p className="mt-2 text-sm text-slate-500">None.</p> : null}
        <ul className="mt-2 divide-y divide-slate-100">
          {invitations.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
              <span>
                <span className="font-medium">{i.email}</span> as {ROLE_LABEL[i.role]} · link works until {formatInstant(new Date(i.expiresAt), timeZone)}
              </span>
              <Form method="post">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="invitationId" value={i.id} />
                <Button type="submit" variant="secondary" disabled={busy}>
                  Revoke
                </Button>
              </Form>
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
