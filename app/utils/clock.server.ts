// The one clock of the app. Outside production, tests and the demo can move it forward: the offset
// lives in the database (ClockSetting) so the web process and the worker agree on "now".
import { dateInZone, type CalendarDate } from "~/modules/dates/calendar";
import { db } from "./db.server";
import { isProduction } from "./env.server";

let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Today as a calendar date in the given (usually the business's) time zone. */
export function today(timeZone: string): CalendarDate {
  return dateInZone(now(), timeZone);
}

export function currentOffsetMs() {
  return offsetMs;
}

/** Re-reads the shared offset; called at the start of each request and job outside production. */
export async function syncClock() {
  if (isProduction()) return;
  const row = await db.clockSetting.findUnique({ where: { id: 1 } });
  offsetMs = row ? Number(row.offsetMs) : 0;
}

export async function setClockOffset(ms: number) {
  if (isProduction()) throw new Error("The clock cannot be moved in production.");
  if (!Number.isSafeInteger(ms)) throw new Error("offset must be a whole number of milliseconds");
  await db.clockSetting.upsert({
    where: { id: 1 },
    create: { id: 1, offsetMs: BigInt(ms) },
    update: { offsetMs: BigInt(ms) },
  });
  offsetMs = ms;
}
