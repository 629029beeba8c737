// Simplified Chinese: customer PDFs and the links to them (messages/en/document.ts).
import type { document as en } from "../en/document";

export const document: Record<keyof typeof en, string> = {
  "document.statementLink": "下载对账单（PDF）",
  "document.agreementLink": "下载协议（PDF）",
};
