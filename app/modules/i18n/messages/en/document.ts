// Customer PDFs (invoice, receipt, credit note, plan agreement, statement) and the links to them.
export const document = {
  "document.statementLink": "Download statement (PDF)",
  "document.agreementLink": "Download agreement (PDF)",
} as const;
