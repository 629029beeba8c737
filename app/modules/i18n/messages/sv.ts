// The sv catalog, assembled from one file per part of the customer side (messages/sv/*.ts, each with exactly
// the keys of its English file). A language is offered once every part is here (catalogs.server.ts).
import type { Catalog } from "./en";
import { access } from "./sv/access";
import { checkout } from "./sv/checkout";
import { common } from "./sv/common";
import { document } from "./sv/document";
import { errors } from "./sv/errors";
import { home } from "./sv/home";
import { invoice } from "./sv/invoice";
import { pay } from "./sv/pay";
import { payment } from "./sv/payment";
import { pdf } from "./sv/pdf";
import { plan } from "./sv/plan";
import { sepa } from "./sv/sepa";
import { status } from "./sv/status";

export const sv: Partial<Catalog> = { ...access, ...checkout, ...common, ...document, ...errors, ...home, ...invoice, ...pay, ...payment, ...pdf, ...plan, ...sepa, ...status };
