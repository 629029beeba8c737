// What a sender needs to write an email to a customer in the customer's email language: the locale (emailLocale),
// and money, days, payment methods, failure reasons and receipt lines said in it. Templates word the sentences
// themselves from the email catalog; what they are given here is already in the same language.
import type { EarlyPayWords } from "../../../emails/invoice-sent";
import type { CalendarDate } from "~/modules/dates/calendar";
import type { EarlyPayOffer } from "~/modules/discounts/early-pay";
import { catalogOf } from "~/modules/i18n/catalogs.server";
import { emailTranslator, type EmailTranslator } from "~/modules/i18n/email-translator.server";
import type { Locale } from "~/modules/i18n/locales";
import { emailLocale } from "~/modules/i18n/locale.server";
import type { MessageKey } from "~/modules/i18n/messages/en";
import type { Translator } from "~/modules/i18n/formatter";
import { translator } from "~/modules/i18n/translator.server";
import { failureText, paymentMethodText, savedMethodText, type SavedMethodParts } from "~/modules/payments/method-text";
import { receiptPartLabel, receiptParts } from "~/modules/payments/receipt-parts";

export type CustomerWords = {
  locale: Locale;
  email: EmailTranslator;
  /** The portal's catalog in the same language: method names, failure reasons and receipt lines are shared with it. */
  portal: Translator;
  money: (cents: number, currency: string) => string;
  day: (day: CalendarDate) => string;
  method: (payment: { method: string; methodDetails: string | null }) => string;
  savedMethod: (pm: SavedMethodParts | null) => string;
  failure: (payment: { method: string; failureCode: string | null; failureMessage: string | null }, fallback: string) => string;
  earlyPay: (offer: EarlyPayOffer | null | undefined, currency: string) => EarlyPayWords | null;
  receiptLines: (payment: Parameters<typeof receiptParts>[0], currency: string) => { label: string; value: string }[];
};

export function customerWords(customer: { language: string | null }, business: { language: string }): CustomerWords {
  return wordsIn(emailLocale(customer, business));
}

export function wordsIn(locale: Locale): CustomerWords {
  const email = emailTranslator(locale);
  const portal = translator(locale);
  const messages: Record<string, string> = catalogOf(locale);
  const tx = (keyOrText: string) => (keyOrText in messages ? portal.t(keyOrText as MessageKey) : keyOrText);
  const money = (cents: number, currency: string) => email.money(cents, currency);
  const day = (d: CalendarDate) => email.date(d, "long");
  return {
    locale,
    email,
    portal,
    money,
    day,
    method: (payment) => paymentMethodText(portal.t, payment),
    savedMethod: (pm) => savedMethodText(portal.t, pm),
    failure: (payment, fallback) => failureText(tx, payment) ?? fallback,
    earlyPay: (offer, currency) => (offer ? { amount: money(offer.payCents, currency), date: day(offer.deadline), saving: money(offer.discountCents, currency), bankOnly: offer.achOnly } : null),
    receiptLines: (payment, currency) =>
      receiptParts(payment).map((part) => ({
        label: receiptPartLabel(portal.t, part),
        value: money(part.cents, currency),
      })),
  };
}
