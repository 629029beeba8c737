// The ar catalog, assembled from one file per part of the customer side (messages/ar/*.ts, each with exactly
// the keys of its English file). A language is offered once every part is here (catalogs.server.ts).
import type { Catalog } from "./en";
import { access } from "./ar/access";
import { checkout } from "./ar/checkout";
import { common } from "./ar/common";
import { document } from "./ar/document";
import { errors } from "./ar/errors";
import { home } from "./ar/home";
import { invoice } from "./ar/invoice";
import { pay } from "./ar/pay";
import { payment } from "./ar/payment";
import { pdf } from "./ar/pdf";
import { plan } from "./ar/plan";
import { sepa } from "./ar/sepa";
import { status } from "./ar/status";

export const ar: Partial<Catalog> = { ...access, ...checkout, ...common, ...document, ...errors, ...home, ...invoice, ...pay, ...payment, ...pdf, ...plan, ...sepa, ...status };
