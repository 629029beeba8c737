// The page around every sign-in-side form (sign in, setup, invitation, password reset): the mark, a title,
// one line under it, and the form's own content.
import type { ReactNode } from "react";

const WIDTH = { sm: "max-w-sm", md: "max-w-md", xl: "max-w-xl" } as const;

export function AuthShell({ title, subtitle, width = "sm", children }: { title: string; subtitle?: ReactNode; width?: keyof typeof WIDTH; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-teal-50 to-slate-50 px-4 py-10">
      <div className={`w-full ${WIDTH[width]}`}>
        <div className="mb-8 text-center">
          <img src="/favicon.svg" alt="" className="mx-auto h-10 w-10" />
          <h1 className="mt-4 text-2xl font-semibold tracking-tight">{title}</h1>
          {subtitle ? <p className="mt-1 text-sm text-slate-600">{subtitle}</p> : null}
        </div>
        {children}
      </div>
    </main>
  );
}

/** What went wrong with the whole form (a bad link, too many attempts), above it. */
export function FormAlert({ children, className = "mb-4" }: { children: ReactNode; className?: string }) {
  return (
    <p role="alert" className={`${className} rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200`}>
      {children}
    </p>
  );
}

export function FormCard({ children }: { children: ReactNode }) {
  return <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">{children}</div>;
}
