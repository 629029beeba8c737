// Fixed-window rate limits kept in PostgreSQL, so every process (and a restart) sees the same counts.
import { db } from "~/utils/db.server";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const windowMs = windowSeconds * 1000;
  const nowMs = Date.now();
  const windowStart = new Date(Math.floor(nowMs / windowMs) * windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    insert into "RateLimitWindow" ("key", "windowStart", "count") values (${key}, ${windowStart}, 1)
    on conflict ("key", "windowStart") do update set "count" = "RateLimitWindow"."count" + 1
    returning "count"`;
  const count = Number(rows[0]?.count ?? 1);
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - nowMs) / 1000);
  return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterSeconds };
}

export async function clearRateLimit(key: string) {
  await db.rateLimitWindow.deleteMany({ where: { key } });
}

/** The count in the current window, without adding to it. */
export async function peekRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const windowMs = windowSeconds * 1000;
  const nowMs = Date.now();
  const windowStart = new Date(Math.floor(nowMs / windowMs) * windowMs);
  const row = await db.rateLimitWindow.findUnique({ where: { key_windowStart: { key, windowStart } } });
  const count = row?.count ?? 0;
  return { allowed: count < limit, remaining: Math.max(0, limit - count), retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - nowMs) / 1000) };
}
