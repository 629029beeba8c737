import { createCookie } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { sessionCookieOptions } from "./cookies.server";

const secret = "a-session-secret-of-at-least-32-characters!";

async function setCookieHeader(env: { APP_ENV: "development" | "test" | "production"; APP_URL: string }) {
  const cookie = createCookie("duely_owner", sessionCookieOptions({ ...env, SESSION_SECRET: secret }, 3600));
  return { cookie, header: await cookie.serialize("session-id-123") };
}

describe("session cookies", () => {
  it("are HttpOnly, SameSite=Lax and signed everywhere", async () => {
    const { cookie, header } = await setCookieHeader({ APP_ENV: "development", APP_URL: "http://localhost:3000" });
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).toMatch(/; Path=\//);
    expect(header).not.toMatch(/; Secure/);
    expect(await cookie.parse(header.split(";")[0]!)).toBe("session-id-123");
    // A value changed by the browser's user fails the signature.
    const forged = header.split(";")[0]!.replace(/^duely_owner=[^.]+/, "duely_owner=" + Buffer.from('"someone-else"').toString("base64"));
    expect(await cookie.parse(forged)).toBeNull();
  });

  it("are Secure in production, and wherever the app is served over HTTPS", async () => {
    expect((await setCookieHeader({ APP_ENV: "production", APP_URL: "http://internal:3000" })).header).toMatch(/; Secure/);
    expect((await setCookieHeader({ APP_ENV: "development", APP_URL: "https://pay.example.test" })).header).toMatch(/; Secure/);
    expect((await setCookieHeader({ APP_ENV: "test", APP_URL: "http://localhost:3100" })).header).not.toMatch(/; Secure/);
  });
});
