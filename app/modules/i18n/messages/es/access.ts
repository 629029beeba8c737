// Spanish: the page a customer lands on when their link or session has ended (messages/en/access.ts).
import type { access as en } from "../en/access";

export const access: Record<keyof typeof en, string> = {
  "access.title": "Obtener un enlace nuevo",
  "access.expired": "Este enlace ha caducado.",
  "access.revoked": "Este enlace ya no está activo.",
  "access.unknown": "No hemos podido reconocer este enlace.",
  "access.session": "Su sesión ha finalizado.",
  "access.sentHeading": "Revise su correo electrónico",
  "access.sentBody": "Si {email} es una de las direcciones a las que enviamos facturas, recibirá un enlace nuevo en breve. Puede tardar un minuto en llegar.",
  "access.intro": "Escriba la dirección de correo electrónico a la que se envían sus facturas y le enviaremos un enlace nuevo.",
  "access.limited": "Se han recibido demasiadas solicitudes desde aquí. Vuelva a intentarlo dentro de {minutes, plural, one {# minuto} many {# minutos} other {# minutos}}.",
  "access.email": "Correo electrónico",
  "access.emailInvalid": "Escriba la dirección de correo electrónico a la que se envían sus facturas.",
  "access.sending": "Enviando…",
  "access.send": "Enviarme un enlace nuevo",
};
