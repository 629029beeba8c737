import { json } from "@remix-run/node";
import { db } from "~/utils/db.server";

export async function loader() {
  const started = performance.now();
  try {
    await db.$queryRaw`select 1`;
    return json({ ok: true, database: "up", latencyMs: Math.round(performance.now() - started) }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return json({ ok: false, database: "down" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
