// What the owner types about a customer, and what they write after a call: each validated with messages
// that say what to fix.
import { z } from "zod";
import { isTimeZone } from "~/modules/dates/calendar";
import { bestLocale, LOCALES, type Locale } from "~/modules/i18n/locales";
import { SUPPORTED_CURRENCIES, type SupportedCurrency } from "~/modules/money/money";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : null));

export const CustomerForm = z.object({
  name: z.string().trim().min(1, "Enter the customer's name.").max(200, "The name can be at most 200 characters."),
  companyName: optionalText(200, "The company name"),
  email: z
    .string()
    .trim()
    .min(1, "Enter the email address invoices go to.")
    .max(254, "The email address can be at most 254 characters.")
    .email("Enter an email address like name@example.com.")
    .transform((v) => v.toLowerCase()),
  phone: optionalText(40, "The phone number").refine((v) => v === null || /^\+?[\d\s().-]{5,}$/.test(v), "Enter a phone number with digits, spaces, +, ( ) or - only."),
  timeZone: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isTimeZone(v), "Choose a time zone from the list, like America/Chicago.")
    .transform((v) => (v ? v : null)),
  // Empty: the business's currency / language (decision 033, decision 031).
  currency: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.toUpperCase() : ""))
    .refine((v) => v === "" || (SUPPORTED_CURRENCIES as readonly string[]).includes(v), `Choose a currency from the list: ${SUPPORTED_CURRENCIES.join(", ")}, or leave it empty for the business's.`)
    .transform((v) => (v ? (v as SupportedCurrency) : null)),
  language: z
    .string()
    .trim()
    .optional()
    .transform((v) => languageCode(v ?? ""))
    .refine((v) => v !== undefined, `Choose a language from the list: ${LOCALES.join(", ")}, or leave it empty for the business's.`)
    .transform((v) => v ?? null),
  emailOptOut: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});
export type CustomerInput = z.infer<typeof CustomerForm>;

/**
 * A language as typed, matched like a browser's ("de", "DE", "de-DE", "de_AT" → "de"; "zh-TW", Traditional, matches
 * nothing); "" is null (the business's); anything we do not offer is undefined.
 */
export function languageCode(typed: string): Locale | null | undefined {
  const value = typed.trim();
  if (value === "") return null;
  if (value.length > 35) return undefined;
  return bestLocale([value.replaceAll("_", "-")]) ?? undefined;
}

export const CALL_OUTCOMES = {
  promised: "Promised to pay",
  no_answer: "No answer",
  disputed: "Disputed",
  other: "Other",
} as const;
export type CallOutcome = keyof typeof CALL_OUTCOMES;

export const CallNoteForm = z.object({
  body: z.string().trim().min(3, "Write at least 3 characters about the call.").max(2000, "A call note can be at most 2000 characters."),
  outcome: z
    .enum(["", ...(Object.keys(CALL_OUTCOMES) as CallOutcome[])], { error: "Choose an outcome from the list." })
    .optional()
    .transform((v): CallOutcome | null => (v ? v : null)),
});
export type CallNoteInput = z.infer<typeof CallNoteForm>;

/** The IANA time zones this runtime knows, for the time-zone picker (sent from the server so the list matches). */
export function timeZoneChoices(): string[] {
  return Intl.supportedValuesOf("timeZone");
}
