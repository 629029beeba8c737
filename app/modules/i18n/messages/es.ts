// The es catalog, assembled from one file per part of the customer side (messages/es/*.ts, each with exactly
// the keys of its English file). A language is offered once every part is here (catalogs.server.ts).
import type { Catalog } from "./en";

export const es: Partial<Catalog> = {};
