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

/**
 * What is wrong with a request's address, or null. A query value holding a null character (%00) cannot be stored
 * or searched for (PostgreSQL refuses it in text), so the launcher answers 400 with this message before any route
 * runs (wapiti and sqlmap sent `?q=%00`; see docs/decisions/015-security-headers.md, "Outside scanners").
 */
export function addressProblem(url: string): string | null {
  const query = url.indexOf("?");
  if (query < 0) return null;
  for (const [key, value] of new URLSearchParams(url.slice(query + 1))) {
    if (key.includes("\u0000") || value.includes("\u0000")) return "The address contains a character that cannot be searched for (a null character, %00). Remove it and try again.";
  }
  return null;
}

/**
 * Why a request that changes something must be refused as sent from another site, or null. Session cookies are
 * SameSite=Lax, so a cross-site form already arrives signed out; this also covers the forms that need no session
 * (sign-in, link and password-reset requests) and sibling sites on the same domain. A browser says where a form
 * came from (Origin, else Sec-Fetch-Site); a program that says nothing (curl, Stripe's webhooks) is let through.
 * wapiti reports "Lack of anti CSRF token" on every form: docs/decisions/015-security-headers.md, "Outside scanners".
 */
export function crossSiteProblem(request: { method: string; origin?: string; fetchSite?: string; host?: string; appUrl: string }): string | null {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method.toUpperCase())) return null;
  const refusal = `This form was sent from another site. Open Duely at ${request.appUrl} and send it from there.`;
  if (request.origin) {
    if (request.origin === new URL(request.appUrl).origin) return null;
    let host: string;
    try {
      host = new URL(request.origin).host;
    } catch {
      return refusal; // "null": a sandboxed frame, a file, a redirect from another site
    }
    return request.host && host === request.host ? null : refusal;
  }
  return request.fetchSite && !["same-origin", "none"].includes(request.fetchSite) ? refusal : null;
}

/** The row id in the address. One that cannot be an id (a null character) finds nothing. */
export function idParam(params: LoaderFunctionArgs["params"], name = "id"): string {
  const id = params[name] ?? "";
  if (id.includes("\u0000")) throw new Response("Not found", { status: 404 });
  return id;
}
