import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  calendarDate,
  dateInZone,
  daysBetween,
  endOfDayExclusive,
  epochDay,
  fromEpochDay,
  formatDate,
  fromDbDate,
  hourInZone,
  isCalendarDate,
  isTimeZone,
  startOfDay,
  toDbDate,
  type CalendarDate,
} from "./calendar";

const d = (s: string) => calendarDate(s);

describe("calendar dates", () => {
  it("accepts real dates only", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-29", "2026-02-30", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", ""]) expect(isCalendarDate(bad)).toBe(false);
    expect(() => calendarDate("2026-02-30")).toThrow(/YYYY-MM-DD/);
  });
  it("adds months keeping to the month's last day", () => {
    expect(addMonths(d("2026-01-31"), 1)).toBe("2026-02-28");
    expect(addMonths(d("2028-01-31"), 1)).toBe("2028-02-29");
    expect(addMonths(d("2026-01-31"), 2)).toBe("2026-03-31");
    expect(addMonths(d("2026-12-15"), 1)).toBe("2027-01-15");
  });
  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays(d("2026-12-31"), 1)).toBe("2027-01-01");
    expect(addDays(d("2028-02-28"), 1)).toBe("2028-02-29");
    expect(addDays(d("2026-03-01"), -1)).toBe("2026-02-28");
  });
  it("counts days between dates, and adding them back returns the start", () => {
    expect(daysBetween(d("2026-11-02"), d("2026-11-22"))).toBe(20);
    expect(daysBetween(d("2026-11-22"), d("2026-11-02"))).toBe(-20);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: -3_000, max: 3_000 }), (offset, days) => {
        const start = addDays(d("1990-01-01"), offset);
        expect(daysBetween(start, addDays(start, days))).toBe(days);
      }),
    );
  });
  it("does day arithmetic exactly as Temporal's ISO calendar, over the years 0001–9998", () => {
    const epoch = Temporal.PlainDate.from("1970-01-01");
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_530 }), fc.integer({ min: -40_000, max: 40_000 }), (n, days) => {
        const expected = epoch.add({ days: n });
        const date = fromEpochDay(n);
        expect(date).toBe(expected.toString());
        expect(epochDay(date)).toBe(n);
        const later = expected.add({ days });
        if (later.year >= 1 && later.year <= 9998) {
          expect(addDays(date, days)).toBe(later.toString());
          expect(daysBetween(date, later.toString() as CalendarDate)).toBe(days);
        }
      }),
      { numRuns: 2000 },
    );
    for (const [date, n] of [["1970-01-01", 0], ["2000-03-01", 11_017], ["1900-03-01", -25_508], ["0000-03-01", -719_468], ["9999-12-31", 2_932_896]] as const) {
      expect(epochDay(date)).toBe(n);
      expect(fromEpochDay(n)).toBe(date);
    }
  });
  it("refuses non-dates in day arithmetic, and dates past 9999", () => {
    for (const bad of ["2026-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-01", "2026-01-01T00:00", ""]) {
      expect(() => addDays(bad as CalendarDate, 1)).toThrow(RangeError);
      expect(() => formatDate(bad as CalendarDate)).toThrow(/YYYY-MM-DD/);
    }
    expect(() => addDays(d("9999-12-31"), 1)).toThrow(/0000–9999/);
    expect(() => fromEpochDay(1.5)).toThrow(/whole number/);
  });
  it("round-trips through Prisma's @db.Date values", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (offset) => {
        const date = addDays(d("1970-01-01"), offset);
        expect(fromDbDate(toDbDate(date))).toBe(date);
      }),
    );
  });
  it("formats dates for people", () => {
    expect(formatDate(d("2026-12-01"))).toBe("Dec 1, 2026");
    expect(formatDate(d("2026-12-01"), "en-US", "long")).toBe("December 1, 2026");
  });
});

describe("time zones", () => {
  it("knows real zones", () => {
    expect(isTimeZone("America/New_York")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
  it("puts one instant on different days in different zones", () => {
    const instant = new Date("2026-11-22T03:30:00Z");
    expect(dateInZone(instant, "UTC")).toBe("2026-11-22");
    expect(dateInZone(instant, "America/New_York")).toBe("2026-11-21");
    expect(dateInZone(instant, "Pacific/Auckland")).toBe("2026-11-22");
    expect(dateInZone(new Date("2026-11-22T11:00:00Z"), "Pacific/Kiritimati")).toBe("2026-11-23");
    expect(hourInZone(instant, "America/New_York")).toBe(22);
  });
  it("starts and ends days correctly across daylight-saving changes", () => {
    // 8 March 2026: New York skips 02:00-03:00, so the day is 23 hours long.
    const start = startOfDay(d("2026-03-08"), "America/New_York");
    expect(start.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(endOfDayExclusive(d("2026-03-08"), "America/New_York").getTime() - start.getTime()).toBe(23 * 3600_000);
    // 1 November 2026: the clock goes back, the day is 25 hours long.
    const fall = startOfDay(d("2026-11-01"), "America/New_York");
    expect(endOfDayExclusive(d("2026-11-01"), "America/New_York").getTime() - fall.getTime()).toBe(25 * 3600_000);
  });
  it("agrees with itself: an instant falls inside the day it is on", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }), fc.constantFrom("America/New_York", "Europe/London", "Asia/Kolkata", "Pacific/Auckland", "America/St_Johns"), (instant, zone) => {
        const day = dateInZone(instant, zone) as CalendarDate;
        expect(startOfDay(day, zone).getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(endOfDayExclusive(day, zone).getTime()).toBeGreaterThan(instant.getTime());
      }),
    );
  });
});
