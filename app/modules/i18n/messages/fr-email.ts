// The fr email catalog, assembled from one file per part (messages/fr/email.ts, email-payments.ts, email-plans.ts,
// each with exactly the keys of its English file). Emails are written in fr once every part is here
// (email-catalogs.server.ts); until then a customer who reads fr gets the business's language.
import type { EmailCatalog } from "./en-email";
import { email } from "./fr/email";
import { emailPayments } from "./fr/email-payments";
import { emailPlans } from "./fr/email-plans";

export const frEmail: Partial<EmailCatalog> = { ...email, ...emailPayments, ...emailPlans };
