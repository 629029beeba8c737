// The fr catalog, assembled from one file per part of the customer side (messages/fr/*.ts, each with exactly
// the keys of its English file). A language is offered once every part is here (catalogs.server.ts).
import type { Catalog } from "./en";
import { access } from "./fr/access";
import { checkout } from "./fr/checkout";
import { common } from "./fr/common";
import { document } from "./fr/document";
import { errors } from "./fr/errors";
import { home } from "./fr/home";
import { invoice } from "./fr/invoice";
import { pay } from "./fr/pay";
import { payment } from "./fr/payment";
import { pdf } from "./fr/pdf";
import { plan } from "./fr/plan";
import { sepa } from "./fr/sepa";
import { status } from "./fr/status";

export const fr: Partial<Catalog> = { ...access, ...checkout, ...common, ...document, ...errors, ...home, ...invoice, ...pay, ...payment, ...pdf, ...plan, ...sepa, ...status };
