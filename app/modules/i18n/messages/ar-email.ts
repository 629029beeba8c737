// The ar email catalog, assembled from one file per part (messages/ar/email.ts, email-payments.ts, email-plans.ts,
// each with exactly the keys of its English file). Emails are written in ar once every part is here
// (email-catalogs.server.ts); until then a customer who reads ar gets the business's language.
import type { EmailCatalog } from "./en-email";
import { email } from "./ar/email";
import { emailPayments } from "./ar/email-payments";
import { emailPlans } from "./ar/email-plans";

export const arEmail: Partial<EmailCatalog> = { ...email, ...emailPayments, ...emailPlans };
