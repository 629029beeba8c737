// The money and words of a plan, shared by the server and the page that previews the schedule.
import type { Translator } from "~/modules/i18n/formatter";
import { quoteMethod, type MethodPricing, type OnlineMethod } from "~/modules/payments/pricing";
import type { Schedule } from "./schedule";

/** What an instalment charges with a method: its share of the balance priced for the method, plus its fee share. */
export function instalmentCharge(instalment: { amountCents: number; feeCents: number }, method: OnlineMethod, pricing: MethodPricing) {
  const principalCents = instalment.amountCents - instalment.feeCents;
  const quote = quoteMethod(principalCents, method, pricing);
  return { principalCents, adjustmentCents: quote.adjustmentCents, feeCents: instalment.feeCents, totalCents: quote.totalCents + instalment.feeCents };
}

/** The terms a customer agrees to, in their language: stored with the plan as they read them. */
export function termsTextFor(input: { businessName: string; schedule: Schedule; method: OnlineMethod; currency: string; pricing: MethodPricing }, tr: Translator) {
  const charges = input.schedule.instalments.map((i) => tr.t("plan.terms.charge", { amount: tr.money(instalmentCharge(i, input.method, input.pricing).totalCents, input.currency), date: tr.date(i.dueDate, "long") }));
  const list = new Intl.ListFormat(tr.tag, { type: "conjunction" }).format(charges);
  const fee = input.schedule.feeCents > 0;
  // A SEPA debit's own mandate (accepted with instalment 1) carries the right to a refund within 8 weeks.
  const key =
    input.method === "CARD"
      ? fee ? "plan.terms.cardFee" : "plan.terms.card"
      : input.method === "SEPA_DEBIT"
        ? fee ? "plan.terms.sepaFee" : "plan.terms.sepa"
        : fee ? "plan.terms.bankFee" : "plan.terms.bank";
  return tr.t(key, { business: input.businessName, charges: list, fee: tr.money(input.schedule.feeCents, input.currency) });
}
