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

// Day arithmetic is plain integer arithmetic on days since 1970-01-01 (proleptic Gregorian, as Temporal's ISO
// calendar): every invoice on a portal page needs it, and parsing through Temporal cost ~0.3 ms a page. A unit
// property test holds these to Temporal's answers.
const ISO_PARTS = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number) {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (H. Hinnant's days_from_civil); a non-date is a RangeError. */
export function epochDay(date: string): number {
  const parts = ISO_PARTS.exec(date);
  const year = Number(parts?.[1]);
  const month = Number(parts?.[2]);
  const day = Number(parts?.[3]);
  if (!parts || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`"${date}" is not a date; expected YYYY-MM-DD`);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The date `days` days after 1970-01-01 (civil_from_days); years 0000–9999 only, as YYYY-MM-DD has four digits. */
export function fromEpochDay(days: number): CalendarDate {
  if (!Number.isSafeInteger(days)) throw new RangeError(`${days} is not a whole number of days`);
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new RangeError(`The date ${days} days from 1970-01-01 is outside the years 0000–9999`);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as CalendarDate;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(epochDay(date) + days);
}

/** Adds calendar months, keeping to the month's last day where needed (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return Temporal.PlainDate.from(date).add({ months }, { overflow: "constrain" }).toString() as CalendarDate;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return epochDay(to) - epochDay(from);
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
// Pages show the same few hundred days over and over: each formatted day is kept (at most 20,000; then it starts over).
const formattedDays = new Map<string, string>();

export function formatDate(date: CalendarDate, locale = "en-US", style: "long" | "medium" = "medium"): string {
  const key = `${locale}|${style}`;
  const dayKey = `${key}|${date}`;
  const kept = formattedDays.get(dayKey);
  if (kept !== undefined) return kept;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: "numeric", month: style === "long" ? "long" : "short", year: "numeric", timeZone: "UTC" });
    dateFormats.set(key, format);
  }
  const text = format.format(new Date(epochDay(date) * 86_400_000));
  if (formattedDays.size >= 20_000) formattedDays.clear();
  formattedDays.set(dayKey, text);
  return text;
}

/** "22 Nov 2026, 10:04 EST": an instant as a person in `timeZone` reads it. */
export function formatInstant(instant: Date, timeZone: string, locale = "en-US"): string {
  const key = `${locale}|${timeZone}|instant`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" });
    dateFormats.set(key, format);
  }
  return format.format(instant);
}
