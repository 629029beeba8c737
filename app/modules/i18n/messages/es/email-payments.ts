// Spanish: emails to customers about their payments: the receipt, a bank payment that failed or was returned, a refund (messages/en/email-payments.ts).
import type { emailPayments as en } from "../en/email-payments";

export const emailPayments: Record<keyof typeof en, string> = {
  "email.receipt.subject": "Recibo {receipt} de {business}: hemos recibido {amount}",
  "email.receipt.preview": "Hemos recibido su pago de {amount}. ¡Gracias!",
  "email.receipt.body": "Gracias: el {date} recibimos su pago de {amount} con {method}.",
  "email.receipt.total": "Total pagado",
  "email.receipt.button": "Ver o descargar su recibo",
  "email.receipt.keep": "Número de recibo: {receipt}. Conserve este correo electrónico como justificante.",

  "email.paymentFailed.subject": "Su pago bancario de {amount} a {business} no se ha completado",
  "email.paymentFailed.preview": "Su pago de {amount} no se ha completado: {reason}",
  "email.paymentFailed.body": "Su banco ha devuelto el pago de {amount} con cargo a {method} correspondiente a {invoices}. Motivo indicado por el banco: {reason}",
  "email.paymentFailed.open": "No se ha cobrado nada de su cuenta y las facturas vuelven a estar pendientes. Puede pagar con tarjeta o con otra cuenta bancaria en un minuto:",
  "email.paymentFailed.mistake": "Si cree que se trata de un error, responda a este correo electrónico y le ayudaremos.",
  "email.payNow": "Pagar ahora",
  "email.discountLost": "El descuento por pronto pago de {amount} asociado a este pago ya no se aplica.",

  "email.refund.subject": "{business} le ha reembolsado {amount}",
  "email.refund.preview": "Su reembolso de {amount} está en camino a {method}.",
  "email.refund.body": "Le hemos reembolsado {amount} en {method}.",
  "email.refund.bodyReceipt": "Le hemos reembolsado {amount} en {method}, del pago correspondiente al recibo {receipt}.",
  "email.refund.timingCard": "Los reembolsos con tarjeta suelen aparecer en su extracto en un plazo de 5 a 10 días.",
  "email.refund.timingBank": "Los reembolsos bancarios suelen llegar en unos pocos días hábiles.",
  "email.refund.timingOther": "El reembolso suele llegar en unos pocos días hábiles.",
  "email.refund.reason": "Motivo: {reason}",
  "email.refund.credit": "{count, plural, one {{invoices} sigue liquidada: no tiene que pagar nada más por ella.} many {{invoices} siguen liquidadas: no tiene que pagar nada más por ellas.} other {{invoices} siguen liquidadas: no tiene que pagar nada más por ellas.}}",
  "email.refund.reopen": "El importe reembolsado vuelve a estar pendiente en {invoices}; puede consultarlo y pagarlo cuando le convenga en su portal.",
  "email.refund.button": "Verlo en su portal",
  "email.refund.wrong": "Si algo no le parece correcto, responda a este correo electrónico y lo resolveremos.",

  "email.returned.subject": "Su banco ha devuelto su pago de {amount} a {business}",
  "email.returned.preview": "Su banco ha devuelto el pago de {amount}: {reason}",
  "email.returned.body": "El pago de {amount} con cargo a {method} correspondiente a {invoices} se procesó en un principio, pero después su banco lo devolvió a su cuenta. Motivo indicado por el banco: {reason}",
  "email.returned.bodyDated": "El pago de {amount} con cargo a {method} del {date} (recibo {receipt}) correspondiente a {invoices} se procesó en un principio, pero después su banco lo devolvió a su cuenta. Motivo indicado por el banco: {reason}",
  "email.returned.open": "{count, plural, one {Por tanto, {invoices} vuelve a estar pendiente.} many {Por tanto, {invoices} vuelven a estar pendientes.} other {Por tanto, {invoices} vuelven a estar pendientes.}} Puede pagar con tarjeta o con otra cuenta bancaria en un minuto:",
  "email.returned.mistake": "Si cree que su banco ha cometido un error, responda a este correo electrónico y le ayudaremos.",
};
