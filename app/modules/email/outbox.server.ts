// The email outbox: an email is a row written in the same transaction as the change that causes it,
// and a job delivers it. See docs/decisions/004-email-outbox.md.
import type { TemplateName, EmailPropsByTemplate } from "../../../emails/index";
import { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/utils/db.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { QUEUES, sendJobInTransaction } from "~/modules/jobs/queue.server";
import { isLocale } from "~/modules/i18n/locales";
import { renderEmail } from "./render.server";

export type EnqueueEmail<T extends TemplateName> = {
  template: T;
  props: EmailPropsByTemplate[T];
  to: string;
  replyTo?: string;
  businessId?: string;
  customerId?: string;
  /** The same key never queues a second email (a repeated request, a retried job). */
  dedupeKey?: string;
};

/** The language a customer email is written in (its props carry it); owner emails have none and are English. */
function localeOf(props: object): string | null {
  const locale = (props as { locale?: unknown }).locale;
  return isLocale(locale) ? locale : null;
}

/**
 * Renders the email and writes it to the outbox inside `tx`, together with the delivery job.
 * Returns the outbox id, or the existing one when `dedupeKey` was already used.
 */
export async function enqueueEmail<T extends TemplateName>(tx: Tx, email: EnqueueEmail<T>): Promise<{ id: string; created: boolean }> {
  if (email.dedupeKey) {
    const existing = await tx.outboxEmail.findUnique({ where: { dedupeKey: email.dedupeKey }, select: { id: true } });
    if (existing) return { id: existing.id, created: false };
  }
  const rendered = await renderEmail(email.template, email.props);
  const row = await tx.outboxEmail.create({
    data: {
      template: email.template,
      toAddress: email.to,
      fromAddress: getEnv().MAIL_FROM,
      replyTo: email.replyTo,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      businessId: email.businessId,
      customerId: email.customerId,
      dedupeKey: email.dedupeKey,
      locale: localeOf(email.props),
    },
    select: { id: true },
  });
  await sendJobInTransaction(tx, QUEUES.deliverEmail, { outboxEmailId: row.id }, { singletonKey: row.id });
  return { id: row.id, created: true };
}

/** Convenience for callers with nothing else to write: one transaction for the email alone. */
export async function sendEmailNow<T extends TemplateName>(email: EnqueueEmail<T>) {
  try {
    return await db.$transaction((tx) => enqueueEmail(tx, email));
  } catch (error) {
    // Two requests racing on the same dedupe key: the loser returns the winner's email.
    if (email.dedupeKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: email.dedupeKey }, select: { id: true } });
      return { id: existing.id, created: false };
    }
    throw error;
  }
}
