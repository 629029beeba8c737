// The owner's invoice list filters, read from the query string. Shared by the list page and the CSV export.
import { z } from "zod";

export const STATE_FILTERS = ["ALL", "DRAFT", "ISSUED", "VOID"] as const;
export const STATUS_FILTERS = ["ALL", "OPEN", "DUE_SOON", "OVERDUE", "PARTLY_PAID", "PROCESSING", "PAID"] as const;

/** The list's filters from the query string; anything unknown falls back to "all". */
export const InvoiceFilter = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  state: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(STATE_FILTERS))
    .catch("ALL")
    .default("ALL"),
  status: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(STATUS_FILTERS))
    .catch("ALL")
    .default("ALL"),
});
export type InvoiceFilter = z.infer<typeof InvoiceFilter>;

export function filterFromUrl(url: URL): InvoiceFilter {
  return InvoiceFilter.parse({
    q: url.searchParams.get("q") ?? undefined,
    state: url.searchParams.get("state") ?? undefined,
    status: url.searchParams.get("status") ?? undefined,
  });
}
