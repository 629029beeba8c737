// zod fields shared by the owner's settings forms: an optional amount typed as text (integer cents, never
// rounded) and percentages kept as basis points. Each message starts with the field's label.
import { z } from "zod";
import { MoneyError, parseMoney } from "~/modules/money/money";

/** "" is 0; "12.50" is 1250 cents; a negative amount or more decimals than the currency has is an error. */
export function optionalAmountField(label: string, messages: { negative?: string; fallback?: string } = {}, currency = "USD") {
  return z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") return 0;
      try {
        const cents = parseMoney(v, currency);
        if (cents < 0) throw new MoneyError(messages.negative ?? "enter zero or more");
        return cents;
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `${label}: ${error instanceof Error ? error.message : (messages.fallback ?? "enter an amount such as 25.00")}` });
        return z.NEVER;
      }
    });
}

/** A percentage from 0 to 100 with at most two decimals, as basis points ("2.5" is 250); "" is 0. */
export function percentField(label: string) {
  return z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") return 0;
      if (!/^\d{1,3}(\.\d{1,2})?$/.test(v) || Number(v) > 100) {
        ctx.addIssue({ code: "custom", message: `${label}: enter a percentage between 0 and 100, at most two decimals.` });
        return z.NEVER;
      }
      return Math.round(Number(v) * 100);
    });
}

/** A percentage from 0 to maxBps / 100 with at most two decimals, as basis points; "" is 0. */
export function cappedPercentField(label: string, maxBps: number) {
  return z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") return 0;
      if (!/^\d{1,2}(\.\d{1,2})?$/.test(v) || Number(v) * 100 > maxBps) {
        ctx.addIssue({ code: "custom", message: `${label}: enter a percentage from 0 to ${maxBps / 100}, at most two decimals.` });
        return z.NEVER;
      }
      return Math.round(Number(v) * 100);
    });
}
