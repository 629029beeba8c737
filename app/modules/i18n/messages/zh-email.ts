// The zh email catalog, assembled from one file per part (messages/zh/email.ts, email-payments.ts, email-plans.ts,
// each with exactly the keys of its English file). Emails are written in zh once every part is here
// (email-catalogs.server.ts); until then a customer who reads zh gets the business's language.
import type { EmailCatalog } from "./en-email";
import { email } from "./zh/email";
import { emailPayments } from "./zh/email-payments";
import { emailPlans } from "./zh/email-plans";

export const zhEmail: Partial<EmailCatalog> = { ...email, ...emailPayments, ...emailPlans };
