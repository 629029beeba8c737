import type { Stripe, StripeElements } from "@stripe/stripe-js";
import { loadStripe } from "@stripe/stripe-js/pure";
import { useEffect, useRef, useState } from "react";
import { Button } from "~/components/ui/button";

/**
 * Stripe's Payment Element: the only part of the portal that needs JavaScript (card and bank fields).
 * In "setup" mode it saves a card or bank account for later charges (a plan's new method) without paying.
 */
export function StripePaymentForm({
  publishableKey,
  clientSecret,
  returnUrl,
  amountText,
  mode = "payment",
}: {
  publishableKey: string;
  clientSecret: string;
  returnUrl: string;
  amountText: string;
  mode?: "payment" | "setup";
}) {
  const mountRef = useRef<HTMLDivElement>(null);
  const [stripe, setStripe] = useState<Stripe | null>(null);
  const [elements, setElements] = useState<StripeElements | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    loadStripe(publishableKey)
      .then((s) => {
        if (cancelled || !s || !mountRef.current) return;
        const els = s.elements({ clientSecret });
        els.create("payment").mount(mountRef.current);
        setStripe(s);
        setElements(els);
      })
      .catch(() => setError("The secure payment form could not load. Check your connection and reload the page."));
    return () => {
      cancelled = true;
    };
  }, [publishableKey, clientSecret]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setBusy(true);
    const result = mode === "setup" ? await stripe.confirmSetup({ elements, confirmParams: { return_url: returnUrl } }) : await stripe.confirmPayment({ elements, confirmParams: { return_url: returnUrl } });
    if (result.error) setError(result.error.message ?? (mode === "setup" ? "The details could not be saved." : "The payment did not go through."));
    setBusy(false);
  }

  return (
    <form onSubmit={submit} className="mt-5 space-y-4">
      <noscript>
        <p className="text-sm text-rose-800">The card and bank fields need JavaScript. Please turn it on to pay online.</p>
      </noscript>
      <div ref={mountRef} />
      {error ? (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={!stripe || busy}>
        {busy ? "Processing…" : mode === "setup" ? "Save for the plan" : `Pay ${amountText}`}
      </Button>
    </form>
  );
}
