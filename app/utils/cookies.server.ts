import { createCookie, type CookieOptions } from "@remix-run/node";
import { getEnv, type Env } from "./env.server";

/**
 * Session cookies: signed, HttpOnly (no script can read them), SameSite=Lax (no cross-site POST carries them),
 * and Secure in production or wherever the app is served over HTTPS.
 */
export function sessionCookieOptions(env: Pick<Env, "APP_ENV" | "APP_URL" | "SESSION_SECRET">, maxAgeSeconds: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: "lax",
    secure: env.APP_ENV === "production" || env.APP_URL.startsWith("https://"),
    path: "/",
    maxAge: maxAgeSeconds,
    secrets: [env.SESSION_SECRET],
  };
}

function sessionCookie(name: string, maxAgeSeconds: number) {
  return createCookie(name, sessionCookieOptions(getEnv(), maxAgeSeconds));
}

export const OWNER_SESSION_DAYS = 14;
export const PORTAL_SESSION_DAYS = 7;

let cookies: { owner: ReturnType<typeof sessionCookie>; portal: ReturnType<typeof sessionCookie>; twoStep: ReturnType<typeof sessionCookie> } | undefined;
export function getCookies() {
  cookies ??= {
    owner: sessionCookie("duely_owner", OWNER_SESSION_DAYS * 86400),
    portal: sessionCookie("duely_portal", PORTAL_SESSION_DAYS * 86400),
    // Between the password and the code of a two-step sign-in (the challenge itself lasts 10 minutes).
    twoStep: sessionCookie("duely_two_step", 10 * 60),
  };
  return cookies;
}
