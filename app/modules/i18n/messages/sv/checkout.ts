// Swedish: the portal's own card and bank forms in test mode and what the provider refuses (messages/en/checkout.ts).
import type { checkout as en } from "../en/checkout";

export const checkout: Record<keyof typeof en, string> = {
  "checkout.card.number": "Ange kortnumret: 12 till 19 siffror.",
  "checkout.card.luhn": "Kortnumret är inte giltigt. Kontrollera att det inte har skrivits fel.",
  "checkout.card.expiry": "Ange giltighetstiden som MM / ÅÅ.",
  "checkout.card.expired": "Kortet har gått ut.",
  "checkout.card.cvc": "Ange säkerhetskoden med 3 eller 4 siffror.",
  "checkout.card.notSaved": "{reason} Ingenting sparades: försök med ett annat kort.",
  "checkout.bank.holder": "Ange kontoinnehavarens namn.",
  "checkout.bank.routing": "Ett routingnummer har 9 siffror.",
  "checkout.bank.account": "Ett kontonummer har 4 till 17 siffror.",
  "checkout.bank.mandate": "Kryssa i rutan för att godkänna dragningen.",
  "checkout.bank.unusable": "Bankkontot kunde inte användas: kontrollera routing- och kontonumret.",
  "checkout.bank.testAccounts": "Bankkontot godtogs inte. I testläge, använd routingnummer 110000000 med konto 000123456789 (lyckas) eller 000111111113 (misslyckas: kontot avslutat).",
  "checkout.bank.testAccount": "Bankkontot godtogs inte. I testläge, använd routingnummer 110000000 med konto 000123456789.",
  "checkout.sepa.notSepa": "Den här betalningen är inte ett SEPA-autogiro: gå tillbaka till ditt konto och välj betalningssätt igen.",
  "checkout.sepa.testIbans": "Detta IBAN godtogs inte. I testläge, använd ett av Stripes test-IBAN: DE89 3704 0044 0532 0130 00 (lyckas) eller DE62 3704 0044 0532 0130 01 (misslyckas: täckning saknas).",
  "checkout.sepa.unusable": "Detta IBAN kunde inte användas: kontrollera det.",
  "checkout.sepa.provider": "Bankuppgifterna godtogs inte: {reason}",
  "checkout.discountEnded": "Rabatten för tidig betalning upphörde {date}. Gå tillbaka till ditt konto för att betala det aktuella beloppet.",
};
