import { earlyPaySentence, type EarlyPayOffer } from "~/modules/discounts/early-pay";
import { formatDate } from "~/modules/dates/calendar";

/** "Pay $980.00 by December 1, 2026 and save $20.00": the early-pay discount, with its last day. */
export function EarlyPayNote({ offer, money }: { offer: EarlyPayOffer | null | undefined; money: (cents: number) => string }) {
  if (!offer) return null;
  return (
    <p className="mt-1 text-sm font-medium text-emerald-700" data-testid="early-pay">
      {earlyPaySentence(offer, money, (d) => formatDate(d, "en-US", "long"))}
    </p>
  );
}
