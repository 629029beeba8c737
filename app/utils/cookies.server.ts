import { createCookie } from "@remix-run/node";
import { getEnv } from "./env.server";

function sessionCookie(name: string, maxAgeSeconds: number) {
  const env = getEnv();
  return createCookie(name, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.APP_URL.startsWith("https://"),
    path: "/",
    maxAge: maxAgeSeconds,
    secrets: [env.SESSION_SECRET],
  });
}

export const OWNER_SESSION_DAYS = 14;
export const PORTAL_SESSION_DAYS = 7;

let cookies: { owner: ReturnType<typeof sessionCookie>; portal: ReturnType<typeof sessionCookie> } | undefined;
export function getCookies() {
  cookies ??= {
    owner: sessionCookie("duely_owner", OWNER_SESSION_DAYS * 86400),
    portal: sessionCookie("duely_portal", PORTAL_SESSION_DAYS * 86400),
  };
  return cookies;
}
