// Arabic: customer PDFs and the links to them (messages/en/document.ts).
import type { document as en } from "../en/document";

export const document: Record<keyof typeof en, string> = {
  "document.statementLink": "تنزيل كشف الحساب (PDF)",
  "document.agreementLink": "تنزيل الاتفاقية (PDF)",
};
