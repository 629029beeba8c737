// A form's money amount, checked at the boundary: a positive amount in the currency's minor units, parsed without
// rounding, with the caller's own limit. Each field checks itself, so that every mistake in a form is reported at once.
import { z } from "zod";
import { MoneyError, parseMoney, type Cents } from "./money";

/** `limit` returns the message for an amount that is too much, or null when it is fine. */
export function amountField(currency: string, emptyMessage: string, limit: (cents: Cents) => string | null) {
  return z
    .string({ message: emptyMessage })
    .trim()
    .min(1, emptyMessage)
    .transform((value, ctx) => {
      let cents: Cents;
      try {
        cents = parseMoney(value, currency);
      } catch (error) {
        if (!(error instanceof MoneyError)) throw error;
        ctx.addIssue({ code: "custom", message: error.message });
        return z.NEVER;
      }
      const tooMuch = cents > 0 ? limit(cents) : "Enter an amount more than 0.";
      if (tooMuch) ctx.addIssue({ code: "custom", message: tooMuch });
      return cents;
    });
}
