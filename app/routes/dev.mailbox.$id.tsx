import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { assertMailboxAvailable, getMailboxMessage } from "~/modules/email/mailbox.server";
import { idParam } from "~/utils/request.server";

export async function loader({ params }: LoaderFunctionArgs) {
  assertMailboxAvailable();
  const m = await getMailboxMessage(idParam(params));
  return json({
    id: m.id,
    subject: m.subject,
    to: m.toAddress,
    from: m.fromAddress,
    status: m.status,
    html: m.html,
    text: m.text,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
    attempts: m.attempts,
    lastError: m.lastError,
  });
}

export default function Message() {
  const m = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const view = params.get("view") === "text" ? "text" : "html";
  const tab = (name: string) => `rounded-md px-3 py-1.5 text-sm font-medium ${view === name ? "bg-white shadow-sm ring-1 ring-slate-200" : "text-slate-600"}`;
  return (
    <article className="space-y-4 p-4 sm:p-6">
      <Link to="/dev/mailbox" className="text-sm text-teal-700 md:hidden">
        ← All messages
      </Link>
      <header>
        <h2 className="text-lg font-semibold">{m.subject}</h2>
        <dl className="mt-1 grid grid-cols-[4rem_1fr] text-sm text-slate-600">
          <dt>From</dt>
          <dd>{m.from}</dd>
          <dt>To</dt>
          <dd>{m.to}</dd>
          <dt>Status</dt>
          <dd>
            {m.status}
            {m.sentAt ? ` at ${new Date(m.sentAt).toLocaleString("en-US")}` : ""} · {m.attempts} attempt(s)
            {m.lastError ? ` · last error: ${m.lastError}` : ""}
          </dd>
        </dl>
      </header>
      <div className="inline-flex gap-1 rounded-lg bg-slate-100 p-1">
        <Link to="?view=html" className={tab("html")}>
          HTML
        </Link>
        <Link to="?view=text" className={tab("text")}>
          Plain text
        </Link>
      </div>
      {view === "html" ? (
        <iframe title="Email HTML" srcDoc={m.html} sandbox="allow-popups allow-popups-to-escape-sandbox" className="h-[70vh] w-full rounded-lg border border-slate-200 bg-white" />
      ) : (
        <pre data-testid="email-text" className="whitespace-pre-wrap rounded-lg border border-slate-200 bg-white p-4 font-mono text-sm">
          {m.text}
        </pre>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
