// Simplified Chinese: the portal's own card and bank forms in test mode and what the provider refuses (messages/en/checkout.ts).
import type { checkout as en } from "../en/checkout";

export const checkout: Record<keyof typeof en, string> = {
  "checkout.card.number": "请输入卡号：12 到 19 位数字。",
  "checkout.card.luhn": "该卡号无效。请检查是否有输入错误。",
  "checkout.card.expiry": "请按 MM / YY 格式输入有效期。",
  "checkout.card.expired": "此卡已过期。",
  "checkout.card.cvc": "请输入 3 位或 4 位安全码。",
  "checkout.card.notSaved": "{reason} 未保存任何信息：请尝试其他银行卡。",
  "checkout.bank.holder": "请输入账户持有人姓名。",
  "checkout.bank.routing": "银行汇款路线号码为 9 位数字。",
  "checkout.bank.account": "账号为 4 到 17 位数字。",
  "checkout.bank.mandate": "请勾选此框，授权此次扣款。",
  "checkout.bank.unusable": "无法使用该银行账户：请检查银行汇款路线号码和账号。",
  "checkout.bank.testAccounts": "该银行账户未被接受。在测试模式下，请使用银行汇款路线号码 110000000 和账号 000123456789（会成功）或 000111111113（会失败：账户已销户）。",
  "checkout.bank.testAccount": "该银行账户未被接受。在测试模式下，请使用银行汇款路线号码 110000000 和账号 000123456789。",
  "checkout.sepa.notSepa": "这笔付款不是 SEPA 直接借记：请返回您的账户，重新选择付款方式。",
  "checkout.sepa.testIbans": "该 IBAN 未被接受。在测试模式下，请使用 Stripe 的测试 IBAN：DE89 3704 0044 0532 0130 00（会成功）或 DE62 3704 0044 0532 0130 01（会失败：余额不足）。",
  "checkout.sepa.unusable": "无法使用该 IBAN：请检查。",
  "checkout.sepa.provider": "银行信息未被接受：{reason}",
  "checkout.discountEnded": "提前付款折扣已于 {date} 结束。请返回您的账户支付当前金额。",
};
