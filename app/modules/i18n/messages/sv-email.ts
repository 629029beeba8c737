// The sv email catalog, assembled from one file per part (messages/sv/email.ts, email-payments.ts, email-plans.ts,
// each with exactly the keys of its English file). Emails are written in sv once every part is here
// (email-catalogs.server.ts); until then a customer who reads sv gets the business's language.
import type { EmailCatalog } from "./en-email";
import { email } from "./sv/email";
import { emailPayments } from "./sv/email-payments";
import { emailPlans } from "./sv/email-plans";

export const svEmail: Partial<EmailCatalog> = { ...email, ...emailPayments, ...emailPlans };
