// Spanish: the portal's own card and bank forms in test mode and what the provider refuses (messages/en/checkout.ts).
import type { checkout as en } from "../en/checkout";

export const checkout: Record<keyof typeof en, string> = {
  "checkout.card.number": "Escriba el número de la tarjeta: de 12 a 19 dígitos.",
  "checkout.card.luhn": "Ese número de tarjeta no es válido. Compruebe que no haya errores.",
  "checkout.card.expiry": "Escriba la fecha de caducidad como MM / AA.",
  "checkout.card.expired": "Esta tarjeta ha caducado.",
  "checkout.card.cvc": "Escriba el código de seguridad de 3 o 4 dígitos.",
  "checkout.card.notSaved": "{reason} No se ha guardado nada: pruebe con otra tarjeta.",
  "checkout.bank.holder": "Escriba el nombre del titular de la cuenta.",
  "checkout.bank.routing": "Un número de ruta bancaria tiene 9 dígitos.",
  "checkout.bank.account": "Un número de cuenta tiene de 4 a 17 dígitos.",
  "checkout.bank.mandate": "Marque la casilla para autorizar el cargo.",
  "checkout.bank.unusable": "No se ha podido usar la cuenta bancaria: compruebe el número de ruta y el número de cuenta.",
  "checkout.bank.testAccounts": "No se ha aceptado esta cuenta bancaria. En modo de prueba, use el número de ruta 110000000 con la cuenta 000123456789 (se completa) o 000111111113 (falla: cuenta cerrada).",
  "checkout.bank.testAccount": "No se ha aceptado esta cuenta bancaria. En modo de prueba, use el número de ruta 110000000 con la cuenta 000123456789.",
  "checkout.sepa.notSepa": "Este pago no es un adeudo directo SEPA: vuelva a su cuenta y elija de nuevo cómo pagar.",
  "checkout.sepa.testIbans": "No se ha aceptado este IBAN. En modo de prueba, use uno de los IBAN de prueba de Stripe: DE89 3704 0044 0532 0130 00 (se completa) o DE62 3704 0044 0532 0130 01 (falla: fondos insuficientes).",
  "checkout.sepa.unusable": "No se ha podido usar el IBAN: compruébelo.",
  "checkout.sepa.provider": "No se han aceptado los datos bancarios: {reason}",
  "checkout.discountEnded": "El descuento por pronto pago terminó el {date}. Vuelva a su cuenta para pagar el importe actual.",
};
