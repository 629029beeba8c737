// First run (issue 17): the setup token, the setup form through the route, and the page's 404 once set up.
// This file's database starts empty (each integration file gets its own), so the tests run in order.
import { describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/setup";
import { announceSetup, completeSetup, issueSetupLink, parseSetupForm, setupTokenState, AlreadySetUpError } from "../../app/modules/setup/setup.server";
import { setClockOffset } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";

const tokenOf = (url: string) => new URL(url).searchParams.get("token") ?? "";
const goodForm = (token: string, overrides: Record<string, string> = {}) => ({
  token,
  businessName: "Harbor Light Design",
  address: "4 Quay Road\nBar Harbor, ME 04609",
  contactEmail: "accounts@harborlight.test",
  timeZone: "America/Chicago",
  currency: "USD",
  ownerName: "Rosa Quayle",
  ownerEmail: "Rosa@HarborLight.test",
  password: "copper lantern orchard tide",
  passwordConfirm: "copper lantern orchard tide",
  ...overrides,
});
const post = (values: Record<string, string>) =>
  action({ request: new Request("http://localhost/setup", { method: "POST", body: new URLSearchParams(values) }), params: {}, context: { ipAddress: "10.1.1.1" } });

describe("first run", () => {
  it("prints a setup link once on an empty database; later starts say how to get a new one", async () => {
    const lines: string[] = [];
    await announceSetup((l) => lines.push(l));
    expect(lines.join("\n")).toMatch(/Setup link: http:\/\/localhost:\d+\/setup\?token=[\w-]{43}/);
    const second: string[] = [];
    await announceSetup((l) => second.push(l));
    expect(second.join("\n")).not.toContain("token=");
    expect(second.join("\n")).toContain("npm run setup-link");
    expect(await db.setupToken.count({ where: { usedAt: null, revokedAt: null } })).toBe(1);
  });

  it("stores only the token's hash; a new link revokes the old one; two at once leave one live", async () => {
    const first = await issueSetupLink();
    const stored = await db.setupToken.findMany();
    expect(JSON.stringify(stored)).not.toContain(tokenOf(first.url));
    const second = await issueSetupLink();
    expect(await setupTokenState(tokenOf(first.url))).toBe("invalid");
    expect(await setupTokenState(tokenOf(second.url))).toBe("valid");
    await Promise.all(Array.from({ length: 5 }, () => issueSetupLink()));
    expect(await db.setupToken.count({ where: { usedAt: null, revokedAt: null } })).toBe(1);
  });

  it("refuses a tampered, expired or revoked token, and creates nothing", async () => {
    const link = await issueSetupLink();
    const token = tokenOf(link.url);
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const t of [tampered, "", "x".repeat(43)]) {
      const response = await post(goodForm(t));
      expect(response.status).toBe(400);
    }
    await setClockOffset(25 * 3600_000);
    try {
      expect(await setupTokenState(token)).toBe("expired");
      const response = await post(goodForm(token));
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain("expired");
    } finally {
      await setClockOffset(0);
    }
    expect(await db.business.count()).toBe(0);
    expect(await db.user.count()).toBe(0);
  });

  it("answers every bad field with its own message and saves nothing; the password never comes back", async () => {
    const link = await issueSetupLink();
    const response = await post(
      goodForm(tokenOf(link.url), { businessName: "", address: "", contactEmail: "nope", timeZone: "Mars/Base", currency: "XYZ", ownerName: "", ownerEmail: "rosa", password: "short", passwordConfirm: "short" }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["address", "businessName", "contactEmail", "currency", "ownerEmail", "ownerName", "password", "timeZone"]);
    expect(body.fieldErrors.password?.[0]).toContain("at least 12 characters");
    expect(JSON.stringify(body)).not.toContain("short");
    expect(parseSetupForm(goodForm("t", { password: "harborlightdesign", passwordConfirm: "harborlightdesign" }))).toMatchObject({ ok: false, fieldErrors: { password: [expect.stringContaining("too easy to guess")] } });
    expect(parseSetupForm(goodForm("t", { passwordConfirm: "copper lantern orchard tidy" }))).toMatchObject({ ok: false, fieldErrors: { passwordConfirm: [expect.stringContaining("differ")] } });
    expect(await db.business.count()).toBe(0);
    expect(await setupTokenState(tokenOf(link.url))).toBe("valid");
  });

  it("creates the business with the default reminder sequence and its owner, signs the owner in, and spends the token", async () => {
    const link = await issueSetupLink();
    const token = tokenOf(link.url);
    const loaded = await loader({ request: new Request(link.url), params: {}, context: {} });
    expect((await loaded.json()).token).toBe(token);

    const response = await post(goodForm(token));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/app");
    expect(response.headers.get("Set-Cookie")).toMatch(/HttpOnly/i);

    const business = await db.business.findFirstOrThrow({ include: { reminderTiers: true, discountPolicy: true, planPolicy: true, lateFeePolicy: true, users: { include: { sessions: true } } } });
    expect(business).toMatchObject({ name: "Harbor Light Design", timeZone: "America/Chicago", currency: "USD", supportEmail: "accounts@harborlight.test", addressLines: ["4 Quay Road", "Bar Harbor, ME 04609"] });
    expect(business.reminderTiers.length).toBeGreaterThanOrEqual(4);
    expect(business.discountPolicy?.enabled).toBe(false);
    expect(business.users).toHaveLength(1);
    expect(business.users[0]).toMatchObject({ email: "rosa@harborlight.test", name: "Rosa Quayle", role: "OWNER" });
    expect(business.users[0]!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(business.users[0]!.sessions).toHaveLength(1);
    expect(await db.activityEvent.count({ where: { businessId: business.id, type: "business.created", actorUserId: business.users[0]!.id } })).toBe(1);
    expect(await setupTokenState(token)).toBe("used");
  });

  it("once set up: /setup answers 404 for any token, the same token cannot make a second business, and no new link is made", async () => {
    const rows = await db.setupToken.findMany({ where: { usedAt: { not: null } } });
    expect(rows).toHaveLength(1);
    for (const url of ["http://localhost/setup", "http://localhost/setup?token=anything"]) {
      const thrown = await loader({ request: new Request(url), params: {}, context: {} }).catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(404);
    }
    const replay = await post(goodForm("anything", { ownerEmail: "second@harborlight.test" })).catch((e: unknown) => e);
    expect((replay as Response).status).toBe(404);
    await expect(issueSetupLink()).rejects.toBeInstanceOf(AlreadySetUpError);
    const lines: string[] = [];
    await announceSetup((l) => lines.push(l));
    expect(lines).toEqual([]);
    expect(await db.business.count()).toBe(1);
    expect(await db.user.count()).toBe(1);
  });

  it("two submits of one valid link at the same moment make one business", async () => {
    // A second database state: clear the business made above (test-only), then race two completions.
    await db.$executeRawUnsafe(`TRUNCATE "Business" CASCADE`);
    const link = await issueSetupLink();
    const input = parseSetupForm(goodForm(tokenOf(link.url)));
    if (!input.ok) throw new Error("form should parse");
    const results = await Promise.all([completeSetup(input.data), completeSetup(input.data), completeSetup(input.data)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.business.count()).toBe(1);
  });
});
