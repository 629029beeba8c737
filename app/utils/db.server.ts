import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "./env.server";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

declare global {
  var __prisma: { url: string; client: PrismaClient } | undefined;
}

function create(url: string) {
  const { SLOW_QUERY_MS: slowQueryMs, DB_POOL_SIZE } = getEnv();
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: DB_POOL_SIZE }),
    log: [{ level: "query", emit: "event" }],
  });
  client.$on("query", (e) => {
    if (slowQueryMs > 0 && Number(e.duration) > slowQueryMs) {
      console.warn(`[db] slow query ${e.duration}ms: ${e.query.slice(0, 300)}`);
    }
  });
  return client;
}

/**
 * The one Prisma client of the process, created on first use (after boot has settled
 * DATABASE_URL) and kept across development reloads.
 */
export function getDb(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the app must boot its database before using it.");
  if (!globalThis.__prisma || globalThis.__prisma.url !== url) {
    globalThis.__prisma = { url, client: create(url) };
  }
  return globalThis.__prisma.client;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function disconnectDb() {
  const current = globalThis.__prisma;
  globalThis.__prisma = undefined;
  await current?.client.$disconnect();
}

/**
 * A transaction that could not get a connection, or finish, in its time (P2028): it was rolled back and
 * nothing it did was kept. Requests that queue on one row (checkouts of one invoice) answer this in words.
 */
export function isTransactionTimeout(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2028";
}

export const BUSY_INVOICE_MESSAGE = "Several payments for this invoice were started at the same moment and this one did not go through. Reload the page to see where it stands.";
