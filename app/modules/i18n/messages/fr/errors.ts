// French: the error pages (messages/en/errors.ts).
import type { errors as en } from "../en/errors";

export const errors: Record<keyof typeof en, string> = {
  "errors.status": "Erreur {status}",
  "errors.400.title": "Un élément de cette demande n’était pas correct",
  "errors.400.body": "Revenez en arrière, vérifiez ce que vous avez saisi et réessayez.",
  "errors.403.title": "Vous n’avez pas accès à cette page",
  "errors.403.body": "Si vous pensez devoir y avoir accès, adressez-vous à la personne qui vous a envoyé le lien.",
  "errors.404.title": "Nous n’avons pas trouvé cette page",
  "errors.404.body": "Le lien est peut-être ancien, ou la page appartient peut-être à un autre compte.",
  "errors.429.title": "Trop de tentatives",
  "errors.429.body": "Veuillez patienter quelques minutes, puis réessayer.",
  "errors.500.title": "Un problème est survenu de notre côté",
  "errors.500.body": "Vous n’y êtes pour rien, et rien n’a été débité deux fois. Veuillez réessayer dans une minute ; si le problème persiste, contactez l’entreprise qui vous a envoyé ici.",
  "errors.home": "Aller à la page d’accueil",
};
