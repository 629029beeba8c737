// Emails to customers about a payment plan: set up, an instalment coming, an instalment that failed, the plan
// ended. "sequence" is the instalment's number and "count" how many the plan has; "method" is a card or bank
// account ("Visa ending 4242"); "invoices" a list of invoice numbers; "reason" the bank's or the owner's words.
export const emailPlans = {
  "email.planConfirmation.subject": "Your payment plan with {business} is set up",
  "email.planConfirmation.preview": "Your plan for {invoices} is active. Here is the schedule.",
  "email.planConfirmation.body": "Thank you: your first instalment is in, and your payment plan for {invoices} is active. The next instalments will be charged automatically to {method} on these dates, and we will email you a few days before each one.",
  "email.planConfirmation.paid": "{date} (paid)",
  "email.planConfirmation.total": "Total",
  "email.planConfirmation.fee": "This includes the plan fee of {fee}.",
  "email.planConfirmation.button": "See your plan",
  "email.planConfirmation.early": "You can pay the rest early or change the card or bank account at any time from your account. While the plan is on track we will not send you payment reminders for these invoices.",
  "email.planConfirmation.terms": "What you agreed to: {terms}",

  "email.instalmentNotice.subject": "We’ll charge {amount} to {method} on {date}",
  "email.instalmentNotice.preview": "Instalment {sequence} of {count} of your plan with {business}: {amount} on {date}.",
  "email.instalmentNotice.body": "A heads-up about your payment plan for {invoices}: we’ll charge {amount} to {method} on {date} (instalment {sequence} of {count}). There is nothing you need to do.",
  "email.instalmentNotice.change": "If you would like to use a different card or bank account, or pay the rest now, you can do it from your account before then.",
  "email.seePlan": "See your plan",

  "email.instalmentFailed.subject": "Your instalment of {amount} to {business} did not go through",
  "email.instalmentFailed.preview": "Instalment {sequence} of {count} could not be charged: {reason}",
  "email.instalmentFailed.body": "We tried to charge instalment {sequence} of {count} of your payment plan ({amount}) to {method}, and it did not go through. The reason given: {reason}",
  "email.instalmentFailed.retry": "We will try again on {date}.",
  "email.instalmentFailed.retryLast": "We will try again on {date}. That is the last try: if it fails too, the plan ends and the rest of the balance becomes due at once.",
  "email.instalmentFailed.payNow": "You can pay this instalment now, or switch to another card or bank account, in a minute:",
  "email.instalmentFailed.button": "Pay or update your card",
  "email.instalmentFailed.talk": "If something has changed and you need to talk about the plan, reply to this email.",

  "email.planEnded.subjectDefaulted": "Your payment plan with {business} has ended: {balance} is now due",
  "email.planEnded.subjectCancelled": "Your payment plan with {business} was cancelled",
  "email.planEnded.preview": "{invoices}: {balance} is due.",
  "email.planEnded.defaulted": "Your payment plan for {invoices} has ended: {reason}",
  "email.planEnded.cancelled": "The payment plan for {invoices} was cancelled: {reason}",
  "email.planEnded.defaultedReason": "instalment {sequence} could not be charged after {attempts, plural, one {# attempt} other {# attempts}} ({reason}).",
  "email.planEnded.returnedReason": "your first instalment of {amount} was returned by your bank ({reason}).",
  "email.planEnded.balance": "No further charges will be made under the plan. The remaining balance of {balance} is due now, and you can pay it by card or bank account from your account.",
  "email.planEnded.difficulty": "If you are in difficulty, reply to this email: we would rather agree on something that works than chase you.",
} as const;
