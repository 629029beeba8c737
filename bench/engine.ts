// The reminder engine's decision run over every invoice, against one set-based scan of the same rows.
import { Prisma } from "~/generated/prisma/client";
import { candidatesSql, decideReminders, type Decisions } from "~/modules/reminders/engine.server";
import { db } from "~/utils/db.server";

export type EngineResult = { decisionSeconds: number; scanSeconds: number; scanRows: number; decisions: Decisions };

export async function benchEngine(at: Date, log: (line: string) => void): Promise<EngineResult> {
  // One warm-up scan so that both timings read from a warm cache.
  const scan = async () => {
    const t = performance.now();
    const rows = await db.$queryRaw<{ n: number }[]>(Prisma.sql`select count(*)::int as n, sum(c."dueNowCents") as due from (${candidatesSql(at)}) c`);
    return { seconds: (performance.now() - t) / 1000, rows: rows[0]?.n ?? 0 };
  };
  await scan();
  const sql = await scan();
  log(`  set-based scan: ${sql.rows} candidate rows in ${sql.seconds.toFixed(2)} s`);
  const t = performance.now();
  const decisions = await decideReminders({ at });
  const decisionSeconds = (performance.now() - t) / 1000;
  log(`  decision run: ${decisions.candidates} candidates, ${decisions.customers} customers in ${decisionSeconds.toFixed(2)} s (${JSON.stringify({ send: decisions.send, alert: decisions.alert, nothingDue: decisions.nothingDue, held: decisions.held })})`);
  return { decisionSeconds, scanSeconds: sql.seconds, scanRows: sql.rows, decisions };
}
