// Fresh customers for specs that need an account of their own (the demo's are shared by other specs):
// written straight into the e2e app's database, as an owner's import would.
import crypto from "node:crypto";
import pg from "pg";

const url = `postgresql://postgres:postgres@127.0.0.1:${Number(process.env.E2E_PG_PORT ?? 54349)}/duely`;

/** A customer of the demo business with one issued invoice for `amountCents`, due on `dueDate` (YYYY-MM-DD). */
export async function createCustomerWithInvoice(input: { name: string; amountCents: number; issueDate: string; dueDate: string }) {
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
    await client.query(`insert into "Customer" ("id", "businessId", "email", "name", "updatedAt") values ($1, $2, $3, $4, now())`, [customerId, businessId, email, input.name]);
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
