// Swedish: felsidornas texter (messages/en/errors.ts).
import type { errors as en } from "../en/errors";

export const errors: Record<keyof typeof en, string> = {
  "errors.status": "Fel {status}",
  "errors.400.title": "Något i förfrågan var inte rätt",
  "errors.400.body": "Gå tillbaka, kontrollera det du angav och försök igen.",
  "errors.403.title": "Du har inte behörighet till den här sidan",
  "errors.403.body": "Om du anser att du borde ha det kan du fråga personen som skickade länken till dig.",
  "errors.404.title": "Vi kunde inte hitta sidan",
  "errors.404.body": "Länken kan vara gammal, eller så kan sidan tillhöra ett annat konto.",
  "errors.429.title": "För många försök",
  "errors.429.body": "Vänta några minuter och försök sedan igen.",
  "errors.500.title": "Något gick fel hos oss",
  "errors.500.body": "Det här beror inte på något du gjorde, och ingenting har debiterats två gånger. Försök igen om en minut. Om problemet kvarstår kan du kontakta företaget som skickade dig hit.",
  "errors.home": "Gå till startsidan",
};
