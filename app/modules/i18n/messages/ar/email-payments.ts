// Arabic: emails to customers about their payments — the receipt, a bank payment that failed or was returned, a refund (messages/en/email-payments.ts).
import type { emailPayments as en } from "../en/email-payments";

export const emailPayments: Record<keyof typeof en, string> = {
  "email.receipt.subject": "الإيصال {receipt} من {business}: تم استلام {amount}",
  "email.receipt.preview": "استلمنا دفعتك البالغة {amount}. شكرًا لك!",
  "email.receipt.body": "شكرًا لك: استلمنا دفعتك البالغة {amount} في {date} عبر {method}.",
  "email.receipt.total": "إجمالي المدفوع",
  "email.receipt.button": "عرض الإيصال أو تنزيله",
  "email.receipt.keep": "رقم الإيصال {receipt}. يُرجى الاحتفاظ بهذه الرسالة في سجلاتك.",

  "email.paymentFailed.subject": "لم تتم دفعتك المصرفية البالغة {amount} إلى {business}",
  "email.paymentFailed.preview": "لم تتم دفعتك البالغة {amount}: {reason}",
  "email.paymentFailed.body": "أعاد بنكك الدفعة البالغة {amount} من {method} لسداد {invoices}. السبب الذي ذكره البنك: {reason}",
  "email.paymentFailed.open": "لم يُخصم أي مبلغ من حسابك، وأصبحت الفواتير مستحقة مرة أخرى. يمكنك الدفع بالبطاقة أو بحساب مصرفي آخر في دقيقة واحدة:",
  "email.paymentFailed.mistake": "إذا كنت تعتقد أن في الأمر خطأ، فيُرجى الرد على هذه الرسالة وسنساعدك.",
  "email.payNow": "ادفع الآن",
  "email.discountLost": "لم يعد خصم السداد المبكر البالغ {amount}، الذي كان مرتبطًا بهذه الدفعة، ساريًا.",

  "email.refund.subject": "مبلغ {amount} مُستردّ إليك من {business}",
  "email.refund.preview": "المبلغ المسترد {amount} في طريقه إلى {method}.",
  "email.refund.body": "رددنا مبلغ {amount} إلى {method}.",
  "email.refund.bodyReceipt": "رددنا مبلغ {amount} إلى {method} من الدفعة ذات الإيصال {receipt}.",
  "email.refund.timingCard": "تظهر المبالغ المستردة إلى البطاقات عادةً في كشف حسابك خلال 5 إلى 10 أيام.",
  "email.refund.timingBank": "تصل المبالغ المستردة إلى الحسابات المصرفية عادةً خلال بضعة أيام عمل.",
  "email.refund.timingOther": "يصل المبلغ المسترد عادةً خلال بضعة أيام عمل.",
  "email.refund.reason": "السبب: {reason}",
  "email.refund.credit": "{count, plural, zero {تبقى الفواتير {invoices} مسددة: لا يلزمك دفع أي شيء آخر عنها.} one {تبقى الفاتورة {invoices} مسددة: لا يلزمك دفع أي شيء آخر عنها.} two {تبقى الفاتورتان {invoices} مسددتين: لا يلزمك دفع أي شيء آخر عنهما.} few {تبقى الفواتير {invoices} مسددة: لا يلزمك دفع أي شيء آخر عنها.} many {تبقى الفواتير {invoices} مسددة: لا يلزمك دفع أي شيء آخر عنها.} other {تبقى الفواتير {invoices} مسددة: لا يلزمك دفع أي شيء آخر عنها.}}",
  "email.refund.reopen": "أصبح المبلغ المسترد مستحقًا مرة أخرى على {invoices}؛ ويمكنك الاطلاع عليه ودفعه في حسابك متى ناسبك ذلك.",
  "email.refund.button": "عرضه في حسابك",
  "email.refund.wrong": "إذا بدا لك أي شيء غير صحيح، فيُرجى الرد على هذه الرسالة وسنعالج الأمر.",

  "email.returned.subject": "أعاد بنكك دفعتك المرسلة إلى {business} بمبلغ {amount}",
  "email.returned.preview": "أعاد بنكك الدفعة البالغة {amount}: {reason}",
  "email.returned.body": "تمت الدفعة البالغة {amount} من {method} لسداد {invoices} في البداية، لكن بنكك أعادها بعد ذلك إلى حسابك. السبب الذي ذكره البنك: {reason}",
  "email.returned.bodyDated": "تمت الدفعة البالغة {amount} من {method} في {date} (الإيصال {receipt}) لسداد {invoices} في البداية، لكن بنكك أعادها بعد ذلك إلى حسابك. السبب الذي ذكره البنك: {reason}",
  "email.returned.open": "{count, plural, zero {لذا أصبحت الفواتير {invoices} مستحقة مرة أخرى.} one {لذا أصبحت الفاتورة {invoices} مستحقة مرة أخرى.} two {لذا أصبحت الفاتورتان {invoices} مستحقتين مرة أخرى.} few {لذا أصبحت الفواتير {invoices} مستحقة مرة أخرى.} many {لذا أصبحت الفواتير {invoices} مستحقة مرة أخرى.} other {لذا أصبحت الفواتير {invoices} مستحقة مرة أخرى.}} يمكنك الدفع بالبطاقة أو بحساب مصرفي آخر في دقيقة واحدة:",
  "email.returned.mistake": "إذا كنت تعتقد أن بنكك أخطأ، فيُرجى الرد على هذه الرسالة وسنساعدك.",
};
