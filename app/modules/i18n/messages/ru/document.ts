// Russian: customer PDFs and the links to them (messages/en/document.ts).
import type { document as en } from "../en/document";

export const document: Record<keyof typeof en, string> = {
  "document.statementLink": "Скачать выписку (PDF)",
  "document.agreementLink": "Скачать соглашение (PDF)",
};
