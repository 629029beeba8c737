// Settlement offers: for an old overdue balance, the owner accepts less. Pure rules.
import type { CalendarDate } from "~/modules/dates/calendar";
import type { Cents } from "~/modules/money/money";

export type OfferCheck = { ok: true } | { ok: false; error: string };

export function checkOffer(input: { amountCents: Cents; dueNowCents: Cents; overdue: boolean; expiresOn: CalendarDate; today: CalendarDate; latest: CalendarDate }): OfferCheck {
  if (!input.overdue) return { ok: false, error: "Settlement offers are for overdue invoices." };
  if (input.amountCents <= 0) return { ok: false, error: "Offer an amount greater than zero." };
  if (input.amountCents >= input.dueNowCents) return { ok: false, error: "A settlement is for less than what is owed: offer less than the balance." };
  if (input.expiresOn < input.today) return { ok: false, error: "The last day cannot be in the past." };
  if (input.expiresOn > input.latest) return { ok: false, error: "Keep the offer open for at most 90 days." };
  return { ok: true };
}

/** What a paid settlement writes off: the rest of the balance, never negative. */
export function writeOffAfter(balanceAfterPaymentCents: Cents): Cents {
  return Math.max(0, balanceAfterPaymentCents);
}

export function isOpen(offer: { status: string; expiresOn: CalendarDate }, today: CalendarDate) {
  return offer.status === "OPEN" && today <= offer.expiresOn;
}
