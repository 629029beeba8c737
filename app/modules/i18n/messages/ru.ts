// The ru catalog, assembled from one file per part of the customer side (messages/ru/*.ts, each with exactly
// the keys of its English file). A language is offered once every part is here (catalogs.server.ts).
import type { Catalog } from "./en";
import { access } from "./ru/access";
import { checkout } from "./ru/checkout";
import { common } from "./ru/common";
import { document } from "./ru/document";
import { errors } from "./ru/errors";
import { home } from "./ru/home";
import { invoice } from "./ru/invoice";
import { pay } from "./ru/pay";
import { payment } from "./ru/payment";
import { pdf } from "./ru/pdf";
import { plan } from "./ru/plan";
import { sepa } from "./ru/sepa";
import { status } from "./ru/status";

export const ru: Partial<Catalog> = { ...access, ...checkout, ...common, ...document, ...errors, ...home, ...invoice, ...pay, ...payment, ...pdf, ...plan, ...sepa, ...status };
