// The es email catalog, assembled from one file per part (messages/es/email.ts, email-payments.ts, email-plans.ts,
// each with exactly the keys of its English file). Emails are written in es once every part is here
// (email-catalogs.server.ts); until then a customer who reads es gets the business's language.
import type { EmailCatalog } from "./en-email";
import { email } from "./es/email";
import { emailPayments } from "./es/email-payments";
import { emailPlans } from "./es/email-plans";

export const esEmail: Partial<EmailCatalog> = { ...email, ...emailPayments, ...emailPlans };
