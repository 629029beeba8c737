// The portal's SEPA Direct Debit form, validated on the server as the page validates it. Messages are catalog keys
// (the page says them in its language) and the IBAN's refusal is put in words by `say` (English when not given).
import { z } from "zod";
import type { Refusal } from "~/modules/i18n/refusal";
import { checkIban } from "./iban";

export function sepaFormSchemaFor(say?: (refusal: Refusal) => string) {
  return z.object({
    method: z.literal("SEPA_DEBIT"),
    iban: z.string().superRefine((value, ctx) => {
      const checked = checkIban(value);
      if (!checked.ok) ctx.addIssue({ code: "custom", message: say ? say(checked.refusal) : checked.message });
    }),
    holderName: z.string().trim().min(2, "sepa.error.holderName").max(100, "sepa.error.holderNameLong"),
    email: z.string().trim().pipe(z.email({ message: "sepa.error.email" }).max(254, "sepa.error.emailLong")),
    mandate: z.literal("on", { message: "sepa.error.mandate" }),
  });
}

export const sepaFormSchema = sepaFormSchemaFor();
