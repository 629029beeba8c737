import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { currentOffsetMs, now, setClockOffset } from "~/utils/clock.server";
import { isProduction } from "~/utils/env.server";
import { readForm } from "~/utils/request.server";

// Test and demo control of the app clock. Absent in production.
const ClockInput = z.object({
  offsetDays: z.coerce.number().int("offsetDays must be a whole number of days").min(-3650).max(3650).optional(),
  offsetMs: z.coerce.number().int().optional(),
  at: z.iso.datetime({ offset: true, message: "at must be an ISO date-time such as 2026-12-01T14:00:00Z" }).optional(),
});

export async function loader(_: LoaderFunctionArgs) {
  if (isProduction()) throw new Response("Not found", { status: 404 });
  return json({ now: now().toISOString(), offsetMs: currentOffsetMs() });
}

export async function action({ request }: ActionFunctionArgs) {
  if (isProduction()) throw new Response("Not found", { status: 404 });
  const parsed = ClockInput.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return json({ error: parsed.error.issues.map((i) => i.message).join("; ") }, { status: 400 });
  const ms = parsed.data.at ? Date.parse(parsed.data.at) - Date.now() : (parsed.data.offsetMs ?? (parsed.data.offsetDays ?? 0) * 86400_000);
  await setClockOffset(ms);
  return json({ now: now().toISOString(), offsetMs: ms });
}
