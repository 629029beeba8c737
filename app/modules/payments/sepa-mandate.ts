// The SEPA Direct Debit mandate the customer accepts: Stripe's standard wording, naming the business as the
// creditor, in the language the customer read it in (catalog key sepa.mandate). Shown on the form and stored, word
// for word, with the mandate the customer accepted.
import type { Translator } from "~/modules/i18n/formatter";

export function sepaMandateText(creditorName: string, tr: Pick<Translator, "t">) {
  return tr.t("sepa.mandate", { creditor: creditorName });
}
