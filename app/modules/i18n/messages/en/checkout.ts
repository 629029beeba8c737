// The portal's own card and bank forms (test mode, where the simulator stands in for Stripe's fields) and what the
// payment provider refuses there: field errors, test-mode hints, a discount that ended before the payment.
export const checkout = {
  "checkout.card.number": "Enter the card number: 12 to 19 digits.",
  "checkout.card.luhn": "That card number is not valid. Check it for typos.",
  "checkout.card.expiry": "Enter the expiry date as MM / YY.",
  "checkout.card.expired": "This card has expired.",
  "checkout.card.cvc": "Enter the 3 or 4 digit security code.",
  "checkout.card.notSaved": "{reason} Nothing was saved: try another card.",
  "checkout.bank.holder": "Enter the account holder’s name.",
  "checkout.bank.routing": "A routing number has 9 digits.",
  "checkout.bank.account": "An account number has 4 to 17 digits.",
  "checkout.bank.mandate": "Tick the box to authorise the debit.",
  "checkout.bank.unusable": "The bank account could not be used: check the routing and account numbers.",
  "checkout.bank.testAccounts": "This bank account was not accepted. In test mode use routing number 110000000 with account 000123456789 (succeeds) or 000111111113 (fails: account closed).",
  "checkout.bank.testAccount": "This bank account was not accepted. In test mode use routing number 110000000 with account 000123456789.",
  "checkout.sepa.notSepa": "This payment is not a SEPA Direct Debit: go back to your account and choose how to pay again.",
  "checkout.sepa.testIbans": "This IBAN was not accepted. In test mode use one of Stripe’s test IBANs: DE89 3704 0044 0532 0130 00 (succeeds) or DE62 3704 0044 0532 0130 01 (fails: insufficient funds).",
  "checkout.sepa.unusable": "The IBAN could not be used: check it.",
  "checkout.sepa.provider": "The bank details were not accepted: {reason}",
  "checkout.discountEnded": "The early-payment discount ended on {date}. Go back to your account to pay the current amount.",
} as const;
