import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CalendarDate } from "~/modules/dates/calendar";
import { checkOffer, isOpen, writeOffAfter } from "./settlement";

const base = { amountCents: 50_000, dueNowCents: 80_000, overdue: true, expiresOn: "2026-12-15" as CalendarDate, today: "2026-11-22" as CalendarDate, latest: "2027-02-20" as CalendarDate };

describe("settlement offers", () => {
  it("accept only less than what is owed, on an overdue invoice, open for up to 90 days", () => {
    expect(checkOffer(base)).toEqual({ ok: true });
    expect(checkOffer({ ...base, amountCents: 80_000 })).toMatchObject({ ok: false });
    expect(checkOffer({ ...base, amountCents: 0 })).toMatchObject({ ok: false });
    expect(checkOffer({ ...base, overdue: false })).toMatchObject({ ok: false });
    expect(checkOffer({ ...base, expiresOn: "2026-11-21" as CalendarDate })).toMatchObject({ ok: false });
    expect(checkOffer({ ...base, expiresOn: "2027-02-21" as CalendarDate })).toMatchObject({ ok: false });
  });
  it("are open through their whole last day", () => {
    expect(isOpen({ status: "OPEN", expiresOn: "2026-12-15" as CalendarDate }, "2026-12-15" as CalendarDate)).toBe(true);
    expect(isOpen({ status: "OPEN", expiresOn: "2026-12-15" as CalendarDate }, "2026-12-16" as CalendarDate)).toBe(false);
    expect(isOpen({ status: "ACCEPTED", expiresOn: "2026-12-15" as CalendarDate }, "2026-12-01" as CalendarDate)).toBe(false);
  });
  it("always leave a paid settlement at a zero balance, never a negative one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 ** 9 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (due, share) => {
        const offer = Math.max(1, Math.floor(due * share));
        fc.pre(checkOffer({ ...base, amountCents: offer, dueNowCents: due }).ok);
        const writeOff = writeOffAfter(due - offer);
        expect(offer + writeOff).toBe(due);
        expect(writeOff).toBeGreaterThan(0);
        expect(writeOffAfter(-5)).toBe(0);
      }),
    );
  });
});
