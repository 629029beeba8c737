// Importing customers from a CSV file: every row checked (the file's rules, then addresses already in the book),
// and nothing written unless every row is good, in one transaction.
import { Prisma } from "~/generated/prisma/client";
import type { ImportError } from "~/modules/invoices/csv";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { planCustomerImport } from "./csv";

export type CustomerImportResult = { ok: true; count: number; names: string[] } | { ok: false; errors: ImportError[]; rowCount: number };

export async function importCustomers(businessId: string, userId: string, text: string, fileName: string): Promise<CustomerImportResult> {
  const plan = planCustomerImport(text);
  const references = plan.ok ? plan.customers.map(({ row, email }) => ({ row, email })) : plan.emails;
  const check = async (client: Prisma.TransactionClient) => {
    const existing = await client.customer.findMany({
      where: { businessId, email: { in: references.map((r) => r.email), mode: "insensitive" } },
      select: { email: true, name: true, archivedAt: true },
    });
    const byEmail = new Map(existing.map((c) => [c.email.toLowerCase(), c]));
    return references.flatMap(({ row, email }): ImportError[] => {
      const found = byEmail.get(email);
      if (!found) return [];
      const archived = found.archivedAt ? " (archived; restore them from their page)" : "";
      return [{ row, column: "email", value: email, message: `${found.name}${archived} is already a customer with this address. Leave the row out, or change the customer on their page.` }];
    });
  };
  const merge = (a: ImportError[], b: ImportError[]) => [...a, ...b].sort((x, y) => x.row - y.row);

  const duplicates = await check(db);
  if (!plan.ok || duplicates.length > 0) return { ok: false, errors: merge(plan.ok ? [] : plan.errors, duplicates), rowCount: plan.rowCount };
  try {
    return await db.$transaction(
      async (tx) => {
        const again = await check(tx);
        if (again.length > 0) return { ok: false as const, errors: again, rowCount: plan.rowCount };
        const at = now();
        const created = await tx.customer.createManyAndReturn({
          data: plan.customers.map(({ row: _row, ...input }) => ({ businessId, ...input })),
          select: { id: true, name: true, email: true },
        });
        await tx.activityEvent.createMany({
          data: created.map((c) => ({ businessId, customerId: c.id, actor: "OWNER" as const, actorUserId: userId, type: "customer.imported", summary: `Customer added from ${fileName.slice(0, 100) || "a CSV file"}: ${c.name} <${c.email}>`, data: {}, occurredAt: at })),
        });
        return { ok: true as const, count: created.length, names: created.map((c) => c.name) };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // Someone added one of these addresses between the check and the insert: report it like any other duplicate.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const late = await check(db);
      if (late.length > 0) return { ok: false, errors: late, rowCount: plan.rowCount };
    }
    throw error;
  }
}
