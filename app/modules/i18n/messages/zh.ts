// The zh catalog, assembled from one file per part of the customer side (messages/zh/*.ts, each with exactly
// the keys of its English file). A language is offered once every part is here (catalogs.server.ts).
import type { Catalog } from "./en";

export const zh: Partial<Catalog> = {};
