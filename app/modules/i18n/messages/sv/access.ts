// Swedish: sidan en kund hamnar på när länken eller sessionen har upphört (messages/en/access.ts).
import type { access as en } from "../en/access";

export const access: Record<keyof typeof en, string> = {
  "access.title": "Få en ny länk",
  "access.expired": "Den här länken har gått ut.",
  "access.revoked": "Den här länken är inte längre aktiv.",
  "access.unknown": "Vi kunde inte känna igen den här länken.",
  "access.session": "Din session har avslutats.",
  "access.sentHeading": "Kolla din e-post",
  "access.sentBody": "Om {email} är en adress som vi skickar fakturor till är en ny länk på väg. Det kan ta en minut innan den kommer fram.",
  "access.intro": "Ange e-postadressen som dina fakturor skickas till, så mejlar vi dig en ny länk.",
  "access.limited": "För många förfrågningar härifrån. Försök igen om {minutes, plural, one {# minut} other {# minuter}}.",
  "access.email": "E-postadress",
  "access.emailInvalid": "Ange e-postadressen som dina fakturor skickas till.",
  "access.sending": "Skickar…",
  "access.send": "Mejla mig en ny länk",
};
