// Password reset, password change and sessions (issue 17).
import { describe, expect, it } from "vitest";
import { action as forgotAction } from "../../app/routes/forgot-password";
import { action as resetAction } from "../../app/routes/reset-password";
import { changePassword, endSessions, listSessions, RESET_LIMITS, resetTokenState } from "../../app/modules/auth/account.server";
import { signIn } from "../../app/modules/auth/session.server";
import { setClockOffset } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createOwner } from "../fixtures/factories";

const forgot = (email: string, ip = `10.9.${Math.floor(Math.random() * 250)}.1`) =>
  forgotAction({ request: new Request("http://localhost/forgot-password", { method: "POST", body: new URLSearchParams({ email }) }), params: {}, context: { ipAddress: ip } });
const reset = (values: Record<string, string>) => resetAction({ request: new Request("http://localhost/reset-password", { method: "POST", body: new URLSearchParams(values) }), params: {}, context: {} });
const NEW = "lichen ferry copper sonnet";

async function ownerWithSessions(n: number) {
  const business = await createBusiness();
  const owner = await createOwner(business.id);
  const sessions: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await signIn({ email: owner.email, password: owner.password, ipAddress: `10.8.${i}.1`, userAgent: `browser ${i}` });
    if (r.ok !== true) throw new Error(r.ok === false ? r.error : "two-step");
    sessions.push(r.sessionId);
  }
  return { ...owner, sessions };
}
async function resetLinkFor(email: string) {
  const response = await forgot(email);
  expect(response.status).toBe(200);
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: email, template: "password-reset" }, orderBy: { createdAt: "desc" } });
  return new URL(/http:\/\/localhost:\d+\/reset-password\?token=[\w-]+/.exec(mail.text)![0]).searchParams.get("token")!;
}

describe("password reset", () => {
  it("answers the same whether the address has an account, and emails only a real one", async () => {
    const { email } = await ownerWithSessions(0);
    const known = await (await forgot(email)).json();
    const unknown = await (await forgot(`nobody-${Date.now()}@example.test`)).json();
    expect({ ...known, email: "" }).toEqual({ ...unknown, email: "" });
    expect(await db.outboxEmail.count({ where: { toAddress: email, template: "password-reset" } })).toBe(1);
  });

  it("sets the new password, ends every session, and the link works once", async () => {
    const owner = await ownerWithSessions(3);
    const token = await resetLinkFor(owner.email);
    expect(await db.passwordReset.count({ where: { tokenHash: token } })).toBe(0);
    const response = await reset({ token, password: NEW, passwordConfirm: NEW });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?reset=done");
    expect(await db.session.count({ where: { userId: owner.user.id } })).toBe(0);
    expect((await signIn({ email: owner.email, password: owner.password, ipAddress: "10.7.0.1", userAgent: "t" })).ok).toBe(false);
    expect((await signIn({ email: owner.email, password: NEW, ipAddress: "10.7.0.1", userAgent: "t" })).ok).toBe(true);
    expect(await resetTokenState(token)).toBe("used");
    const again = await reset({ token, password: "another fine passphrase", passwordConfirm: "another fine passphrase" });
    expect(again.status).toBe(400);
    expect(JSON.stringify(await again.json())).toContain("used already");
  });

  it("refuses an expired or tampered link, and a weak password, changing nothing", async () => {
    const owner = await ownerWithSessions(1);
    const token = await resetLinkFor(owner.email);
    const weak = await reset({ token, password: "password1234", passwordConfirm: "password1234" });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.password?.[0]).toContain("too easy to guess");
    expect((await reset({ token: `${token.slice(0, -1)}x`, password: NEW, passwordConfirm: NEW })).status).toBe(400);
    await setClockOffset(31 * 60_000);
    try {
      expect(await resetTokenState(token)).toBe("expired");
      expect((await reset({ token, password: NEW, passwordConfirm: NEW })).status).toBe(400);
    } finally {
      await setClockOffset(0);
    }
    expect(await db.session.count({ where: { userId: owner.user.id } })).toBe(1);
    expect((await signIn({ email: owner.email, password: owner.password, ipAddress: "10.7.1.1", userAgent: "t" })).ok).toBe(true);
  });

  it("is rate-limited per address, with the same answer for unknown addresses", async () => {
    const email = `limit-${Date.now()}@example.test`;
    const statuses: number[] = [];
    for (let i = 0; i < RESET_LIMITS.perEmail.limit + 2; i++) statuses.push((await forgot(email)).status);
    expect(statuses.slice(0, RESET_LIMITS.perEmail.limit).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(RESET_LIMITS.perEmail.limit)).toEqual([429, 429]);
  });
});

describe("password change and sessions", () => {
  it("checks the current password, keeps this session and ends the others", async () => {
    const owner = await ownerWithSessions(3);
    const [current, ...others] = owner.sessions;
    const wrong = await changePassword(owner.user.id, current!, { currentPassword: "nope", password: NEW, passwordConfirm: NEW });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["That is not your current password."] } });
    const done = await changePassword(owner.user.id, current!, { currentPassword: owner.password, password: NEW, passwordConfirm: NEW });
    expect(done).toEqual({ ok: true, endedSessions: others.length });
    expect((await db.session.findMany({ where: { userId: owner.user.id } })).map((s) => s.id)).toEqual([current]);
  });

  it("lists sessions by a handle that is not the cookie secret; ends only the user's own", async () => {
    const a = await ownerWithSessions(2);
    const b = await ownerWithSessions(1);
    const list = await listSessions(a.user.id, a.sessions[0]!);
    expect(list).toHaveLength(2);
    for (const s of list) expect(JSON.stringify(s)).not.toContain(a.sessions[1]!);
    const other = list.find((s) => !s.current)!;
    const bHandle = (await listSessions(b.user.id, "none"))[0]!.handle;
    expect(await endSessions(a.user.id, a.sessions[0]!, { handle: bHandle })).toBe(0);
    expect(await db.session.count({ where: { userId: b.user.id } })).toBe(1);
    expect(await endSessions(a.user.id, a.sessions[0]!, { handle: list.find((s) => s.current)!.handle })).toBe(0);
    expect(await endSessions(a.user.id, a.sessions[0]!, { handle: other.handle })).toBe(1);
    expect(await db.session.count({ where: { userId: a.user.id } })).toBe(1);
  });
});
