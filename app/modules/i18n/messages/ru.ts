// The ru catalog, assembled from one file per part of the customer side (messages/ru/*.ts, each with exactly
// the keys of its English file). A language is offered once every part is here (catalogs.server.ts).
import type { Catalog } from "./en";

export const ru: Partial<Catalog> = {};
