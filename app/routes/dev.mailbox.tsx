import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { assertMailboxAvailable, listMailbox } from "~/modules/email/mailbox.server";

export const meta: MetaFunction = () => [{ title: "Development mailbox · Duely" }];

export async function loader(_: LoaderFunctionArgs) {
  assertMailboxAvailable();
  return json({ messages: await listMailbox() });
}

const STATUS_TONE: Record<string, string> = {
  SENT: "bg-emerald-50 text-emerald-800",
  PENDING: "bg-amber-50 text-amber-800",
  SENDING: "bg-sky-50 text-sky-800",
  FAILED: "bg-rose-50 text-rose-800",
};

export default function Mailbox() {
  const { messages } = useLoaderData<typeof loader>();
  const { id } = useParams();
  return (
    <div className="flex h-screen flex-col">
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3">
        <div>
          <h1 className="font-semibold">Development mailbox</h1>
          <p className="text-xs text-slate-500">Every email the app sends while no SMTP server is configured. Nothing leaves this machine.</p>
        </div>
        <Link to="/app" className="text-sm font-medium text-teal-700 hover:text-teal-800">
          Back to the app
        </Link>
      </header>
      <div className="grid min-h-0 flex-1 md:grid-cols-[22rem_1fr]">
        <ul className={`overflow-y-auto border-r border-slate-200 bg-white ${id ? "hidden md:block" : ""}`} aria-label="Messages">
          {messages.length === 0 ? <li className="p-6 text-sm text-slate-500">No emails yet.</li> : null}
          {messages.map((m) => (
            <li key={m.id}>
              <Link
                to={`/dev/mailbox/${m.id}`}
                className={`block border-b border-slate-100 px-4 py-3 hover:bg-slate-50 ${m.id === id ? "bg-teal-50" : ""}`}
              >
                <div className="flex items-center justify-between gap-2">
                  <span className="truncate text-sm font-medium">{m.subject}</span>
                  <span className={`rounded px-1.5 py-0.5 text-[10px] font-semibold ${STATUS_TONE[m.status] ?? ""}`}>{m.status}</span>
                </div>
                <div className="mt-0.5 truncate text-xs text-slate-500">To {m.toAddress}</div>
                <div className="text-xs text-slate-500">{new Date(m.createdAt).toLocaleString("en-US")}</div>
              </Link>
            </li>
          ))}
        </ul>
        <section className="min-h-0 overflow-y-auto bg-slate-50">
          <Outlet />
        </section>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
