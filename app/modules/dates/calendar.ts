// A calendar date ("due on 1 December") is a plain date in the business's time zone, written
// YYYY-MM-DD. Instants are Date objects. Temporal does the time-zone and month-end arithmetic.
import { Temporal } from "temporal-polyfill";

export type CalendarDate = string & { readonly __calendarDate: unique symbol };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): value is CalendarDate {
  if (!ISO_DATE.test(value)) return false;
  try {
    return Temporal.PlainDate.from(value, { overflow: "reject" }).toString() === value;
  } catch {
    return false;
  }
}

export function calendarDate(value: string): CalendarDate {
  if (!isCalendarDate(value)) throw new RangeError(`"${value}" is not a date; expected YYYY-MM-DD`);
  return value;
}

export function isTimeZone(zone: string) {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date an instant falls on in a time zone. */
export function dateInZone(instant: Date, timeZone: string): CalendarDate {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString() as CalendarDate;
}

/** The hour (0-23) of an instant in a time zone. */
export function hourInZone(instant: Date, timeZone: string): number {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).hour;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return Temporal.PlainDate.from(date).add({ days }).toString() as CalendarDate;
}

/** Adds calendar months, keeping to the month's last day where needed (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return Temporal.PlainDate.from(date).add({ months }, { overflow: "constrain" }).toString() as CalendarDate;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: "days" }).days;
}

/** The first instant of a calendar day in a time zone (midnight, or later on a DST gap day). */
export function startOfDay(date: CalendarDate, timeZone: string): Date {
  return new Date(Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds);
}

/** The first instant after a calendar day ends: "the whole last day counts" deadlines compare against this. */
export function endOfDayExclusive(date: CalendarDate, timeZone: string): Date {
  return startOfDay(addDays(date, 1), timeZone);
}

/** Prisma returns @db.Date columns as Dates at UTC midnight; these two convert at that boundary. */
export function fromDbDate(value: Date): CalendarDate {
  return value.toISOString().slice(0, 10) as CalendarDate;
}
export function toDbDate(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

// Creating a date formatter costs more than formatting with it (a page formats hundreds of dates): one per key.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(date: CalendarDate, locale = "en-US", style: "long" | "medium" = "medium"): string {
  const key = `${locale}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: "numeric", month: style === "long" ? "long" : "short", year: "numeric", timeZone: "UTC" });
    dateFormats.set(key, format);
  }
  return format.format(new Date(`${Temporal.PlainDate.from(date).toString()}T00:00:00Z`));
}

/** "22 Nov 2026, 10:04 EST": an instant as a person in `timeZone` reads it. */
export function formatInstant(instant: Date, timeZone: string, locale = "en-US"): string {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(instant);
}
