// Settings: how Duely reaches Stripe. The keys live in the server's environment (never in the database or a
// page); this card shows what is set, in which mode, the last signed webhook, and what to paste into Stripe.
import type { Check } from "~/modules/setup/checklist";
import { Card } from "./ui/card";

export function PaymentProviderCard({ checks, webhookUrl, events }: { checks: Check[]; webhookUrl: string; events: string[] }) {
  return (
    <Card className="p-5">
      <section id="payment-provider" aria-labelledby="payment-provider-title">
        <h2 id="payment-provider-title" className="font-semibold">
          Payment provider
        </h2>
        <ul className="mt-3 space-y-1 text-sm">
          {checks.map((c) => (
            <li key={c.label} className="flex gap-2">
              <span aria-hidden="true" className={c.ok ? "text-teal-700" : "text-amber-600"}>
                {c.ok ? "✓" : "○"}
              </span>
              <span>
                {c.label}
                <span className="sr-only">{c.ok ? " (done)" : " (not done)"}</span>
              </span>
            </li>
          ))}
        </ul>
        <div className="mt-4 space-y-2 border-t border-slate-100 pt-4 text-sm text-slate-600">
          <p>
            Set <code className="font-mono text-xs">STRIPE_SECRET_KEY</code> and <code className="font-mono text-xs">STRIPE_PUBLISHABLE_KEY</code> (both test or both live) in the
            server&apos;s environment and restart it. In Stripe&apos;s dashboard, add a webhook endpoint at
          </p>
          <p className="break-all rounded-lg bg-slate-50 px-3 py-2 font-mono text-xs text-slate-900 ring-1 ring-inset ring-slate-200">{webhookUrl}</p>
          <p>
            with these events: <span className="font-mono text-xs">{events.join(", ")}</span>. Put its signing secret in <code className="font-mono text-xs">STRIPE_WEBHOOK_SECRET</code>.
          </p>
        </div>
      </section>
    </Card>
  );
}
