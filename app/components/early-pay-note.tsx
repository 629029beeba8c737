import { formatDate, type CalendarDate } from "~/modules/dates/calendar";

type Offer = { deadline: string; discountCents: number; payCents: number; achOnly: boolean } | null | undefined;

/** "Pay $980.00 by December 1, 2026 and save $20.00": the early-pay discount, with its last day. */
export function EarlyPayNote({ offer, money }: { offer: Offer; money: (cents: number) => string }) {
  if (!offer) return null;
  return (
    <p className="mt-1 text-sm font-medium text-emerald-700" data-testid="early-pay">
      Pay {money(offer.payCents)} by {formatDate(offer.deadline as CalendarDate, "en-US", "long")}
      {offer.achOnly ? " by bank account" : ""} and save {money(offer.discountCents)}
    </p>
  );
}
