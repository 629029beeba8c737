// English, the source catalog: every other language has exactly these keys (catalogs.test.ts).
// ICU MessageFormat (https://unicode-org.github.io/icu/userguide/format_parse/messages/): plurals and selects
// inside the message, never a sentence built from pieces. An apostrophe before { or } quotes it: write ’ in text.
export const common = {
  "common.language": "Language",
  "common.languageChange": "Change language",
  "common.testMode": "Test mode: no money moves.",
  "common.testModeSimulator": "Pay with Stripe’s test card 4242 4242 4242 4242 or test bank account 000123456789.",
  "common.testModeStripe": "Use Stripe’s test cards.",
  "common.footerQuestions": "Questions about an invoice? Write to <email>{address}</email>.",
  "common.footerQuestionsPhone": "Questions about an invoice? Write to <email>{address}</email> or call {phone}.",
  "common.back": "Back",
} as const;
