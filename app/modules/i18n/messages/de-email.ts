// The de email catalog, assembled from one file per part (messages/de/email.ts, email-payments.ts, email-plans.ts,
// each with exactly the keys of its English file). Emails are written in de once every part is here
// (email-catalogs.server.ts); until then a customer who reads de gets the business's language.
import type { EmailCatalog } from "./en-email";
import { email } from "./de/email";
import { emailPayments } from "./de/email-payments";
import { emailPlans } from "./de/email-plans";

export const deEmail: Partial<EmailCatalog> = { ...email, ...emailPayments, ...emailPlans };
