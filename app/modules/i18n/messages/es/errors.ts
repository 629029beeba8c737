// Spanish: the error pages (messages/en/errors.ts).
import type { errors as en } from "../en/errors";

export const errors: Record<keyof typeof en, string> = {
  "errors.status": "Error {status}",
  "errors.400.title": "Algo no era correcto en esa solicitud",
  "errors.400.body": "Vuelva atrás, revise los datos que ha escrito e inténtelo de nuevo.",
  "errors.403.title": "No tiene acceso a esta página",
  "errors.403.body": "Si cree que debería tenerlo, consulte a la persona que le envió el enlace.",
  "errors.404.title": "No hemos encontrado esa página",
  "errors.404.body": "Puede que el enlace sea antiguo o que la página pertenezca a otra cuenta.",
  "errors.429.title": "Demasiados intentos",
  "errors.429.body": "Espere unos minutos y vuelva a intentarlo.",
  "errors.500.title": "Algo ha fallado por nuestra parte",
  "errors.500.body": "No se debe a nada que usted haya hecho, y no se ha cobrado nada dos veces. Vuelva a intentarlo dentro de un minuto; si el problema continúa, póngase en contacto con la empresa que le envió aquí.",
  "errors.home": "Ir a la página de inicio",
};
