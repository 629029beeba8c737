// The money and words of a plan, shared by the server and the page that previews the schedule.
import { formatDate } from "~/modules/dates/calendar";
import { formatMoney } from "~/modules/money/money";
import { quoteMethod, type MethodPricing, type OnlineMethod } from "~/modules/payments/pricing";
import type { Schedule } from "./schedule";

/** What an instalment charges with a method: its share of the balance priced for the method, plus its fee share. */
export function instalmentCharge(instalment: { amountCents: number; feeCents: number }, method: OnlineMethod, pricing: MethodPricing) {
  const principalCents = instalment.amountCents - instalment.feeCents;
  const quote = quoteMethod(principalCents, method, pricing);
  return { principalCents, adjustmentCents: quote.adjustmentCents, feeCents: instalment.feeCents, totalCents: quote.totalCents + instalment.feeCents };
}

export function termsTextFor(input: { businessName: string; schedule: Schedule; method: OnlineMethod; currency: string; pricing: MethodPricing }) {
  const money = (c: number) => formatMoney(c, input.currency);
  const charges = input.schedule.instalments.map((i) => `${money(instalmentCharge(i, input.method, input.pricing).totalCents)} on ${formatDate(i.dueDate, "en-US", "long")}`);
  const what = input.method === "CARD" ? "the card" : "the bank account";
  // A SEPA debit's own mandate (accepted with instalment 1) carries the right to a refund within 8 weeks.
  const revoke = input.method === "US_BANK_ACCOUNT"
    ? ", and revoke this debit authorisation by telling " + input.businessName + " at least 3 business days before a debit"
    : input.method === "SEPA_DEBIT"
      ? ", and revoke the SEPA Direct Debit mandate I give with instalment 1 by telling " + input.businessName + " before a debit"
      : "";
  return (
    `I authorise ${input.businessName} to charge ${what} I use for my first payment ${charges.join(", ")}` +
    `${input.schedule.feeCents > 0 ? `, which includes a plan fee of ${money(input.schedule.feeCents)}` : ""}. ` +
    `Instalment 1 is paid today; the plan starts only when it goes through. If a later charge fails it is retried; if it still fails, the plan ends and the rest is due at once. ` +
    `I can pay the rest early or change ${what} at any time${revoke}.`
  );
}

