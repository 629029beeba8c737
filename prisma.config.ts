// Prisma without engine binaries (docs/decisions/002-prisma-without-engine-binaries.md):
// the CLI runs its WebAssembly schema engine through a driver adapter, so nothing is downloaded.
import { PrismaPg } from "@prisma/adapter-pg-migrate";
import { defineConfig } from "prisma/config";

function connectionFields(url: string) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1) || "postgres"),
  };
}

type ScriptAdapter = {
  executeScript(script: string): Promise<void>;
  underlyingDriver(): { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
};

/**
 * The 7.x adapter runs a migration by splitting it on every ";" (even inside comments and
 * function bodies) and sending the pieces one by one, outside a transaction. Sending the whole
 * script as one simple-protocol query instead makes each migration atomic, as the native engine does.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = (await super.connect()) as unknown as ScriptAdapter;
    adapter.executeScript = async (script: string) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        adapter.onError(error);
      }
    };
    return adapter as unknown as Awaited<ReturnType<PrismaPg["connect"]>>;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set. The app sets it when it starts its embedded PostgreSQL; to run the Prisma CLI by hand, point DATABASE_URL at a server.",
      );
    }
    return new WholeScriptPg(connectionFields(url));
  },
});
