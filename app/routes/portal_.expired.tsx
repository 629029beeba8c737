import { json, type HeadersFunction, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { requestPortalLink } from "~/modules/portal-access/request-link.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Get a new link" }];

const REASONS: Record<string, string> = {
  expired: "This link has expired.",
  revoked: "This link is no longer active.",
  unknown: "We could not recognise this link.",
  session: "Your session has ended.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const reason = new URL(request.url).searchParams.get("reason") ?? "session";
  return json({ heading: REASONS[reason] ?? REASONS.session });
}

const RequestForm = z.object({ email: z.string().trim().max(254, "Enter the email address your invoices are sent to.").email("Enter the email address your invoices are sent to.") });

// A page answered with 429 keeps the action's Retry-After (Remix takes a page's headers from this export).
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(RequestForm, await readForm(request));
  if (!parsed.ok) return json({ sent: false, fieldErrors: parsed.fieldErrors, email: parsed.values.email ?? "", retryAfterMinutes: null }, { status: 400 });
  const result = await requestPortalLink(parsed.data.email, String((context as { ipAddress?: string }).ipAddress ?? "unknown"));
  if (result.limited) {
    return json(
      { sent: false, fieldErrors: {}, email: parsed.data.email, retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60) },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return json({ sent: true, fieldErrors: {}, email: parsed.data.email, retryAfterMinutes: null });
}

export default function Expired() {
  const { heading } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4">
      <div className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        {data?.sent ? (
          <div role="status">
            <h1 className="text-xl font-semibold">Check your email</h1>
            <p className="mt-2 text-slate-600">
              If {data.email} is an address we send invoices to, a new link is on its way. It can take a minute to arrive.
            </p>
          </div>
        ) : (
          <>
            <h1 className="text-xl font-semibold">{heading}</h1>
            <p className="mt-2 text-slate-600">Enter the email address your invoices are sent to and we will email you a fresh link.</p>
            {data?.retryAfterMinutes ? (
              <p role="alert" className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
                Too many requests from here. Please try again in {data.retryAfterMinutes} minute{data.retryAfterMinutes === 1 ? "" : "s"}.
              </p>
            ) : null}
            <Form method="post" className="mt-5 space-y-4" noValidate>
              <Field label="Email address" name="email" type="email" autoComplete="email" defaultValue={data?.email} errors={(data?.fieldErrors as Record<string, string[]> | undefined)?.email} />
              <Button type="submit" className="w-full" disabled={busy}>
                {busy ? "Sending…" : "Email me a new link"}
              </Button>
            </Form>
          </>
        )}
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
