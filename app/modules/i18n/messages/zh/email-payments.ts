// Simplified Chinese: emails to customers about their payments: the receipt, a bank payment that failed or was returned, a refund (messages/en/email-payments.ts).
import type { emailPayments as en } from "../en/email-payments";

export const emailPayments: Record<keyof typeof en, string> = {
  "email.receipt.subject": "{business} 的收据 {receipt}：已收到 {amount}",
  "email.receipt.preview": "我们已收到您支付的 {amount}。谢谢！",
  "email.receipt.body": "谢谢！我们已于 {date} 收到您通过 {method} 支付的 {amount}。",
  "email.receipt.total": "实付合计",
  "email.receipt.button": "查看或下载收据",
  "email.receipt.keep": "收据编号 {receipt}。请保留此邮件以备查。",

  "email.paymentFailed.subject": "您向 {business} 支付 {amount} 的银行付款未能完成",
  "email.paymentFailed.preview": "您支付 {amount} 的付款未能完成：{reason}",
  "email.paymentFailed.body": "您的银行退回了从 {method} 为 {invoices} 支付的 {amount}。银行给出的原因：{reason}",
  "email.paymentFailed.open": "您的账户未被扣除任何款项，相关发票已重新变为待付。您可以用银行卡或其他银行账户快速付款：",
  "email.paymentFailed.mistake": "如您认为有误，请回复此邮件，我们会协助您处理。",
  "email.payNow": "立即付款",
  "email.discountLost": "这笔付款附带的 {amount} 提前付款折扣已不再适用。",

  "email.refund.subject": "{business} 已向您退款 {amount}",
  "email.refund.preview": "{amount} 的退款正在退回至 {method}。",
  "email.refund.body": "我们已将 {amount} 退款至 {method}。",
  "email.refund.bodyReceipt": "我们已将收据 {receipt} 对应付款中的 {amount} 退款至 {method}。",
  "email.refund.timingCard": "银行卡退款通常会在 5 到 10 天内显示在您的账单上。",
  "email.refund.timingBank": "银行退款通常会在几个工作日内到账。",
  "email.refund.timingOther": "退款通常会在几个工作日内到账。",
  "email.refund.reason": "原因：{reason}",
  "email.refund.credit": "{count, plural, other {{invoices} 仍为已结清状态：您无需再为此支付任何款项。}}",
  "email.refund.reopen": "退款金额已重新计入 {invoices} 的待付金额；您可以在您的账户中查看，并在方便时支付。",
  "email.refund.button": "在您的账户中查看",
  "email.refund.wrong": "如有任何不对之处，请回复此邮件，我们会为您处理。",

  "email.returned.subject": "您的银行退回了您向 {business} 支付的 {amount}",
  "email.returned.preview": "您的银行退回了 {amount} 的付款：{reason}",
  "email.returned.body": "从 {method} 为 {invoices} 支付的 {amount} 起初已完成，但您的银行随后已将其退回至您的账户。银行给出的原因：{reason}",
  "email.returned.bodyDated": "{date} 从 {method} 为 {invoices} 支付的 {amount}（收据 {receipt}）起初已完成，但您的银行随后已将其退回至您的账户。银行给出的原因：{reason}",
  "email.returned.open": "{count, plural, other {因此，{invoices} 已重新变为待付。}}您可以用银行卡或其他银行账户快速付款：",
  "email.returned.mistake": "如您认为银行有误，请回复此邮件，我们会协助您处理。",
};
