// The form for money received outside the portal (cheque, bank transfer, other): shared by the page and the module.
import { z } from "zod";
import { isCalendarDate } from "~/modules/dates/calendar";
import { METHOD_LABELS } from "~/modules/payments/pricing";

export const OFFLINE_METHODS = ["CHECK", "BANK_TRANSFER", "OTHER"] as const;
export type OfflineMethod = (typeof OFFLINE_METHODS)[number];

export const OfflinePaymentForm = z
  .object({
    amount: z.string().trim().min(1, "Enter the amount received."),
    method: z.enum(OFFLINE_METHODS, "Choose how the money came in."),
    receivedOn: z.string().trim().refine(isCalendarDate, "Enter the day the money came in (YYYY-MM-DD)."),
    reference: z.string().trim().max(100, "Shorten the reference to at most 100 characters.").optional().default(""),
    submissionKey: z.string().trim().min(8, "Reload the page and submit the form again.").max(100),
  })
  .refine((v) => v.method !== "CHECK" || v.reference.length > 0, { path: ["reference"], message: "Enter the cheque number." });
export type OfflinePaymentInput = z.input<typeof OfflinePaymentForm>;

export function methodDetails(method: OfflineMethod, reference: string) {
  if (method === "CHECK") return `Cheque no. ${reference}`;
  return reference ? `${METHOD_LABELS[method]} (ref. ${reference})` : (METHOD_LABELS[method] ?? method);
}
