// The es catalog, assembled from one file per part of the customer side (messages/es/*.ts, each with exactly
// the keys of its English file). A language is offered once every part is here (catalogs.server.ts).
import type { Catalog } from "./en";
import { access } from "./es/access";
import { checkout } from "./es/checkout";
import { common } from "./es/common";
import { document } from "./es/document";
import { errors } from "./es/errors";
import { home } from "./es/home";
import { invoice } from "./es/invoice";
import { pay } from "./es/pay";
import { payment } from "./es/payment";
import { pdf } from "./es/pdf";
import { plan } from "./es/plan";
import { sepa } from "./es/sepa";
import { status } from "./es/status";

export const es: Partial<Catalog> = { ...access, ...checkout, ...common, ...document, ...errors, ...home, ...invoice, ...pay, ...payment, ...pdf, ...plan, ...sepa, ...status };
