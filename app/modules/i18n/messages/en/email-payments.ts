// Emails to customers about their payments: the receipt, a bank payment that failed or was returned, a refund.
// "reason" is the bank's or the owner's own words, shown as they are; "method" is a card or bank account
// ("Visa ending 4242"); "invoices" is a list of invoice numbers ("INV-1001, INV-1002"), "count" how many.
export const emailPayments = {
  "email.receipt.subject": "Receipt {receipt} from {business}: {amount} received",
  "email.receipt.preview": "We received your payment of {amount}. Thank you!",
  "email.receipt.body": "Thank you: we received your payment of {amount} on {date} by {method}.",
  "email.receipt.total": "Total paid",
  "email.receipt.button": "View or download your receipt",
  "email.receipt.keep": "Receipt number {receipt}. Keep this email for your records.",

  "email.paymentFailed.subject": "Your bank payment of {amount} to {business} did not go through",
  "email.paymentFailed.preview": "Your payment of {amount} did not go through: {reason}",
  "email.paymentFailed.body": "Your bank returned the payment of {amount} from {method} for {invoices}. The bank’s reason: {reason}",
  "email.paymentFailed.open": "Nothing was taken from your account, and the invoices are open again. You can pay by card or with another bank account in a minute:",
  "email.paymentFailed.mistake": "If you think this is a mistake, reply to this email and we will help.",
  "email.payNow": "Pay now",
  "email.discountLost": "The early-payment discount of {amount} that came with this payment no longer applies.",

  "email.refund.subject": "{business} refunded {amount} to you",
  "email.refund.preview": "A refund of {amount} is on its way to {method}.",
  "email.refund.body": "We have refunded {amount} to {method}.",
  "email.refund.bodyReceipt": "We have refunded {amount} to {method} from the payment with receipt {receipt}.",
  "email.refund.timingCard": "Card refunds usually show on your statement within 5 to 10 days.",
  "email.refund.timingBank": "Bank refunds usually arrive within a few business days.",
  "email.refund.timingOther": "The refund usually arrives within a few business days.",
  "email.refund.reason": "Reason: {reason}",
  "email.refund.credit": "{count, plural, one {{invoices} stays settled: there is nothing more to pay for it.} other {{invoices} stay settled: there is nothing more to pay for them.}}",
  "email.refund.reopen": "The refunded amount is open again on {invoices}; you can see it and pay it whenever suits you in your portal.",
  "email.refund.button": "See it in your portal",
  "email.refund.wrong": "If anything looks wrong, reply to this email and we will sort it out.",

  "email.returned.subject": "Your bank returned your payment of {amount} to {business}",
  "email.returned.preview": "Your bank returned the payment of {amount}: {reason}",
  "email.returned.body": "The payment of {amount} from {method} for {invoices} went through at first, but your bank has since returned it to your account. The bank’s reason: {reason}",
  "email.returned.bodyDated": "The payment of {amount} from {method} on {date} (receipt {receipt}) for {invoices} went through at first, but your bank has since returned it to your account. The bank’s reason: {reason}",
  "email.returned.open": "{count, plural, one {So {invoices} is open again.} other {So {invoices} are open again.}} You can pay by card or with another bank account in a minute:",
  "email.returned.mistake": "If you think your bank made a mistake, reply to this email and we will help.",
} as const;
