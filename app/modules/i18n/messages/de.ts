// The de catalog, assembled from one file per part of the customer side (messages/de/*.ts, each with exactly
// the keys of its English file). A language is offered once every part is here (catalogs.server.ts).
import type { Catalog } from "./en";
import { access } from "./de/access";
import { checkout } from "./de/checkout";
import { common } from "./de/common";
import { document } from "./de/document";
import { errors } from "./de/errors";
import { home } from "./de/home";
import { invoice } from "./de/invoice";
import { pay } from "./de/pay";
import { payment } from "./de/payment";
import { pdf } from "./de/pdf";
import { plan } from "./de/plan";
import { sepa } from "./de/sepa";
import { status } from "./de/status";

export const de: Partial<Catalog> = { ...access, ...checkout, ...common, ...document, ...errors, ...home, ...invoice, ...pay, ...payment, ...pdf, ...plan, ...sepa, ...status };
