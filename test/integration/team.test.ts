// Team invitations and roles (issue 17): token expiry, reuse, tampering and revocation; the last owner.
import { describe, expect, it } from "vitest";
import { action as acceptAction, loader as acceptLoader } from "../../app/routes/invite";
import { acceptInvitation, changeRole, invitationState, inviteMember, revokeInvitation, TeamError } from "../../app/modules/team/team.server";
import { setClockOffset } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createOwner } from "../fixtures/factories";

async function inviteAndReadLink(role: "OWNER" | "COLLECTOR" | "VIEWER" = "COLLECTOR") {
  const business = await createBusiness();
  const { user: owner } = await createOwner(business.id);
  const email = `invitee-${Math.random().toString(36).slice(2)}@example.test`;
  const invitation = await inviteMember(business, owner, { email, role });
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: email, template: "team-invitation" } });
  const url = /http:\/\/localhost:\d+\/invite\?token=([\w-]+)/.exec(mail.text)?.[0] ?? "";
  return { business, owner, email, invitation, mail, url, token: new URL(url).searchParams.get("token") ?? "" };
}
const accept = (values: Record<string, string>) =>
  acceptAction({ request: new Request("http://localhost/invite", { method: "POST", body: new URLSearchParams(values) }), params: {}, context: { ipAddress: "10.2.2.2" } });
const good = (token: string) => ({ token, name: "Sam Collector", password: "walnut harbor signal piano", passwordConfirm: "walnut harbor signal piano" });

describe("team invitations", () => {
  it("emails a link whose token only the email holds; accepting creates the member with the role and signs them in", async () => {
    const { business, email, invitation, mail, token } = await inviteAndReadLink("COLLECTOR");
    expect(mail.subject).toMatch(/invited you to/);
    expect(invitation.tokenHash).not.toContain(token);
    expect(await invitationState(token)).toMatchObject({ state: "valid", email, role: "COLLECTOR" });
    const page = await acceptLoader({ request: new Request(`http://localhost/invite?token=${token}`), params: {}, context: {} });
    expect((await page.json()).invitation?.email).toBe(email);

    const response = await accept(good(token));
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/HttpOnly/i);
    const member = await db.user.findUniqueOrThrow({ where: { email }, include: { sessions: true } });
    expect(member).toMatchObject({ businessId: business.id, role: "COLLECTOR", name: "Sam Collector" });
    expect(member.sessions).toHaveLength(1);
    expect(await db.activityEvent.count({ where: { businessId: business.id, type: { in: ["team.invited", "team.joined"] } } })).toBe(2);
  });

  it("a used link cannot be used again, even twice at once", async () => {
    const { token, email } = await inviteAndReadLink();
    const results = await Promise.all([1, 2, 3].map(() => acceptInvitation(good(token))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
    const again = await accept(good(token));
    expect(again.status).toBe(400);
    expect(JSON.stringify(await again.json())).toContain("accepted already");
  });

  it("refuses a tampered, revoked or expired link and creates nobody", async () => {
    const tampered = await inviteAndReadLink();
    const bad = `${tampered.token.slice(0, -1)}${tampered.token.endsWith("A") ? "B" : "A"}`;
    expect((await invitationState(bad)).state).toBe("invalid");
    expect((await accept(good(bad))).status).toBe(400);

    const revoked = await inviteAndReadLink();
    await revokeInvitation(revoked.business.id, revoked.owner, revoked.invitation.id);
    expect((await invitationState(revoked.token)).state).toBe("revoked");
    expect((await accept(good(revoked.token))).status).toBe(400);
    await expect(revokeInvitation(revoked.business.id, revoked.owner, revoked.invitation.id)).rejects.toBeInstanceOf(TeamError);

    const expired = await inviteAndReadLink();
    await setClockOffset(7 * 86400_000 + 60_000);
    try {
      expect((await invitationState(expired.token)).state).toBe("expired");
      expect((await accept(good(expired.token))).status).toBe(400);
    } finally {
      await setClockOffset(0);
    }
    for (const e of [tampered.email, revoked.email, expired.email]) expect(await db.user.count({ where: { email: e } })).toBe(0);
  });

  it("a second invitation to the same address revokes the first", async () => {
    const first = await inviteAndReadLink();
    await inviteMember(first.business, first.owner, { email: first.email, role: "VIEWER" });
    expect((await invitationState(first.token)).state).toBe("revoked");
  });

  it("bad input on the accept form: a message per field, nothing saved, the link still valid", async () => {
    const { token, email } = await inviteAndReadLink();
    const response = await accept({ token, name: "", password: "invitee", passwordConfirm: "x" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["name", "password"]);
    expect(JSON.stringify(body)).not.toContain("invitee\"");
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect((await invitationState(token)).state).toBe("valid");
  });

  it("refuses to invite someone already on a team", async () => {
    const { business, owner } = await inviteAndReadLink();
    await expect(inviteMember(business, owner, { email: owner.email, role: "VIEWER" })).rejects.toThrow("already on the team");
  });

  it("keeps at least one owner, even when two owners demote each other at once", async () => {
    const business = await createBusiness();
    const { user: a } = await createOwner(business.id);
    await expect(changeRole(business.id, a, a.id, "VIEWER")).rejects.toThrow("only owner");
    const { user: b } = await createOwner(business.id);
    const results = await Promise.allSettled([changeRole(business.id, a, b.id, "COLLECTOR"), changeRole(business.id, b, a.id, "COLLECTOR")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { businessId: business.id, role: "OWNER" } })).toBe(1);
    const other = await createBusiness();
    await expect(changeRole(other.id, a, b.id, "OWNER")).rejects.toThrow("not on this business's team");
  });
});
