// Simplified Chinese: the page a customer lands on when their link or session has ended (messages/en/access.ts).
import type { access as en } from "../en/access";

export const access: Record<keyof typeof en, string> = {
  "access.title": "获取新链接",
  "access.expired": "此链接已过期。",
  "access.revoked": "此链接已失效。",
  "access.unknown": "我们无法识别此链接。",
  "access.session": "您的会话已结束。",
  "access.sentHeading": "请查看您的邮箱",
  "access.sentBody": "如果 {email} 是我们发送发票的地址，新链接已在发送途中，可能需要一分钟才能收到。",
  "access.intro": "请输入接收发票的电子邮件地址，我们会通过邮件向您发送新链接。",
  "access.limited": "来自此处的请求过多。请在 {minutes, plural, other {# 分钟}}后重试。",
  "access.email": "电子邮件地址",
  "access.emailInvalid": "请输入接收发票的电子邮件地址。",
  "access.sending": "正在发送…",
  "access.send": "通过邮件发送新链接",
};
