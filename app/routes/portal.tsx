import type { LoaderFunctionArgs } from "@remix-run/node";
import type { ReactNode } from "react";
import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useT } from "~/components/i18n";
import { LanguageSwitch } from "~/components/language-switch";
import { i18nData, portalLocale } from "~/modules/i18n/locale.server";
import { getGateway } from "~/modules/payments/gateway.server";
import { portalLayoutData } from "~/modules/portal/home.server";
import { requireCustomer } from "~/modules/portal-access/tokens.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { customer, business } = await requireCustomer(request, context);
  const gateway = await getGateway();
  // A plain object, not json(): with single fetch Remix sends it as it is, where a Response would be
  // serialised, parsed back and serialised again for the page (docs/decisions/018-hot-reads.md).
  const locale = await portalLocale(request, customer, business);
  return { ...portalLayoutData(customer, business, gateway.testMode ? (gateway.name === "simulator" ? "simulator" : "stripe-test") : null), i18n: i18nData(locale) };
}

export default function PortalLayout() {
  const { customer, business, testMode } = useLoaderData<typeof loader>();
  const { t, rich } = useT();
  const email = (chunks: ReactNode[]) => (
    <a className="underline" href={`mailto:${business.supportEmail}`}>
      {chunks}
    </a>
  );
  return (
    <div className="min-h-screen bg-slate-50">
      {testMode ? (
        <p role="note" className="bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-900">
          {t("common.testMode")} {t(testMode === "simulator" ? "common.testModeSimulator" : "common.testModeStripe")}
        </p>
      ) : null}
      <header style={{ backgroundColor: business.brandColor }} className="text-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-4">
          <Link to="/portal" className="flex items-center gap-3 text-lg font-semibold">
            {business.logoUrl ? <img src={business.logoUrl} alt="" className="h-9 w-auto max-w-[8rem] rounded bg-white p-1" /> : null}
            {business.name}
          </Link>
          <div className="flex min-w-0 items-center gap-3">
            <span className="hidden truncate text-sm text-white/90 sm:inline">{customer.companyName ?? customer.name}</span>
            <LanguageSwitch tone="onBrand" />
          </div>
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
          {business.phone
            ? rich("common.footerQuestionsPhone", { email, address: business.supportEmail, phone: business.phone })
            : rich("common.footerQuestions", { email, address: business.supportEmail })}
        </p>
      </footer>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
