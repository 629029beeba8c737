// Swedish: kundens PDF-filer (faktura, kvitto, kreditnota, avtal om delbetalning, kontoutdrag) och länkarna till dem (messages/en/document.ts).
import type { document as en } from "../en/document";

export const document: Record<keyof typeof en, string> = {
  "document.statementLink": "Ladda ned kontoutdrag (PDF)",
  "document.agreementLink": "Ladda ned avtal (PDF)",
};
