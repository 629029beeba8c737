import type { z } from "zod";

export type FieldErrors = Record<string, string[] | undefined>;

/** Parses FormData with a zod schema; on failure returns the messages per field for the page to show. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData):
  | { ok: true; data: z.infer<S> }
  | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string") values[key] = value;
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "form");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors, values };
}
