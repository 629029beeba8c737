// French: the page a customer lands on when their link or session has ended (messages/en/access.ts).
import type { access as en } from "../en/access";

export const access: Record<keyof typeof en, string> = {
  "access.title": "Obtenir un nouveau lien",
  "access.expired": "Ce lien a expiré.",
  "access.revoked": "Ce lien n’est plus actif.",
  "access.unknown": "Nous n’avons pas pu reconnaître ce lien.",
  "access.session": "Votre session a pris fin.",
  "access.sentHeading": "Consultez votre messagerie",
  "access.sentBody": "Si {email} est l’une des adresses auxquelles nous envoyons des factures, vous allez recevoir un nouveau lien. Il peut mettre une minute à arriver.",
  "access.intro": "Saisissez l’adresse e-mail à laquelle vos factures sont envoyées et nous vous enverrons un nouveau lien par e-mail.",
  "access.limited": "Trop de demandes ont été envoyées depuis cette connexion. Veuillez réessayer dans {minutes, plural, one {# minute} many {# minutes} other {# minutes}}.",
  "access.email": "Adresse e-mail",
  "access.emailInvalid": "Saisissez l’adresse e-mail à laquelle vos factures sont envoyées.",
  "access.sending": "Envoi en cours…",
  "access.send": "M’envoyer un nouveau lien",
};
