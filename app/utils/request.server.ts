// Reading what a visitor sent. A body that is not a form, or a value the database cannot store (a null
// character), is refused with a message the error page shows, instead of failing as a server error.
import type { LoaderFunctionArgs } from "@remix-run/node";

const refuse = (message: string, status = 400) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) throw refuse("This address takes a form. Reload the page and send the form again.", 415);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw refuse("The form could not be read. Reload the page and send it again.");
  }
  for (const [, value] of form.entries()) {
    if (typeof value === "string" && value.includes("\u0000")) throw refuse("The form contains a character that cannot be saved (a null character). Remove it and send the form again.");
  }
  return form;
}

/** The row id in the address. One that cannot be an id (a null character) finds nothing. */
export function idParam(params: LoaderFunctionArgs["params"], name = "id"): string {
  const id = params[name] ?? "";
  if (id.includes("\u0000")) throw new Response("Not found", { status: 404 });
  return id;
}
