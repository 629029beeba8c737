// Simplified Chinese: words shared by every customer page (messages/en/common.ts).
import type { common as en } from "../en/common";

export const common: Record<keyof typeof en, string> = {
  "common.language": "语言",
  "common.languageChange": "更改语言",
  "common.testMode": "测试模式：不会产生任何实际资金往来。",
  "common.testModeSimulator": "请使用 Stripe 测试卡 4242 4242 4242 4242 或测试银行账户 000123456789 付款。",
  "common.testModeStripe": "请使用 Stripe 的测试卡。",
  "common.footerQuestions": "对发票有疑问？请发邮件至 <email>{address}</email>。",
  "common.footerQuestionsPhone": "对发票有疑问？请发邮件至 <email>{address}</email> 或致电 {phone}。",
  "common.back": "返回",
};
