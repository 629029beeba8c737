// The English catalog, assembled from one file per part of the customer side (messages/en/*.ts).
import { access } from "./en/access";
import { checkout } from "./en/checkout";
import { common } from "./en/common";
import { document } from "./en/document";
import { errors } from "./en/errors";
import { home } from "./en/home";
import { invoice } from "./en/invoice";
import { pay } from "./en/pay";
import { payment } from "./en/payment";
import { pdf } from "./en/pdf";
import { plan } from "./en/plan";
import { sepa } from "./en/sepa";
import { status } from "./en/status";

export const en = {
  ...common,
  ...errors,
  ...status,
  ...home,
  ...access,
  ...invoice,
  ...pay,
  ...payment,
  ...plan,
  ...document,
  ...pdf,
  ...sepa,
  ...checkout,
} as const;

export type MessageKey = keyof typeof en;
/** A translation: every key of the English catalog, no more and no fewer (a missing key does not compile). */
export type Catalog = Record<MessageKey, string>;
