// The team (issue 17): invitations by email with a role (single use, 7 days, revocable), role changes, and
// accepting an invitation. Every change is in the activity log under the user who made it. Only the
// invitation token's SHA-256 is stored; the link lives only in the email.
import { z } from "zod";
import { logActivity } from "~/modules/activity/activity.server";
import { hashPassword } from "~/modules/auth/password.server";
import { newPasswordFieldErrors, PASSWORD_MAX_LENGTH } from "~/modules/auth/password-policy";
import { ROLE_LABEL, ROLE_SUMMARY, ROLES, type Role } from "~/modules/auth/roles";
import { brandOf } from "~/modules/business/brand";
import { formatInstant } from "~/modules/dates/calendar";
import { enqueueEmail } from "~/modules/email/outbox.server";
import type { Business, User } from "~/generated/prisma/client";
import { now } from "~/utils/clock.server";
import { fieldErrorsOf } from "~/utils/forms";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { hashToken, newSecretToken } from "~/utils/secret-token.server";

export const INVITATION_DAYS = 7;

export class TeamError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export async function listTeam(businessId: string) {
  const [members, invitations] = await Promise.all([
    db.user.findMany({ where: { businessId }, orderBy: [{ createdAt: "asc" }], select: { id: true, name: true, email: true, role: true, createdAt: true, totpEnabledAt: true } }),
    db.invitation.findMany({ where: { businessId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now() } }, orderBy: { createdAt: "desc" } }),
  ]);
  return { members, invitations };
}

export const InviteForm = z.object({
  email: z
    .email({ message: "Enter the email address to invite, like sam@example.com." })
    .max(254, "Keep the email address under 254 characters.")
    .transform((v) => v.toLowerCase()),
  role: z.enum(ROLES, { message: "Choose a role: Owner, Collector or Viewer." }),
});

/** Sends an invitation; an earlier open invitation to the same address is revoked, so only the newest link works. */
export async function inviteMember(business: Business, inviter: User, input: z.infer<typeof InviteForm>) {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { businessId: true } });
  if (existing) {
    throw new TeamError("email", existing.businessId === business.id ? "That person is already on the team." : "That email address already has a Duely account with another business; invite another address.");
  }
  const token = newSecretToken();
  const expiresAt = new Date(now().getTime() + INVITATION_DAYS * 86400_000);
  return db.$transaction(async (tx) => {
    await tx.invitation.updateMany({ where: { businessId: business.id, email: input.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now() } });
    const invitation = await tx.invitation.create({
      data: { businessId: business.id, email: input.email, role: input.role, tokenHash: hashToken(token), invitedById: inviter.id, expiresAt, createdAt: now() },
    });
    await enqueueEmail(tx, {
      template: "team-invitation",
      to: input.email,
      businessId: business.id,
      dedupeKey: `team-invitation:${invitation.id}`,
      props: {
        brand: brandOf(business),
        inviterName: inviter.name,
        roleLabel: ROLE_LABEL[input.role],
        roleSummary: ROLE_SUMMARY[input.role],
        acceptUrl: `${getEnv().APP_URL}/invite?${new URLSearchParams({ token })}`,
        expiresText: formatInstant(expiresAt, business.timeZone),
      },
    });
    await logActivity(tx, {
      businessId: business.id,
      actor: "OWNER",
      actorUserId: inviter.id,
      type: "team.invited",
      summary: `${inviter.name} invited ${input.email} as ${ROLE_LABEL[input.role]}`,
      data: { invitationId: invitation.id, role: input.role },
    });
    return invitation;
  });
}

export async function revokeInvitation(businessId: string, actor: User, invitationId: string) {
  return db.$transaction(async (tx) => {
    const revoked = await tx.invitation.updateMany({ where: { id: invitationId, businessId, acceptedAt: null, revokedAt: null }, data: { revokedAt: now() } });
    if (revoked.count === 0) throw new TeamError("form", "That invitation was already accepted, revoked or is not this business's.");
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    await logActivity(tx, { businessId, actor: "OWNER", actorUserId: actor.id, type: "team.invitation_revoked", summary: `${actor.name} revoked the invitation to ${invitation.email}`, data: { invitationId } });
  });
}

/** A member's new role. The business always keeps at least one owner. */
export async function changeRole(businessId: string, actor: User, memberId: string, role: Role) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`team:${businessId}`}))`;
    const member = await tx.user.findFirst({ where: { id: memberId, businessId } });
    if (!member) throw new TeamError("form", "That person is not on this business's team.");
    if (member.role === role) return member;
    if (member.role === "OWNER" && (await tx.user.count({ where: { businessId, role: "OWNER" } })) === 1) {
      throw new TeamError("role", `${member.name} is the only owner. Make someone else an owner first.`);
    }
    const updated = await tx.user.update({ where: { id: member.id }, data: { role } });
    await logActivity(tx, {
      businessId,
      actor: "OWNER",
      actorUserId: actor.id,
      type: "team.role_changed",
      summary: `${actor.name} made ${member.name} ${ROLE_LABEL[role]} (was ${ROLE_LABEL[member.role]})`,
      data: { memberId, from: member.role, to: role },
    });
    return updated;
  });
}

export type InvitationState =
  | { state: "valid"; email: string; role: Role; businessName: string }
  | { state: "invalid" | "expired" | "used" | "revoked" };

export async function invitationState(token: string): Promise<InvitationState> {
  const row = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { business: { select: { name: true } } } });
  if (!row) return { state: "invalid" };
  if (row.acceptedAt) return { state: "used" };
  if (row.revokedAt) return { state: "revoked" };
  if (row.expiresAt.getTime() <= now().getTime()) return { state: "expired" };
  return { state: "valid", email: row.email, role: row.role, businessName: row.business.name };
}

export const AcceptForm = z.object({
  token: z.string().min(1, "The invitation link is incomplete: open the whole link from the email."),
  name: z.string().trim().min(2, "Enter your name as your team should see it.").max(100, "Keep your name under 100 characters."),
  password: z.string().max(PASSWORD_MAX_LENGTH + 1),
  passwordConfirm: z.string(),
});

/** Field errors for the accept form, the password judged against the invited address and the typed name. */
export function parseAcceptForm(values: Record<string, string>, email: string, businessName: string) {
  const result = AcceptForm.safeParse(values);
  const fieldErrors: Record<string, string[]> = result.success ? {} : fieldErrorsOf(result.error.issues);
  Object.assign(fieldErrors, newPasswordFieldErrors(values, { email, name: values.name, businessName }));
  if (!result.success || Object.keys(fieldErrors).length > 0) return { ok: false as const, fieldErrors };
  return { ok: true as const, data: result.data };
}

/** Spends the invitation and creates the member; a second use, even at the same moment, gets `used`. */
export async function acceptInvitation(input: z.infer<typeof AcceptForm>) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { tokenHash: hashToken(input.token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now() } },
      data: { acceptedAt: now() },
    });
    if (claimed.count === 0) return { ok: false as const, state: (await invitationState(input.token)).state };
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { tokenHash: hashToken(input.token) } });
    if (await tx.user.findUnique({ where: { email: invitation.email } })) throw new TeamError("form", "That email address already has a Duely account. Sign in instead.");
    const user = await tx.user.create({ data: { businessId: invitation.businessId, email: invitation.email, name: input.name, role: invitation.role, passwordHash } });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedUserId: user.id } });
    await logActivity(tx, {
      businessId: invitation.businessId,
      actor: "OWNER",
      actorUserId: user.id,
      type: "team.joined",
      summary: `${user.name} (${user.email}) joined the team as ${ROLE_LABEL[invitation.role]}`,
      data: { invitationId: invitation.id, role: invitation.role },
    });
    return { ok: true as const, userId: user.id };
  });
}
