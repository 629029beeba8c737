// German: the error pages' words (messages/en/errors.ts).
import type { errors as en } from "../en/errors";

export const errors: Record<keyof typeof en, string> = {
  "errors.status": "Fehler {status}",
  "errors.400.title": "Bei dieser Anfrage stimmte etwas nicht",
  "errors.400.body": "Gehen Sie zurück, prüfen Sie Ihre Eingaben und versuchen Sie es erneut.",
  "errors.403.title": "Sie haben keinen Zugriff auf diese Seite",
  "errors.403.body": "Wenn Sie meinen, dass Sie Zugriff haben sollten, wenden Sie sich an die Person, die Ihnen den Link geschickt hat.",
  "errors.404.title": "Diese Seite wurde nicht gefunden",
  "errors.404.body": "Der Link ist vielleicht veraltet, oder die Seite gehört zu einem anderen Konto.",
  "errors.429.title": "Zu viele Versuche",
  "errors.429.body": "Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.",
  "errors.500.title": "Bei uns ist etwas schiefgelaufen",
  "errors.500.body": "Das liegt nicht an Ihnen, und nichts wurde doppelt abgebucht. Bitte versuchen Sie es in einer Minute erneut; wenn der Fehler bleibt, wenden Sie sich an das Unternehmen, das Sie hierher geschickt hat.",
  "errors.home": "Zur Startseite",
};
