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
  return { ok: false, fieldErrors: fieldErrorsOf(result.error.issues), values };
}

/** zod's issues as messages per form field, for the page to show next to each field. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return fieldErrors;
}
