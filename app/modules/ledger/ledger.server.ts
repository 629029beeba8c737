// Runs the ledger invariant against the app's database (issue 18): for a test, a support check, or an operator.
import { now } from "~/utils/clock.server";
import { dateInZone } from "~/modules/dates/calendar";
import { db } from "~/utils/db.server";
import { checkLedger, LEDGER_BREACHES_SQL, LEDGER_INVOICES_SQL, type LedgerReport, type LedgerRow } from "./ledger";

export async function verifyLedger(businessId: string | null = null): Promise<LedgerReport> {
  const [rows, breaches] = await Promise.all([db.$queryRawUnsafe<LedgerRow[]>(LEDGER_INVOICES_SQL, businessId), db.$queryRawUnsafe<{ problem: string }[]>(LEDGER_BREACHES_SQL, businessId)]);
  // The balance does not depend on the day (only the status does): any day will do.
  return checkLedger(rows, breaches, dateInZone(now(), "UTC"));
}
