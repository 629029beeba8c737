// The simulator's card and bank forms, validated like Stripe's Payment Element validates them. Messages are catalog
// keys (checkout.*): the page says them in its language.
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
      .refine((v) => /^\d{12,19}$/.test(v), "checkout.card.number")
      .refine((v) => luhnValid(v), "checkout.card.luhn"),
    expiry: z
      .string()
      .trim()
      .regex(/^(0[1-9]|1[0-2])\s*\/\s*(\d{2})$/, "checkout.card.expiry")
      .transform((v) => {
        const [m, y] = v.split("/").map((p) => Number(p.trim())) as [number, number];
        return { expMonth: m, expYear: 2000 + y };
      })
      .refine((e) => e.expYear > year || (e.expYear === year && e.expMonth >= month), "checkout.card.expired"),
    cvc: z.string().trim().regex(/^\d{3,4}$/, "checkout.card.cvc"),
    cardName: z.string().trim().max(100).optional(),
  });
  const bank = z.object({
    method: z.literal("US_BANK_ACCOUNT"),
    holderName: z.string().trim().min(2, "checkout.bank.holder"),
    routingNumber: z.string().transform(digits).refine((v) => /^\d{9}$/.test(v), "checkout.bank.routing"),
    accountNumber: z.string().transform(digits).refine((v) => /^\d{4,17}$/.test(v), "checkout.bank.account"),
    mandate: z.literal("on", { message: "checkout.bank.mandate" }),
  });
  return z.discriminatedUnion("method", [card, bank]);
}
