// The simulator's card and bank forms, validated like Stripe's Payment Element validates them.
import { z } from "zod";
import { luhnValid } from "./simulator-outcomes";

const digits = (v: string) => v.replace(/[\s-]/g, "");

export function simulatorFormSchema(todayIso: string) {
  const [year, month] = todayIso.split("-").map(Number) as [number, number];
  const card = z.object({
    method: z.literal("CARD"),
    cardNumber: z
      .string()
      .transform(digits)
      .refine((v) => /^\d{12,19}$/.test(v), "Enter the card number: 12 to 19 digits.")
      .refine((v) => luhnValid(v), "That card number is not valid. Check it for typos."),
    expiry: z
      .string()
      .trim()
      .regex(/^(0[1-9]|1[0-2])\s*\/\s*(\d{2})$/, "Enter the expiry date as MM / YY.")
      .transform((v) => {
        const [m, y] = v.split("/").map((p) => Number(p.trim())) as [number, number];
        return { expMonth: m, expYear: 2000 + y };
      })
      .refine((e) => e.expYear > year || (e.expYear === year && e.expMonth >= month), "This card has expired."),
    cvc: z.string().trim().regex(/^\d{3,4}$/, "Enter the 3 or 4 digit security code."),
    cardName: z.string().trim().max(100).optional(),
  });
  const bank = z.object({
    method: z.literal("US_BANK_ACCOUNT"),
    holderName: z.string().trim().min(2, "Enter the account holder's name."),
    routingNumber: z.string().transform(digits).refine((v) => /^\d{9}$/.test(v), "A routing number has 9 digits."),
    accountNumber: z.string().transform(digits).refine((v) => /^\d{4,17}$/.test(v), "An account number has 4 to 17 digits."),
    mandate: z.literal("on", { message: "Tick the box to authorise the debit." }),
  });
  return z.discriminatedUnion("method", [card, bank]);
}
