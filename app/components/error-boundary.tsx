import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const MESSAGES: Record<number, { title: string; body: string }> = {
  400: { title: "Something in that request was not right", body: "Go back, check what you entered and try again." },
  403: { title: "You do not have access to this page", body: "If you think you should, ask the person who sent you the link." },
  404: { title: "We could not find that page", body: "The link may be old, or the page may belong to another account." },
  429: { title: "Too many attempts", body: "Please wait a few minutes and try again." },
};

/** Every route's error page: says what happened in words a customer understands. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = MESSAGES[status];
  const title = known?.title ?? "Something went wrong on our side";
  // A refusal by role says which role and what it cannot do (app/modules/auth/roles.ts).
  const refusal = status === 403 && isRouteErrorResponse(error) && typeof error.data === "string" && error.data.startsWith("Your role") ? error.data : null;
  const body =
    refusal ??
    known?.body ??
    "Nothing you did caused this, and nothing was charged twice. Please try again in a minute; if it keeps happening, contact the business that sent you here.";
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-teal-700">Error {status}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-3 text-slate-600">{body}</p>
      <Link to="/" className="mt-6 text-sm font-medium text-teal-700 hover:text-teal-800">
        Go to the start page
      </Link>
    </main>
  );
}
