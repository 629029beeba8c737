// The portal's SEPA Direct Debit form, validated on the server as the page validates it.
import { z } from "zod";
import { checkIban } from "./iban";

export const sepaFormSchema = z.object({
  method: z.literal("SEPA_DEBIT"),
  iban: z.string().superRefine((value, ctx) => {
    const checked = checkIban(value);
    if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.message });
  }),
  holderName: z.string().trim().min(2, "Enter the account holder's name, as the bank knows it.").max(100, "Shorten the name to 100 characters."),
  email: z.string().trim().pipe(z.email({ message: "Enter an email address like name@example.com: the debit notices go there." }).max(254, "Shorten the email address to 254 characters.")),
  mandate: z.literal("on", { message: "Tick the box to accept the SEPA Direct Debit mandate." }),
});
