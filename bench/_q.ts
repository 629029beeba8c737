import pg from "pg";
import { candidatesSql } from "~/modules/reminders/engine.server";
const sql = candidatesSql(new Date());
const c = new pg.Client({ connectionString: "postgresql://postgres:postgres@127.0.0.1:54401/duely_bench" });
await c.connect();
const settings = process.argv.slice(2);
for (let run = 0; run < 2; run++) {
  await c.query("begin");
  for (const s of settings) await c.query(`set local ${s}`);
  const t = performance.now();
  const r = await c.query(`select count(*) from (${sql.text}) x`, sql.values as unknown[]);
  console.log(settings.join(" "), r.rows[0], ((performance.now() - t) / 1000).toFixed(2), "s");
  await c.query("commit");
}
await c.end();
