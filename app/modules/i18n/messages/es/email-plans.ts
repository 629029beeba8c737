// Spanish: emails to customers about a payment plan: set up, an upcoming instalment, a failed instalment, the plan ended (messages/en/email-plans.ts).
import type { emailPlans as en } from "../en/email-plans";

export const emailPlans: Record<keyof typeof en, string> = {
  "email.planConfirmation.subject": "Se ha configurado su plan de pagos con {business}",
  "email.planConfirmation.preview": "Su plan para {invoices} está activo. Este es el calendario.",
  "email.planConfirmation.body": "Gracias: hemos recibido su primera cuota y su plan de pagos para {invoices} está activo. Las siguientes cuotas se cargarán automáticamente a {method} en estas fechas, y le enviaremos un correo electrónico unos días antes de cada una.",
  "email.planConfirmation.paid": "{date} (pagada)",
  "email.planConfirmation.total": "Total",
  "email.planConfirmation.fee": "Incluye la comisión del plan de {fee}.",
  "email.planConfirmation.button": "Ver su plan",
  "email.planConfirmation.early": "Puede pagar el resto por adelantado o cambiar de tarjeta o de cuenta bancaria en cualquier momento desde su cuenta. Mientras el plan se cumpla, no le enviaremos recordatorios de pago sobre estas facturas.",
  "email.planConfirmation.terms": "Lo que usted aceptó: {terms}",

  "email.instalmentNotice.subject": "El {date} cargaremos {amount} a {method}",
  "email.instalmentNotice.preview": "Cuota {sequence} de {count} de su plan con {business}: {amount} el {date}.",
  "email.instalmentNotice.body": "Un aviso sobre su plan de pagos para {invoices}: el {date} cargaremos {amount} a {method} (cuota {sequence} de {count}). No tiene que hacer nada.",
  "email.instalmentNotice.change": "Si desea usar otra tarjeta u otra cuenta bancaria, o pagar ahora el resto, puede hacerlo desde su cuenta antes de esa fecha.",
  "email.seePlan": "Ver su plan",

  "email.instalmentFailed.subject": "Su cuota de {amount} a {business} no se ha podido cobrar",
  "email.instalmentFailed.preview": "No se ha podido cobrar la cuota {sequence} de {count}: {reason}",
  "email.instalmentFailed.body": "Intentamos cargar la cuota {sequence} de {count} de su plan de pagos ({amount}) a {method}, pero el cobro no se completó. Motivo indicado: {reason}",
  "email.instalmentFailed.retry": "Volveremos a intentarlo el {date}.",
  "email.instalmentFailed.retryLast": "Volveremos a intentarlo el {date}. Será el último intento: si también falla, el plan finalizará y el resto del saldo deberá pagarse de inmediato.",
  "email.instalmentFailed.payNow": "Puede pagar esta cuota ahora, o cambiar a otra tarjeta u otra cuenta bancaria, en un minuto:",
  "email.instalmentFailed.button": "Pagar o actualizar su tarjeta",
  "email.instalmentFailed.talk": "Si su situación ha cambiado y necesita hablar sobre el plan, responda a este correo electrónico.",

  "email.planEnded.subjectDefaulted": "Su plan de pagos con {business} ha finalizado: el saldo de {balance} debe pagarse ya",
  "email.planEnded.subjectCancelled": "Se ha cancelado su plan de pagos con {business}",
  "email.planEnded.preview": "{invoices}: {balance} pendiente de pago.",
  "email.planEnded.defaulted": "Su plan de pagos para {invoices} ha finalizado: {reason}",
  "email.planEnded.cancelled": "Se ha cancelado el plan de pagos para {invoices}: {reason}",
  "email.planEnded.defaultedReason": "no se pudo cobrar la cuota {sequence} después de {attempts, plural, one {# intento} many {# intentos} other {# intentos}} ({reason}).",
  "email.planEnded.returnedReason": "su banco devolvió la primera cuota, de {amount} ({reason}).",
  "email.planEnded.balance": "No se realizarán más cobros con cargo al plan. El saldo restante de {balance} debe pagarse ahora; puede pagarlo con tarjeta o cuenta bancaria desde su cuenta.",
  "email.planEnded.difficulty": "Si tiene dificultades, responda a este correo electrónico: preferimos acordar una solución que le funcione antes que tener que reclamarle el pago.",
};
