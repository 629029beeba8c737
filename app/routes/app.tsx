import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DevBanner } from "~/components/test-mode-banner";
import { can, PERMISSIONS, ROLE_LABEL, type Permission } from "~/modules/auth/roles";
import { requireOwner } from "~/modules/auth/session.server";
import { currentOffsetMs } from "~/utils/clock.server";
import { isProduction } from "~/utils/env.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, business } = await requireOwner(request);
  return json({
    user: { name: user.name, email: user.email, roleLabel: ROLE_LABEL[user.role] },
    // What the navigation shows; the server checks each page and action itself (requireUser).
    nav: NAV.filter((item) => !item.permission || can(user.role, item.permission)).map(({ to, label }) => ({ to, label })),
    business: { name: business.name, brandColor: business.brandColor },
    permissions: PERMISSION_NAMES.filter((p) => can(user.role, p)),
    dev: isProduction() ? null : { clockOffsetDays: Math.round(currentOffsetMs() / 86400_000) },
  });
}

const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

const NAV: { to: string; label: string; permission?: "configure" | "team" }[] = [
  { to: "/app", label: "Overview" },
  { to: "/app/board", label: "Board" },
  { to: "/app/money", label: "Money" },
  { to: "/app/customers", label: "Customers" },
  { to: "/app/invoices", label: "Invoices" },
  { to: "/app/payments", label: "Payments" },
  { to: "/app/plans", label: "Plans" },
  { to: "/app/questions", label: "Questions" },
  { to: "/app/reminders", label: "Reminders" },
  { to: "/app/emails", label: "Emails" },
  { to: "/app/team", label: "Team", permission: "team" },
  { to: "/app/settings", label: "Settings", permission: "configure" },
];

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-2.5 py-1.5 text-sm font-medium ${isActive ? "bg-black/25 text-white" : "text-teal-50 hover:bg-white/10"}`;

export default function OwnerLayout() {
  const { user, business, dev, nav } = useLoaderData<typeof loader>();
  return (
    <div className="min-h-screen">
      {dev ? <DevBanner clockOffsetDays={dev.clockOffsetDays} /> : null}
      <header style={{ backgroundColor: business.brandColor }} className="text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <div className="flex items-center gap-2">
            <img src="/favicon.svg" alt="" className="h-7 w-7 rounded-md ring-1 ring-white/30" />
            <span className="font-semibold">{business.name}</span>
          </div>
          <nav className="order-last -mx-2 flex w-full flex-wrap gap-0.5" aria-label="Workspace">
            {nav.map((item) => (
              <NavLink key={item.to} to={item.to} end={item.to === "/app"} className={navClass}>
                {item.label}
              </NavLink>
            ))}
            {dev ? (
              <NavLink to="/dev/mailbox" className={navClass}>
                Mailbox
              </NavLink>
            ) : null}
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <NavLink to="/app/account" className="rounded-md px-2 py-1 text-teal-50 hover:bg-white/10" title="Your account: password and sessions">
              <span className="hidden 2xl:inline">{user.name} · </span>
              {user.roleLabel}
            </NavLink>
            <Form method="post" action="/logout">
              <button type="submit" title={`Signed in as ${user.name} (${user.email})`} className="rounded-md px-3 py-1.5 font-medium text-white ring-1 ring-inset ring-white/40 hover:bg-white/10">
                Sign out
              </button>
            </Form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <Outlet />
      </main>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
