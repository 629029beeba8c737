// The portal home page's data: the customer's invoices with today's early-pay offers, their last payments and
// their plans, read in three statements side by side (after the session's one), and shaped to what the page
// shows. The bench's bare server (bench/bare-server.ts) runs the same statements and the same shaping.
import type { Business, Customer } from "~/generated/prisma/client";
import type { CalendarDate } from "~/modules/dates/calendar";
import type { EarlyPayOffer } from "~/modules/discounts/early-pay";
import { listCustomerInvoicesWithOffers, totalsOf, type InvoiceSummary } from "~/modules/invoices/invoices.server";
import { listCustomerPayments, type CustomerPaymentRow } from "~/modules/payments/history.server";
import { loadPlanAccount, planOffered, type PlanAccount } from "~/modules/plans/portal.server";

export async function loadPortalHome(customer: Customer, business: Business, today: CalendarDate) {
  const [{ invoices, offers }, payments, account] = await Promise.all([
    listCustomerInvoicesWithOffers(customer.id, today),
    listCustomerPayments(customer.id, 10),
    loadPlanAccount(customer, business),
  ]);
  return portalHomeData({ customer, business, invoices, offers, payments, account });
}

/** What the page shows, and no more (it is also the data the browser hydrates from): not every figure. */
export function portalHomeData(input: {
  customer: Customer;
  business: Business;
  invoices: InvoiceSummary[];
  offers: Record<string, EarlyPayOffer | null>;
  payments: CustomerPaymentRow[];
  account: PlanAccount;
}) {
  const { customer, business, invoices, offers, payments, account } = input;
  const current = account.plans.filter((p) => p.status === "ACTIVE");
  const onPlan = new Set(current.flatMap((p) => p.invoices.map((i) => i.id)));
  const planCandidates = invoices.filter((i) => i.figures.dueNowCents > 0 && !onPlan.has(i.id)).map((i) => i.id);
  // The top figures are in the currency the customer is billed in; an invoice in another (an earlier) currency is
  // listed in its own and never added to them (decision 033).
  const currency = customer.currency ?? business.currency;
  return {
    customerName: customer.name,
    currency,
    totals: totalsOf(invoices.filter((i) => i.currency === currency)),
    invoices: invoices.map(({ id, number, currency: invoiceCurrency, issueDate, dueDate, figures: f }) => ({
      id,
      number,
      currency: invoiceCurrency,
      issueDate,
      dueDate,
      figures: { status: f.status, daysOverdue: f.daysOverdue, totalCents: f.totalCents, balanceCents: f.balanceCents, dueNowCents: f.dueNowCents, processingCents: f.processingCents },
    })),
    payments: payments.map(({ id, status, method, amountCents, currency: paymentCurrency, receiptNumber, invoiceNumbers, refundedCents, returned, chargedBack }) => ({ id, status, method, amountCents, currency: paymentCurrency, receiptNumber, invoiceNumbers, refundedCents, returned, chargedBack })),
    offers: Object.fromEntries(Object.entries(offers).filter(([, offer]) => offer !== null)) as Record<string, EarlyPayOffer>,
    plans: current,
    planByInvoice: Object.fromEntries(current.flatMap((p) => p.invoices.map((i) => [i.id, p.id]))),
    offerPlan: planOffered(account, { ...customer, business }, planCandidates),
  };
}

/** What the portal layout shows on every page: the business's header and footer, who is signed in, test mode. */
export function portalLayoutData(customer: Customer, business: Business, testMode: "simulator" | "stripe-test" | null) {
  return {
    testMode,
    customer: { name: customer.name, companyName: customer.companyName, email: customer.email },
    business: {
      name: business.name,
      brandColor: business.brandColor,
      logoUrl: business.logoUrl,
      supportEmail: business.supportEmail,
      phone: business.phone,
      addressLines: business.addressLines,
    },
  };
}
