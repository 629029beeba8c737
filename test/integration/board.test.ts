import { afterEach, describe, expect, it } from "vitest";
import { addDays, type CalendarDate } from "../../app/modules/dates/calendar";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { DEFAULT_TIERS } from "../../app/modules/reminders/default-tiers";
import { runReminders } from "../../app/modules/reminders/engine.server";
import { tierBoard } from "../../app/modules/reminders/board.server";
import { makePromise } from "../../app/modules/reminders/promises.server";
import { setClockOffset } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice } from "../fixtures/factories";

/** 10:00 in New York. */
const at = (day: string) => new Date(`${day}T15:00:00Z`);

afterEach(async () => {
  await setClockOffset(0);
  await stopBoss();
});

async function world() {
  const business = await createBusiness();
  await db.reminderTier.createMany({ data: DEFAULT_TIERS.map((t) => ({ ...t, businessId: business.id })) });
  const ada = await createCustomer(business.id, { name: "Ada" });
  const alan = await createCustomer(business.id, { name: "Alan" });
  // Due on 1 November: on 11 November Ada's invoice is 10 days late (the firm tier's day), Alan's 5 (gentle).
  const adaInvoice = await createInvoice(business.id, ada.id, { amountCents: 12_345, issueDate: "2026-10-02" as CalendarDate, dueInDays: 30 });
  const alanInvoice = await createInvoice(business.id, alan.id, { amountCents: 50_000, issueDate: addDays("2026-10-02" as CalendarDate, 5), dueInDays: 30 });
  return { business, ada, alan, adaInvoice, alanInvoice };
}

const cardOf = (board: Awaited<ReturnType<typeof tierBoard>>, invoiceId: string) => {
  for (const col of board.columns) {
    const card = col.cards.find((c) => c.invoiceId === invoiceId);
    if (card) return { tier: col.tier.kind, ...card };
  }
  return null;
};

describe("the tier board", () => {
  it("groups invoices by the tier they have reached, with last contact, next action and date, and badges", async () => {
    const w = await world();
    let board = await tierBoard(w.business.id, at("2026-11-11"));
    expect(cardOf(board, w.adaInvoice.id)).toMatchObject({ tier: "FIRM", amountCents: 12_345, daysOverdue: 10, lastContact: null, next: { action: "Send Firm reminder", on: "2026-11-11" }, badges: [] });
    expect(cardOf(board, w.alanInvoice.id)).toMatchObject({ tier: "GENTLE", daysOverdue: 5, next: { action: "Send Gentle reminder", on: "2026-11-11" } });

    await runReminders({ businessId: w.business.id, at: at("2026-11-11") });
    board = await tierBoard(w.business.id, at("2026-11-12"));
    // Firm sent on the 11th: the final notice is due on the 22nd (due + 21), after the 7-day gap.
    expect(cardOf(board, w.adaInvoice.id)).toMatchObject({ tier: "FIRM", lastContact: { tier: "Firm reminder", on: "2026-11-11" }, next: { action: "Send Final notice", on: "2026-11-22" } });

    await setClockOffset(at("2026-11-12").getTime() - Date.now());
    await makePromise(w.alan.id, [w.alanInvoice.id], "2026-11-20");
    board = await tierBoard(w.business.id, at("2026-11-12"), { badge: "promise" });
    expect(cardOf(board, w.alanInvoice.id)).toMatchObject({ badges: ["promise"], next: { action: "Held: promised to pay", on: null } });
    expect(cardOf(board, w.adaInvoice.id)).toBeNull();
    expect(cardOf(await tierBoard(w.business.id, at("2026-11-12"), { q: w.adaInvoice.number.toLowerCase() }), w.adaInvoice.id)).not.toBeNull();
  });

  it("sends the next tier early on request, never inside the gap between emails, and only for the chosen invoices", async () => {
    const w = await world();
    await runReminders({ businessId: w.business.id, at: at("2026-11-11") });
    // Three days later the gap (7 days) still holds Ada's next reminder back.
    let result = await runReminders({ businessId: w.business.id, at: at("2026-11-14"), advance: [w.adaInvoice.id] });
    expect(result).toMatchObject({ customersEmailed: 0, skipped: 1 });
    // After the gap, the final notice goes out before its day (the 22nd), and only to the chosen invoice.
    result = await runReminders({ businessId: w.business.id, at: at("2026-11-18"), advance: [w.adaInvoice.id] });
    expect(result).toMatchObject({ customersEmailed: 1, invoicesReminded: 1 });
    const tiers = await db.reminderItem.findMany({ where: { invoiceId: w.adaInvoice.id }, include: { tier: true } });
    expect(tiers.map((t) => t.tier.kind).sort()).toEqual(["FINAL", "FIRM"]);
    expect(await db.reminderItem.count({ where: { invoiceId: w.alanInvoice.id } })).toBe(1);
  });

  it("leaves an archived customer's invoices off the board and out of the reminders", async () => {
    const w = await world();
    await db.customer.update({ where: { id: w.ada.id }, data: { archivedAt: new Date() } });
    expect(cardOf(await tierBoard(w.business.id, at("2026-11-11")), w.adaInvoice.id)).toBeNull();
    await runReminders({ businessId: w.business.id, at: at("2026-11-11") });
    expect(await db.reminderItem.count({ where: { invoiceId: w.adaInvoice.id } })).toBe(0);
    expect(await db.reminderItem.count({ where: { invoiceId: w.alanInvoice.id } })).toBe(1);
  });
});
