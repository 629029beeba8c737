// The English email catalog: every word of the emails a customer receives (messages/en/email*.ts). Kept apart
// from the portal's catalog (en.ts) so that the languages the portal offers do not wait for the emails'
// translations, and the other way round (docs/decisions/032-email-languages.md).
import { email } from "./en/email";
import { emailPayments } from "./en/email-payments";
import { emailPlans } from "./en/email-plans";

export const enEmail = { ...email, ...emailPayments, ...emailPlans } as const;

export type EmailMessageKey = keyof typeof enEmail;
/** An email translation: every key of the English email catalog, no more and no fewer. */
export type EmailCatalog = Record<EmailMessageKey, string>;
