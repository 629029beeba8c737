// How a payment method reads to a customer, in their language: "Visa ending 4242", "Visa terminée par 4242".
// Brand and bank names are proper names and stay as they are; the words around them are the catalog's.
import type { Translator } from "~/modules/i18n/formatter";
import type { MessageKey } from "~/modules/i18n/messages/en";
import { BRAND_NAMES } from "./simulator-outcomes";

export type SavedMethodParts = { type: string; brand: string | null; last4: string; bankName: string | null };

export function savedMethodParts(pm: SavedMethodParts | null): SavedMethodParts | null {
  return pm ? { type: pm.type, brand: pm.brand, last4: pm.last4, bankName: pm.bankName } : null;
}

export function savedMethodText(t: Translator["t"], pm: SavedMethodParts | null): string {
  if (!pm) return t("method.saved");
  if (pm.type === "CARD") {
    const brand = BRAND_NAMES[pm.brand ?? "unknown"] ?? pm.brand;
    return brand ? t("method.namedEnding", { name: brand, last4: pm.last4 }) : t("method.cardEnding", { last4: pm.last4 });
  }
  if (pm.type === "SEPA_DEBIT") return t("method.namedEnding", { name: t("method.SEPA_DEBIT"), last4: pm.last4 });
  return pm.bankName ? t("method.namedEnding", { name: pm.bankName, last4: pm.last4 }) : t("method.bankEnding", { last4: pm.last4 });
}

/**
 * A payment's method: `methodDetails` is stored as Duely writes it ("Visa ending 4242", "Cheque no. 1041"); the
 * "<name> ending <last4>" form is said in the customer's language, any other detail is shown as recorded.
 */
export function paymentMethodText(t: Translator["t"], payment: { method: string; methodDetails: string | null }): string {
  const details = payment.methodDetails;
  if (!details) return t(`method.${payment.method}` as MessageKey);
  // A SEPA debit's account is stored as describeSepaAccount writes it ("SEPA Direct Debit ···3000").
  const sepa = /^SEPA Direct Debit ···(\d{4})$/.exec(details);
  if (sepa?.[1]) return t("method.namedEnding", { name: t("method.SEPA_DEBIT"), last4: sepa[1] });
  const ending = /^(.+) ending (\d{4})$/.exec(details);
  if (ending?.[1] && ending[2]) return t("method.namedEnding", { name: ending[1], last4: ending[2] });
  return details;
}

/**
 * Why a payment failed or was returned, in the customer's language when the bank's or card network's code is one
 * Duely knows; otherwise the reason as the payment provider gave it.
 */
export function failureText(tx: (keyOrText: string) => string, payment: { method: string; failureCode: string | null; failureMessage: string | null }): string | null {
  if (payment.failureCode) {
    const key = `failure.${payment.method === "CARD" ? "card" : "bank"}.${payment.failureCode}`;
    const text = tx(key);
    if (text !== key) return text;
  }
  return payment.failureMessage;
}
