// Paying by SEPA Direct Debit from the portal: the customer's IBAN and their acceptance of the mandate become a
// SepaMandate (what they agreed to, when, from where) and a confirmed debit at the gateway, which is then processing.
// The same form serves the simulator and Stripe; only the gateway differs. See docs/decisions/028-sepa-direct-debit.md.
import crypto from "node:crypto";
import { logActivity } from "~/modules/activity/activity.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { getGateway, SepaInputError } from "./gateway.server";
import { checkIban, ibanBankCodes, ibanLast4 } from "./iban";
import { describeSepaAccount } from "./pricing";
import { sepaMandateText } from "./sepa-mandate";
import { customerLocale } from "~/modules/i18n/locale.server";
import type { Locale } from "~/modules/i18n/locales";
import { translator } from "~/modules/i18n/translator.server";
import { refuseAfterDiscountDeadline } from "./simulator.server";

export { SepaInputError };

export type SepaDetails = { iban: string; holderName: string; email: string };
export type MandateAcceptance = { ipAddress: string; userAgent: string };

/** A mandate reference as Stripe makes them: 16 upper-case letters and digits, unique. */
function newMandateReference() {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from(crypto.randomBytes(16), (b) => alphabet[b % alphabet.length]).join("");
}

/** Where the acceptance came from, as Stripe records it: the server's view of the address (Express's req.ip), and the browser. */
export function acceptanceOf(request: Request, ipAddress: unknown): MandateAcceptance {
  return { ipAddress: (typeof ipAddress === "string" && ipAddress ? ipAddress : "unknown").slice(0, 64), userAgent: (request.headers.get("user-agent") ?? "unknown").slice(0, 500) };
}

/** `locale`: the language the customer read the mandate in; it is stored in that language, word for word. */
export async function confirmSepaPayment(customerId: string, paymentId: string, details: SepaDetails, acceptance: MandateAcceptance, locale?: Locale) {
  const payment = await db.payment.findFirst({ where: { id: paymentId, customerId }, include: { customer: { include: { business: true } } } });
  if (!payment) throw new Response("Not found", { status: 404 });
  if (payment.status !== "PENDING") return payment.status;
  if (payment.method !== "SEPA_DEBIT") throw new SepaInputError("checkout.sepa.notSepa");
  const checked = checkIban(details.iban);
  if (!checked.ok) throw new SepaInputError(checked.refusal.key, checked.refusal.values);
  await refuseAfterDiscountDeadline(payment);
  const { customer } = payment;
  const { business } = customer;

  // One mandate per payment: a second submit (a double click, a retry after a refused IBAN) replaces the one not yet used.
  const acceptedAt = now();
  const { bankCode } = ibanBankCodes(checked.iban);
  const mandate = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string; sepaMandateId: string | null }[]>`select "status", "sepaMandateId" from "Payment" where "id" = ${payment.id} for update`;
    if (!locked || locked.status !== "PENDING") return null;
    const data = {
      holderName: details.holderName,
      holderEmail: details.email,
      ibanCountry: checked.country,
      ibanLast4: ibanLast4(checked.iban),
      bankCode: bankCode || null,
      text: sepaMandateText(business.name, translator(locale ?? customerLocale(customer, business))),
      acceptedAt,
      ipAddress: acceptance.ipAddress,
      userAgent: acceptance.userAgent,
      type: payment.savePaymentMethod ? "multi_use" : "single_use",
    };
    // Known now, whichever gateway: Stripe's webhooks name the payment method only by its id.
    const methodDetails = describeSepaAccount(data.ibanLast4);
    if (locked.sepaMandateId) {
      await tx.payment.update({ where: { id: payment.id }, data: { methodDetails } });
      return tx.sepaMandate.update({ where: { id: locked.sepaMandateId }, data });
    }
    const created = await tx.sepaMandate.create({ data: { ...data, businessId: business.id, customerId: customer.id, reference: newMandateReference() } });
    await tx.payment.update({ where: { id: payment.id }, data: { sepaMandateId: created.id, methodDetails } });
    return created;
  });
  if (!mandate) return (await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status;

  const gateway = await getGateway();
  const confirmed = await gateway.confirmSepaDebit({
    paymentId: payment.id,
    providerPaymentId: payment.providerPaymentId ?? "",
    customer: { id: customer.id, email: customer.email, name: customer.name, stripeCustomerId: customer.stripeCustomerId },
    iban: checked.iban,
    holderName: details.holderName,
    email: details.email,
    savePaymentMethod: payment.savePaymentMethod,
    mandate: { acceptedAt, ipAddress: acceptance.ipAddress, userAgent: acceptance.userAgent },
  });
  await db.$transaction(async (tx) => {
    await tx.sepaMandate.update({
      where: { id: mandate.id },
      data: { providerMandateId: confirmed.providerMandateId ?? mandate.providerMandateId, ...(confirmed.reference ? { reference: confirmed.reference } : {}) },
    });
    await logActivity(tx, {
      businessId: business.id,
      customerId: customer.id,
      actor: "CUSTOMER",
      type: "sepa.mandate_accepted",
      summary: `Accepted SEPA Direct Debit mandate ${confirmed.reference ?? mandate.reference} for the account ending ${mandate.ibanLast4} (${mandate.holderName})`,
      data: { paymentId: payment.id, mandateId: mandate.id },
    });
  });
  return (await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status;
}
