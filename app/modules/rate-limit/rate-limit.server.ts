// Rate limits kept in PostgreSQL, so every process (and a restart) sees the same counts. Counts live in fixed
// windows; a hit is judged on a sliding window (Cloudflare's "sliding window counter"): the current window's
// count plus the previous window's, weighted by how much of it still overlaps the last `windowSeconds`. So a
// burst split across a window boundary is still one burst (fixed windows alone would allow twice the limit).
import { db } from "~/utils/db.server";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

function windowsAt(nowMs: number, windowSeconds: number) {
  const windowMs = windowSeconds * 1000;
  const start = Math.floor(nowMs / windowMs) * windowMs;
  return { windowMs, current: new Date(start), previous: new Date(start - windowMs), overlap: 1 - (nowMs - start) / windowMs };
}

function judge(count: number, previousCount: number, limit: number, w: ReturnType<typeof windowsAt>, nowMs: number, inclusive: boolean): RateLimitResult {
  const estimate = count + previousCount * w.overlap;
  const retryAfterSeconds = Math.max(1, Math.ceil((w.current.getTime() + w.windowMs - nowMs) / 1000));
  return { allowed: inclusive ? estimate <= limit : estimate < limit, remaining: Math.max(0, Math.floor(limit - estimate)), retryAfterSeconds };
}

async function previousCount(key: string, previous: Date) {
  const row = await db.rateLimitWindow.findUnique({ where: { key_windowStart: { key, windowStart: previous } } });
  return row?.count ?? 0;
}

export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const nowMs = Date.now();
  const w = windowsAt(nowMs, windowSeconds);
  const rows = await db.$queryRaw<{ count: number }[]>`
    insert into "RateLimitWindow" ("key", "windowStart", "count") values (${key}, ${w.current}, 1)
    on conflict ("key", "windowStart") do update set "count" = "RateLimitWindow"."count" + 1
    returning "count"`;
  return judge(Number(rows[0]?.count ?? 1), await previousCount(key, w.previous), limit, w, nowMs, true);
}

export async function clearRateLimit(key: string) {
  await db.rateLimitWindow.deleteMany({ where: { key } });
}

/** The count in the current window, without adding to it. */
export async function peekRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const nowMs = Date.now();
  const w = windowsAt(nowMs, windowSeconds);
  const row = await db.rateLimitWindow.findUnique({ where: { key_windowStart: { key, windowStart: w.current } } });
  return judge(row?.count ?? 0, await previousCount(key, w.previous), limit, w, nowMs, false);
}
