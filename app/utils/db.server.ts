import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "./env.server";
import { errorSummary } from "./redact.server";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

declare global {
  var __prisma: { url: string; client: PrismaClient; pool: pg.Pool } | undefined;
}

// How the hot read paths' rows come back from the pool, the way Prisma's adapter reads them: a calendar day
// (date) stays its "YYYY-MM-DD" text, a timestamp (stored in UTC, without zone) is that UTC instant.
const readTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 1082) return (value: string) => value;
    if (oid === 1114) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function create(url: string) {
  const { SLOW_QUERY_MS: slowQueryMs, DB_POOL_SIZE } = getEnv();
  // One pool: Prisma's adapter queries through it, and so does readRows below.
  const pool = new pg.Pool({ connectionString: url, max: DB_POOL_SIZE });
  // A pooled connection the database closes while it is idle (a restart, a failover, a timeout) is an "error"
  // event on the pool: unheard, it would end the process. The pool opens a new connection when one is needed.
  pool.on("error", (error) => console.warn(`[db] a pooled connection was closed while idle: ${errorSummary(error)}`));
  const adapter = new PrismaPg(pool);
  // Query events cost every query some work (its parameters serialised), so they are only asked for when slow
  // queries are to be reported.
  if (slowQueryMs <= 0) return { pool, client: new PrismaClient({ adapter }) };
  const client = new PrismaClient({ adapter, log: [{ level: "query", emit: "event" }] });
  client.$on("query", (e) => {
    if (Number(e.duration) > slowQueryMs) {
      console.warn(`[db] slow query ${e.duration}ms: ${e.query.slice(0, 300)}`);
    }
  });
  return { pool, client };
}

/**
 * The one Prisma client of the process, created on first use (after boot has settled
 * DATABASE_URL) and kept across development reloads.
 */
function current() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the app must boot its database before using it.");
  if (!globalThis.__prisma || globalThis.__prisma.url !== url) {
    globalThis.__prisma = { url, ...create(url) };
  }
  return globalThis.__prisma;
}

export function getDb(): PrismaClient {
  return current().client;
}

/**
 * Rows of one read-only SQL statement, for the reads on every portal page (docs/decisions/018-hot-reads.md):
 * straight through the pool Prisma uses, since a Prisma query costs 0.5–1.5 ms of CPU and the same SQL through
 * the pool about 0.1 ms. Inside a transaction (`client` is a transaction) it runs on the transaction, through
 * Prisma, so that it sees what the transaction wrote. Write the SQL so that both read the same: cast enums and
 * bigints (`::text`, `::int`) and dates (`to_char(d, 'YYYY-MM-DD')`); timestamps come back as Dates.
 */
export async function readRows<T>(text: string, values: readonly unknown[], client: Db | Tx = db): Promise<T[]> {
  if (client !== db) return (client as Tx).$queryRawUnsafe<T[]>(text, ...values);
  const result = await current().pool.query<T & pg.QueryResultRow>({ text, values: [...values], types: readTypes });
  return result.rows;
}

/**
 * The select list of a model's columns (Prisma's `*ScalarFieldEnum`) under a table alias, each named as Prisma
 * names it; `casts` for the columns readRows must cast (enums, enum arrays, bigints).
 */
export function modelColumns(fields: Record<string, string>, alias: string, casts: Record<string, string> = {}) {
  return Object.keys(fields)
    .map((f) => (casts[f] ? `${alias}."${f}"::${casts[f]} as "${f}"` : `${alias}."${f}"`))
    .join(", ");
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function disconnectDb() {
  const open = globalThis.__prisma;
  globalThis.__prisma = undefined;
  await open?.client.$disconnect();
  await open?.pool.end();
}

/**
 * A transaction that could not get a connection, or finish, in its time (P2028): it was rolled back and
 * nothing it did was kept. Requests that queue on one row (checkouts of one invoice) answer this in words.
 */
export function isTransactionTimeout(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2028";
}

export const BUSY_INVOICE_MESSAGE = "Several payments for this invoice were started at the same moment and this one did not go through. Reload the page to see where it stands.";
