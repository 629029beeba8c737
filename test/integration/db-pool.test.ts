// The one pool (app/utils/db.server.ts) that Prisma and the portal's reads share.
import { describe, expect, it, vi } from "vitest";
import { db, readRows } from "../../app/utils/db.server";

const currentPool = () => globalThis.__prisma!.pool;
import { adminQuery } from "../setup/database-url";

describe("the database pool", () => {
  it("survives the database closing its idle connections (a restart, a failover) and reconnects", async () => {
    // Connections made and returned to the pool, idle: through readRows and through Prisma.
    await Promise.all([readRows("select pg_sleep(0.05)", []), readRows("select pg_sleep(0.05)", []), db.business.count()]);
    const { totalCount, idleCount } = currentPool();
    expect(idleCount).toBeGreaterThanOrEqual(2);
    expect(idleCount).toBe(totalCount);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await adminQuery(process.env.DATABASE_URL!, `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
      // The pool hears each closed connection (unheard, that "error" event would end the process).
      const heard = () => warn.mock.calls.filter((call) => /\[db\] a pooled connection was closed while idle/.test(call.join(" "))).length;
      await vi.waitFor(() => expect(heard()).toBe(totalCount), { timeout: 5000 });
      expect(currentPool().totalCount).toBe(0);
    } finally {
      warn.mockRestore();
    }
    expect(await readRows<{ n: number }>("select 41 + 1 as n", [])).toEqual([{ n: 42 }]);
    expect(await db.business.count()).toBeGreaterThanOrEqual(0);
  });
});
