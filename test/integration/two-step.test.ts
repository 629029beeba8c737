// Two-step sign-in (issue 17): enrolment, the challenge between password and code, replays, recovery codes,
// the business-wide requirement and an owner's reset. Codes are made here with otplib, as a phone would.
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { action as loginAction } from "../../app/routes/login";
import { action as twoStepAction, loader as twoStepLoader } from "../../app/routes/login_.two-step";
import { loader as settingsLoader } from "../../app/routes/app.settings";
import { loader as accountLoader } from "../../app/routes/app.account";
import { openSession, signIn, commitOwnerSession } from "../../app/modules/auth/session.server";
import { answerChallenge, confirmEnrolment, decryptSecret, disableTwoStep, regenerateRecoveryCodes, resetMemberTwoStep, setRequireTwoStep, startEnrolment, TwoStepError } from "../../app/modules/auth/two-step.server";
import { CHALLENGE_MAX_ATTEMPTS, RECOVERY_CODE_COUNT } from "../../app/modules/auth/two-step";
import { db } from "../../app/utils/db.server";
import { hashToken } from "../../app/utils/secret-token.server";
import { createBusiness, createOwner } from "../fixtures/factories";

const nowSeconds = () => Math.floor(Date.now() / 1000);
const codeAt = (secret: string, offsetSeconds = 0) => generate({ secret, epoch: nowSeconds() + offsetSeconds });

async function enrolled() {
  const business = await createBusiness();
  const owner = await createOwner(business.id);
  const user = await db.user.findUniqueOrThrow({ where: { id: owner.user.id } });
  const { secret } = await startEnrolment(user, business.name, { fresh: true });
  const recoveryCodes = await confirmEnrolment(user, await codeAt(secret));
  return { business, owner, user, secret, recoveryCodes };
}

async function challengeFor(email: string, password: string) {
  const r = await signIn({ email, password, ipAddress: `10.60.${Math.floor(Math.random() * 250)}.1`, userAgent: "phone" });
  if (r.ok !== "two-step") throw new Error(`expected the two-step answer, got ${JSON.stringify(r)}`);
  return r.challengeToken;
}

async function rejects(promise: Promise<unknown>, field: string, pattern: RegExp) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TwoStepError);
  expect((error as TwoStepError).field).toBe(field);
  expect((error as TwoStepError).message).toMatch(pattern);
}

describe("two-step enrolment", () => {
  it("keeps the secret encrypted, turns on only with a right code, and returns ten recovery codes stored as hashes", async () => {
    const business = await createBusiness();
    const owner = await createOwner(business.id);
    const user = await db.user.findUniqueOrThrow({ where: { id: owner.user.id } });
    const { secret, uri, qrDataUrl } = await startEnrolment(user, business.name, { fresh: true });
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpPendingEnc).not.toContain(secret);
    expect(decryptSecret(stored.totpPendingEnc!)).toBe(secret);

    await rejects(confirmEnrolment(user, "12345"), "code", /6 digits; that has 5/);
    const wrong = String((Number(await codeAt(secret)) + 1) % 1_000_000).padStart(6, "0");
    await rejects(confirmEnrolment(user, wrong), "code", /does not match/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();

    const codes = await confirmEnrolment(user, await codeAt(secret));
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    const rows = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.codeHash).sort()).toEqual(codes.map((c) => hashToken(`recovery:${c}`)).sort());
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.totpEnabledAt).not.toBeNull();
    expect(after.totpPendingEnc).toBeNull();
    expect(await db.activityEvent.count({ where: { businessId: business.id, type: "account.two_step_enabled", actorUserId: user.id } })).toBe(1);
  });
});

describe("signing in with two steps", () => {
  it("asks for the code after the password, accepts it once, and refuses the same code again", async () => {
    const { owner, secret } = await enrolled();
    const token = await challengeFor(owner.email, owner.password);
    expect(await db.session.count({ where: { userId: owner.user.id } })).toBe(0);
    // The enrolment code used this time step already: the next step's code signs in, then cannot again.
    const code = await codeAt(secret, 30);
    const first = await answerChallenge(token, code);
    expect(first).toMatchObject({ ok: true, method: "authenticator" });
    const again = await answerChallenge(await challengeFor(owner.email, owner.password), code);
    expect(again).toMatchObject({ ok: false, restart: false });
    if (!again.ok) expect(again.error).toMatch(/used already/);
    // The used challenge is dead.
    expect(await answerChallenge(token, await codeAt(secret, 30))).toMatchObject({ ok: false, restart: true });
  });

  it("ends the challenge after five wrong codes, and a tampered ticket gets nothing", async () => {
    const { owner, secret } = await enrolled();
    const token = await challengeFor(owner.email, owner.password);
    const right = await codeAt(secret, 30);
    const wrong = String((Number(right) + 7) % 1_000_000).padStart(6, "0");
    for (let i = 1; i < CHALLENGE_MAX_ATTEMPTS; i++) {
      const r = await answerChallenge(token, wrong);
      expect(r).toMatchObject({ ok: false, restart: false });
      if (!r.ok) expect(r.error).toContain(`${CHALLENGE_MAX_ATTEMPTS - i} tries left`);
    }
    expect(await answerChallenge(token, wrong)).toMatchObject({ ok: false, restart: true });
    expect(await answerChallenge(token, right)).toMatchObject({ ok: false, restart: true });
    expect(await answerChallenge(`${token}x`, right)).toMatchObject({ ok: false, restart: true });
    expect(await db.session.count({ where: { userId: owner.user.id } })).toBe(0);
  });

  it("takes a recovery code once, in any case and spacing, and counts what is left", async () => {
    const { owner, recoveryCodes } = await enrolled();
    const code = recoveryCodes[3]!;
    const typed = ` ${code.replace("-", " ").toUpperCase()} `;
    const r = await answerChallenge(await challengeFor(owner.email, owner.password), typed);
    expect(r).toMatchObject({ ok: true, method: "recovery code", recoveryCodesLeft: RECOVERY_CODE_COUNT - 1 });
    const again = await answerChallenge(await challengeFor(owner.email, owner.password), code);
    expect(again).toMatchObject({ ok: false, restart: false });
  });

  it("one code raced from two windows opens one session", async () => {
    const { owner, secret } = await enrolled();
    const tokens = await Promise.all(Array.from({ length: 6 }, () => challengeFor(owner.email, owner.password)));
    const code = await codeAt(secret, 30);
    const results = await Promise.all(tokens.map((t) => answerChallenge(t, code)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("the sign-in pages: password, then the code page with its cookie, then a session", async () => {
    const { owner, secret } = await enrolled();
    const login = await loginAction({ request: new Request("http://localhost/login", { method: "POST", body: new URLSearchParams({ email: owner.email, password: owner.password, redirectTo: "/app/invoices" }) }), params: {}, context: { ipAddress: "10.61.0.1" } });
    expect(login.status).toBe(302);
    expect(login.headers.get("Location")).toBe("/login/two-step?redirectTo=%2Fapp%2Finvoices");
    const cookie = login.headers.get("Set-Cookie")!.split(";")[0]!;
    expect(cookie).toMatch(/^duely_two_step=/);
    expect(login.headers.get("Set-Cookie")).not.toMatch(/duely_owner/);

    const page = await twoStepLoader({ request: new Request("http://localhost/login/two-step", { headers: { Cookie: cookie } }), params: {}, context: {} });
    expect(page.status).toBe(200);
    const noTicket = await twoStepLoader({ request: new Request("http://localhost/login/two-step"), params: {}, context: {} }).catch((r: Response) => r);
    expect(noTicket.headers.get("Location")).toBe("/login?two-step=ended");

    const post = (code: string) => twoStepAction({ request: new Request("http://localhost/login/two-step", { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams({ code, redirectTo: "/app/invoices" }) }), params: {}, context: {} });
    const bad = await post("abc");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: expect.stringMatching(/neither a 6-digit/) });
    const ok = await post(await codeAt(secret, 30));
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/app/invoices");
    expect(ok.headers.get("Set-Cookie")).toMatch(/duely_owner=/);
    expect(await db.activityEvent.count({ where: { actorUserId: owner.user.id, type: "owner.signed_in", summary: { contains: "authenticator code" } } })).toBe(1);
  });
});

describe("managing two-step", () => {
  it("new recovery codes need a fresh authenticator code and replace the old ones; turning off needs the password", async () => {
    const { owner, user, secret, recoveryCodes } = await enrolled();
    await rejects(regenerateRecoveryCodes(user, recoveryCodes[0]!), "code", /not a recovery code/);
    const fresh = await regenerateRecoveryCodes(user, await codeAt(secret, 30));
    expect(fresh.some((c) => recoveryCodes.includes(c))).toBe(false);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(RECOVERY_CODE_COUNT);
    await rejects(disableTwoStep(user, "not my password"), "password", /not your current password/);
    await disableTwoStep(user, owner.password);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([after.totpEnabledAt, after.totpSecretEnc]).toEqual([null, null]);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });

  it("an owner can require it only with their own on; members without it reach only their account page; it cannot be turned off", async () => {
    const business = await createBusiness();
    const ownerA = await createOwner(business.id);
    const member = await createOwner(business.id);
    const owner = await db.user.findUniqueOrThrow({ where: { id: ownerA.user.id } });
    await rejects(setRequireTwoStep(business, owner, true), "requireTwoStep", /your own account first/);
    const { secret } = await startEnrolment(owner, business.name, { fresh: true });
    await confirmEnrolment(owner, await codeAt(secret));
    await setRequireTwoStep(business, await db.user.findUniqueOrThrow({ where: { id: owner.id } }), true);

    const memberUser = await db.user.findUniqueOrThrow({ where: { id: member.user.id }, include: { business: true } });
    const sessionId = await openSession({ user: memberUser, ipAddress: "10.62.0.1", userAgent: "t", method: "password" });
    const cookie = (await commitOwnerSession(sessionId)).split(";")[0]!;
    const blocked = await settingsLoader({ request: new Request("http://localhost/app/settings", { headers: { Cookie: cookie } }), params: {}, context: {} }).catch((r: Response) => r);
    expect(blocked.status).toBe(302);
    expect(blocked.headers.get("Location")).toBe("/app/account?two-step=required");
    const account = await accountLoader({ request: new Request("http://localhost/app/account?two-step=required", { headers: { Cookie: cookie } }), params: {}, context: {} });
    expect(account.status).toBe(200);
    expect((await account.json()).twoStep).toMatchObject({ askedToSetUp: true, requiredByBusiness: true });

    await rejects(disableTwoStep(owner, ownerA.password), "form", /requires two-step sign-in for everyone/);
  });

  it("an owner resets a member's two-step: the member's sessions, codes and secret are gone, and the event names both", async () => {
    const business = await createBusiness();
    const ownerA = await createOwner(business.id);
    const memberA = await createOwner(business.id);
    const member = await db.user.update({ where: { id: memberA.user.id }, data: { name: "Mira Collector" }, include: { business: true } });
    const { secret } = await startEnrolment(member, business.name, { fresh: true });
    await confirmEnrolment(member, await codeAt(secret));
    await openSession({ user: member, ipAddress: "10.63.0.1", userAgent: "t", method: "authenticator" });
    const owner = await db.user.findUniqueOrThrow({ where: { id: ownerA.user.id } });
    await rejects(resetMemberTwoStep(business.id, owner, owner.id), "form", /Your account/);
    const other = await createBusiness();
    await rejects(resetMemberTwoStep(other.id, owner, member.id), "form", /not on this team/);
    await resetMemberTwoStep(business.id, owner, member.id);
    const after = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    expect([after.totpEnabledAt, after.totpSecretEnc]).toEqual([null, null]);
    expect(await db.session.count({ where: { userId: member.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: member.id } })).toBe(0);
    const event = await db.activityEvent.findFirstOrThrow({ where: { businessId: business.id, type: "team.two_step_reset" } });
    expect(event.summary).toContain(owner.name);
    expect(event.summary).toContain(member.name);
  });
});
