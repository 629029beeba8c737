// The ru email catalog, assembled from one file per part (messages/ru/email.ts, email-payments.ts, email-plans.ts,
// each with exactly the keys of its English file). Emails are written in ru once every part is here
// (email-catalogs.server.ts); until then a customer who reads ru gets the business's language.
import type { EmailCatalog } from "./en-email";
import { email } from "./ru/email";
import { emailPayments } from "./ru/email-payments";
import { emailPlans } from "./ru/email-plans";

export const ruEmail: Partial<EmailCatalog> = { ...email, ...emailPayments, ...emailPlans };
