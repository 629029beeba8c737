// German: the portal's own card and bank forms in test mode and what the provider refuses (messages/en/checkout.ts).
import type { checkout as en } from "../en/checkout";

export const checkout: Record<keyof typeof en, string> = {
  "checkout.card.number": "Geben Sie die Kartennummer ein: 12 bis 19 Ziffern.",
  "checkout.card.luhn": "Diese Kartennummer ist ungültig. Prüfen Sie sie auf Tippfehler.",
  "checkout.card.expiry": "Geben Sie das Ablaufdatum als MM / JJ ein.",
  "checkout.card.expired": "Diese Karte ist abgelaufen.",
  "checkout.card.cvc": "Geben Sie den 3- oder 4-stelligen Sicherheitscode ein.",
  "checkout.card.notSaved": "{reason} Es wurde nichts gespeichert: Versuchen Sie es mit einer anderen Karte.",
  "checkout.bank.holder": "Geben Sie den Namen des Kontoinhabers ein.",
  "checkout.bank.routing": "Eine Routing-Nummer hat 9 Ziffern.",
  "checkout.bank.account": "Eine Kontonummer hat 4 bis 17 Ziffern.",
  "checkout.bank.mandate": "Setzen Sie das Häkchen, um die Abbuchung zu genehmigen.",
  "checkout.bank.unusable": "Das Bankkonto konnte nicht verwendet werden: Prüfen Sie Routing- und Kontonummer.",
  "checkout.bank.testAccounts": "Dieses Bankkonto wurde nicht akzeptiert. Verwenden Sie im Testmodus die Routing-Nummer 110000000 mit dem Konto 000123456789 (wird ausgeführt) oder 000111111113 (schlägt fehl: Konto aufgelöst).",
  "checkout.bank.testAccount": "Dieses Bankkonto wurde nicht akzeptiert. Verwenden Sie im Testmodus die Routing-Nummer 110000000 mit dem Konto 000123456789.",
  "checkout.sepa.notSepa": "Diese Zahlung ist keine SEPA-Lastschrift: Gehen Sie zurück zu Ihrem Konto und wählen Sie die Zahlungsart erneut.",
  "checkout.sepa.testIbans": "Diese IBAN wurde nicht akzeptiert. Verwenden Sie im Testmodus eine der Test-IBANs von Stripe: DE89 3704 0044 0532 0130 00 (wird ausgeführt) oder DE62 3704 0044 0532 0130 01 (schlägt fehl: keine Deckung).",
  "checkout.sepa.unusable": "Die IBAN konnte nicht verwendet werden: Bitte prüfen Sie sie.",
  "checkout.sepa.provider": "Die Bankdaten wurden nicht akzeptiert: {reason}",
  "checkout.discountEnded": "Das Skonto für frühe Zahlung ist am {date} abgelaufen. Gehen Sie zurück zu Ihrem Konto, um den aktuellen Betrag zu bezahlen.",
};
