// Simplified Chinese: emails to customers about a payment plan: set up, an instalment coming, an instalment that failed, the plan ended (messages/en/email-plans.ts).
import type { emailPlans as en } from "../en/email-plans";

export const emailPlans: Record<keyof typeof en, string> = {
  "email.planConfirmation.subject": "您与 {business} 的分期计划已设置完成",
  "email.planConfirmation.preview": "您 {invoices} 的分期计划已生效。以下是付款时间表。",
  "email.planConfirmation.body": "谢谢！我们已收到您的第一期付款，您 {invoices} 的分期计划已生效。之后各期将于以下日期自动从 {method} 扣款，我们会在每期扣款前几天发邮件通知您。",
  "email.planConfirmation.paid": "{date}（已付款）",
  "email.planConfirmation.total": "合计",
  "email.planConfirmation.fee": "其中包含 {fee} 的计划手续费。",
  "email.planConfirmation.button": "查看您的计划",
  "email.planConfirmation.early": "您可以随时在您的账户中提前付清余款，或更换银行卡或银行账户。只要计划按期进行，我们就不会就这些发票向您发送付款提醒。",
  "email.planConfirmation.terms": "您同意的条款：{terms}",

  "email.instalmentNotice.subject": "我们将于 {date} 从 {method} 扣款 {amount}",
  "email.instalmentNotice.preview": "您与 {business} 的分期计划第 {sequence} 期（共 {count} 期）：{date} 扣款 {amount}。",
  "email.instalmentNotice.body": "关于您 {invoices} 的分期计划，特此提前告知：我们将于 {date} 从 {method} 扣款 {amount}（第 {sequence} 期，共 {count} 期）。您无需进行任何操作。",
  "email.instalmentNotice.change": "如您想使用其他银行卡或银行账户，或现在付清余款，可在此之前在您的账户中操作。",
  "email.seePlan": "查看您的计划",

  "email.instalmentFailed.subject": "您向 {business} 支付的 {amount} 分期款项未能完成",
  "email.instalmentFailed.preview": "第 {sequence} 期（共 {count} 期）未能扣款：{reason}",
  "email.instalmentFailed.body": "我们尝试从 {method} 扣除您分期计划的第 {sequence} 期（共 {count} 期，{amount}），但未能成功。给出的原因：{reason}",
  "email.instalmentFailed.retry": "我们将于 {date} 再次尝试扣款。",
  "email.instalmentFailed.retryLast": "我们将于 {date} 再次尝试扣款。这是最后一次尝试：如果仍然失败，计划将终止，剩余余额将立即到期。",
  "email.instalmentFailed.payNow": "您可以现在支付这一期，或更换为其他银行卡或银行账户，只需一分钟：",
  "email.instalmentFailed.button": "付款或更新银行卡",
  "email.instalmentFailed.talk": "如果您的情况有变，需要就计划进行沟通，请回复此邮件。",

  "email.planEnded.subjectDefaulted": "您与 {business} 的分期计划已终止：{balance} 现已到期",
  "email.planEnded.subjectCancelled": "您与 {business} 的分期计划已取消",
  "email.planEnded.preview": "{invoices}：{balance} 已到期。",
  "email.planEnded.defaulted": "您 {invoices} 的分期计划已终止：{reason}",
  "email.planEnded.cancelled": "{invoices} 的分期计划已取消：{reason}",
  "email.planEnded.defaultedReason": "第 {sequence} 期经 {attempts, plural, other {# 次尝试}}后仍未能扣款（{reason}）。",
  "email.planEnded.returnedReason": "您的银行退回了首期付款 {amount}（{reason}）。",
  "email.planEnded.balance": "此计划不会再扣除任何款项。剩余余额 {balance} 现已到期，您可以在您的账户中用银行卡或银行账户支付。",
  "email.planEnded.difficulty": "如您遇到困难，请回复此邮件：我们更希望与您商定一个可行的方案，而不是一再催款。",
};
