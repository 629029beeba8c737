// The zh catalog, assembled from one file per part of the customer side (messages/zh/*.ts, each with exactly
// the keys of its English file). A language is offered once every part is here (catalogs.server.ts).
import type { Catalog } from "./en";
import { access } from "./zh/access";
import { checkout } from "./zh/checkout";
import { common } from "./zh/common";
import { document } from "./zh/document";
import { errors } from "./zh/errors";
import { home } from "./zh/home";
import { invoice } from "./zh/invoice";
import { pay } from "./zh/pay";
import { payment } from "./zh/payment";
import { pdf } from "./zh/pdf";
import { plan } from "./zh/plan";
import { sepa } from "./zh/sepa";
import { status } from "./zh/status";

export const zh: Partial<Catalog> = { ...access, ...checkout, ...common, ...document, ...errors, ...home, ...invoice, ...pay, ...payment, ...pdf, ...plan, ...sepa, ...status };
