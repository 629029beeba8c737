import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card } from "~/components/ui/card";
import { requireOwner } from "~/modules/auth/session.server";
import { previewAllEmails } from "~/modules/email/previews.server";

export const meta: MetaFunction = () => [{ title: "Email previews · Duely" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireOwner(request);
  return json({ emails: await previewAllEmails(business) });
}

export default function EmailPreviews() {
  const { emails } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const selected = emails.find((e) => e.template === params.get("template")) ?? emails[0];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Emails your customers receive</h1>
      <p className="text-sm text-slate-500">Every email the product sends, in your branding, with sample data. Each has a plain-text version too.</p>
      <div className="grid gap-4 lg:grid-cols-[16rem_1fr]">
        <nav aria-label="Emails" className="flex flex-wrap gap-1 lg:flex-col">
          {emails.map((e) => (
            <Link key={e.template} to={`?template=${e.template}`} className={`rounded-md px-3 py-2 text-sm ${e.template === selected?.template ? "bg-teal-50 font-medium text-teal-900" : "text-slate-700 hover:bg-slate-100"}`}>
              {e.title}
            </Link>
          ))}
        </nav>
        {selected ? (
          <Card className="space-y-3 p-4">
            <p className="font-semibold">{selected.subject}</p>
            <iframe title={`${selected.title} preview`} srcDoc={selected.html} sandbox="" className="h-[60vh] w-full rounded-lg border border-slate-200" />
            <details>
              <summary className="cursor-pointer text-sm font-medium text-teal-700">Plain-text version</summary>
              <pre className="mt-2 whitespace-pre-wrap rounded-lg bg-slate-50 p-3 text-xs">{selected.text}</pre>
            </details>
          </Card>
        ) : null}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
