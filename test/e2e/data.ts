// Fresh customers for specs that need an account of their own (the demo's are shared by other specs):
// written straight into the e2e app's database, as an owner's import would.
import crypto from "node:crypto";
import argon2 from "argon2";
import pg from "pg";

const url = `postgresql://postgres:postgres@127.0.0.1:${Number(process.env.E2E_PG_PORT ?? 54349)}/duely`;

/** A customer of the demo business with one issued invoice for `amountCents`, due on `dueDate` (YYYY-MM-DD). */
export async function createCustomerWithInvoice(input: { name: string; amountCents: number; issueDate: string; dueDate: string; language?: string }) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const suffix = crypto.randomBytes(3).toString("hex");
    const { rows } = await client.query<{ id: string }>(`select "id" from "Business" order by "createdAt" asc limit 1`);
    const businessId = rows[0]!.id;
    const customerId = crypto.randomUUID();
    const invoiceId = crypto.randomUUID();
    const email = `${input.name.toLowerCase().replace(/\W+/g, ".")}.${suffix}@example.test`;
    // Ends in a letter: a number ending in digits (INV-PEB4068) would become the highest "PREFIX-0001"-style number
    // and change the next number the invoice editor suggests to other specs.
    const number = `INV-P${suffix.toUpperCase()}X`;
    await client.query(`insert into "Customer" ("id", "businessId", "email", "name", "language", "updatedAt") values ($1, $2, $3, $4, $5, now())`, [customerId, businessId, email, input.name, input.language ?? null]);
    await client.query(
      `insert into "Invoice" ("id", "businessId", "customerId", "number", "currency", "state", "issueDate", "dueDate", "sentAt", "updatedAt")
       values ($1, $2, $3, $4, 'USD', 'ISSUED', $5, $6, now(), now())`,
      [invoiceId, businessId, customerId, number, input.issueDate, input.dueDate],
    );
    await client.query(
      `insert into "InvoiceLine" ("id", "invoiceId", "position", "description", "quantityMilli", "unitAmountCents", "amountCents") values ($1, $2, 1, 'Project work', 1000, $3, $3)`,
      [crypto.randomUUID(), invoiceId, input.amountCents],
    );
    return { customerId, invoiceId, email, number };
  } finally {
    await client.end();
  }
}

/** A fresh portal link for a customer (as the owner's "Email portal link" makes one): the path to open. */
export async function portalLinkPath(customerId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const token = crypto.randomBytes(32).toString("base64url");
    const tokenHash = crypto.createHash("sha256").update(token).digest("hex");
    await client.query(`insert into "PortalAccessToken" ("id", "customerId", "tokenHash", "expiresAt", "createdAt") values ($1, $2, $3, now() + interval '7 days', now())`, [crypto.randomUUID(), customerId, tokenHash]);
    return `/portal/access/${token}`;
  } finally {
    await client.end();
  }
}

/** The language saved on a customer's record (null: none chosen). */
export async function customerLanguage(customerId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ language: string | null }>(`select "language" from "Customer" where "id" = $1`, [customerId]);
    return rows[0]?.language ?? null;
  } finally {
    await client.end();
  }
}

/**
 * A business of its own that bills in euros (the demo's is in dollars and stays so), with a customer, one issued
 * invoice of `amountCents` and a portal link for them: what an owner who chose EUR at setup would have.
 */
export async function createEuroCustomerWithInvoice(input: { name: string; amountCents: number; issueDate: string; dueDate: string }) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const suffix = crypto.randomBytes(3).toString("hex");
    const businessId = crypto.randomUUID();
    const customerId = crypto.randomUUID();
    const invoiceId = crypto.randomUUID();
    const businessName = `Atelier Berlin ${suffix}`;
    const email = `${input.name.toLowerCase().replace(/\W+/g, ".")}.${suffix}@example.test`;
    const number = `RE-${suffix.toUpperCase()}X`;
    await client.query(
      `insert into "Business" ("id", "name", "slug", "timeZone", "currency", "supportEmail", "fromEmail", "updatedAt")
       values ($1, $2, $3, 'Europe/Berlin', 'EUR', $4, $4, now())`,
      [businessId, businessName, `atelier-${suffix}`, `billing.${suffix}@atelier.test`],
    );
    await client.query(`insert into "Customer" ("id", "businessId", "email", "name", "updatedAt") values ($1, $2, $3, $4, now())`, [customerId, businessId, email, input.name]);
    await client.query(
      `insert into "Invoice" ("id", "businessId", "customerId", "number", "currency", "state", "issueDate", "dueDate", "sentAt", "updatedAt")
       values ($1, $2, $3, $4, 'EUR', 'ISSUED', $5, $6, now(), now())`,
      [invoiceId, businessId, customerId, number, input.issueDate, input.dueDate],
    );
    await client.query(
      `insert into "InvoiceLine" ("id", "invoiceId", "position", "description", "quantityMilli", "unitAmountCents", "amountCents") values ($1, $2, 1, 'Design work', 1000, $3, $3)`,
      [crypto.randomUUID(), invoiceId, input.amountCents],
    );
    const owner = { email: `owner.${suffix}@atelier.test`, password: `sepa-owner-${suffix}` };
    await client.query(`insert into "User" ("id", "businessId", "email", "name", "role", "passwordHash", "updatedAt") values ($1, $2, $3, 'Atelier Owner', 'OWNER', $4, now())`, [
      crypto.randomUUID(),
      businessId,
      owner.email,
      await argon2.hash(owner.password, { type: argon2.argon2id }),
    ]);
    // A portal link as the app makes them: only the token's hash is stored.
    const token = crypto.randomBytes(32).toString("base64url");
    await client.query(`insert into "PortalAccessToken" ("id", "customerId", "tokenHash", "expiresAt") values ($1, $2, $3, now() + interval '30 days')`, [
      crypto.randomUUID(),
      customerId,
      crypto.createHash("sha256").update(token).digest("hex"),
    ]);
    return { businessName, customerId, invoiceId, email, number, owner, portalPath: `/portal/access/${token}` };
  } finally {
    await client.end();
  }
}
