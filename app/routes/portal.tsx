import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireCustomer } from "~/modules/portal-access/tokens.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { customer, business } = await requireCustomer(request);
  return json({
    customer: { name: customer.name, companyName: customer.companyName, email: customer.email },
    business: {
      name: business.name,
      brandColor: business.brandColor,
      supportEmail: business.supportEmail,
      phone: business.phone,
      addressLines: business.addressLines,
    },
  });
}

export default function PortalLayout() {
  const { customer, business } = useLoaderData<typeof loader>();
  return (
    <div className="min-h-screen bg-slate-50">
      <header style={{ backgroundColor: business.brandColor }} className="text-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-4">
          <span className="text-lg font-semibold">{business.name}</span>
          <span className="truncate text-sm text-white/90">{customer.companyName ?? customer.name}</span>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-6 sm:py-10">
        <Outlet />
      </main>
      <footer className="mx-auto max-w-3xl px-4 pb-10 text-xs text-slate-500">
        <p>
          {business.name} · {business.addressLines.join(", ")}
        </p>
        <p className="mt-1">
          Questions about an invoice? Write to <a className="underline" href={`mailto:${business.supportEmail}`}>{business.supportEmail}</a>
          {business.phone ? ` or call ${business.phone}` : ""}.
        </p>
      </footer>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
