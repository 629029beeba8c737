import type { Stripe, StripeElements } from "@stripe/stripe-js";
import { loadStripe } from "@stripe/stripe-js/pure";
import { useEffect, useRef, useState } from "react";
import { Button } from "~/components/ui/button";
import { useT } from "./i18n";

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
  const { t, locale } = useT();
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
        // Stripe's own fields speak the page's language too.
        const els = s.elements({ clientSecret, locale: locale === "zh" ? "zh" : locale });
        els.create("payment").mount(mountRef.current);
        setStripe(s);
        setElements(els);
      })
      .catch(() => setError(t("stripe.loadFailed")));
    return () => {
      cancelled = true;
    };
  }, [publishableKey, clientSecret, locale, t]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setBusy(true);
    const result = mode === "setup" ? await stripe.confirmSetup({ elements, confirmParams: { return_url: returnUrl } }) : await stripe.confirmPayment({ elements, confirmParams: { return_url: returnUrl } });
    if (result.error) setError(result.error.message ?? t(mode === "setup" ? "stripe.notSaved" : "stripe.notPaid"));
    setBusy(false);
  }

  return (
    <form onSubmit={submit} className="mt-5 space-y-4">
      <noscript>
        <p className="text-sm text-rose-800">{t("stripe.needsJs")}</p>
      </noscript>
      <div ref={mountRef} />
      {error ? (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={!stripe || busy}>
        {busy ? t("payment.processing") : mode === "setup" ? t("stripe.saveForPlan") : t("payment.pay", { amount: amountText })}
      </Button>
    </form>
  );
}
