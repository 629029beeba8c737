import { earlyPaySentence, type EarlyPayOffer } from "~/modules/discounts/early-pay";
import { formatDate } from "~/modules/dates/calendar";
import { useOptionalT } from "./i18n";

/** "Pay $980.00 by December 1, 2026 and save $20.00": the early-pay discount, with its last day. */
export function EarlyPayNote({ offer, money }: { offer: EarlyPayOffer | null | undefined; money: (cents: number) => string }) {
  const i18n = useOptionalT();
  if (!offer) return null;
  const text = i18n
    ? i18n.t(offer.achOnly ? "offer.earlyPayBank" : "offer.earlyPay", { pay: money(offer.payCents), deadline: i18n.date(offer.deadline, "long"), saving: money(offer.discountCents) })
    : earlyPaySentence(offer, money, (d) => formatDate(d, "en-US", "long"));
  return (
    <p className="mt-1 text-sm font-medium text-emerald-700" data-testid="early-pay">
      {text}
    </p>
  );
}
