// "I have a question about this invoice": chasing pauses for that invoice only until the owner resolves it.
import { logActivity } from "~/modules/activity/activity.server";
import { brandOf } from "~/modules/business/brand";
import { customerWords } from "~/modules/email/customer-words.server";
import { enqueueEmail } from "~/modules/email/outbox.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { QUESTION_REASONS, type QuestionReason } from "./question-reasons";


export async function askQuestion(customerId: string, invoiceId: string, reason: QuestionReason, message: string) {
  const invoice = await db.invoice.findFirst({ where: { id: invoiceId, customerId, state: "ISSUED" }, include: { customer: { include: { business: { include: { users: true } } } } } });
  if (!invoice) throw new Response("Not found", { status: 404 });
  const { customer } = invoice;
  const { business } = customer;
  return db.$transaction(async (tx) => {
    const question = await tx.invoiceQuestion.create({ data: { invoiceId, customerId, reason, message, createdAt: now() } });
    for (const owner of business.users) {
      await enqueueEmail(tx, {
        template: "question-received",
        to: owner.email,
        replyTo: customer.email,
        businessId: business.id,
        customerId,
        dedupeKey: `question:${question.id}:${owner.id}`,
        props: { brand: brandOf(business), customerName: customer.name, invoiceNumber: invoice.number, reason: QUESTION_REASONS[reason], message, answerUrl: `${getEnv().APP_URL}/app/questions` },
      });
    }
    await logActivity(tx, {
      businessId: business.id,
      customerId,
      invoiceId,
      actor: "CUSTOMER",
      type: "question.asked",
      summary: `Asked about ${invoice.number} (${QUESTION_REASONS[reason]}): reminders for this invoice pause until it is resolved`,
      data: { questionId: question.id },
    });
    return question;
  });
}

export async function answerQuestion(businessId: string, ownerId: string, questionId: string, answer: string, resolve: boolean) {
  const question = await db.invoiceQuestion.findFirst({ where: { id: questionId, invoice: { businessId } }, include: { invoice: true, customer: { include: { business: true } } } });
  if (!question) throw new Response("Not found", { status: 404 });
  const { customer } = question;
  await db.$transaction(async (tx) => {
    await tx.invoiceQuestion.update({
      where: { id: question.id },
      data: { answer, answeredAt: now(), answeredById: ownerId, status: resolve ? "RESOLVED" : "ANSWERED", resolvedAt: resolve ? now() : null },
    });
    await enqueueEmail(tx, {
      template: "question-answered",
      to: customer.email,
      replyTo: customer.business.supportEmail,
      businessId,
      customerId: customer.id,
      dedupeKey: `answer:${question.id}:${question.answeredAt?.getTime() ?? 0}`,
      props: {
        locale: customerWords(customer, customer.business).locale,
        brand: brandOf(customer.business),
        customerName: customer.name, invoiceNumber: question.invoice.number, question: question.message, answer, portalUrl: `${getEnv().APP_URL}/portal/invoices/${question.invoiceId}`,
      },
    });
    await logActivity(tx, {
      businessId,
      customerId: customer.id,
      invoiceId: question.invoiceId,
      actor: "OWNER",
      actorUserId: ownerId,
      type: resolve ? "question.resolved" : "question.answered",
      summary: resolve ? `Answered and resolved the question on ${question.invoice.number}: reminders resume` : `Answered the question on ${question.invoice.number}`,
      data: { questionId: question.id },
    });
  });
}

export async function resolveQuestion(businessId: string, ownerId: string, questionId: string) {
  const question = await db.invoiceQuestion.findFirst({ where: { id: questionId, invoice: { businessId }, status: { not: "RESOLVED" } }, include: { invoice: true } });
  if (!question) throw new Response("Not found", { status: 404 });
  await db.$transaction(async (tx) => {
    await tx.invoiceQuestion.update({ where: { id: question.id }, data: { status: "RESOLVED", resolvedAt: now() } });
    await logActivity(tx, { businessId, customerId: question.customerId, invoiceId: question.invoiceId, actor: "OWNER", actorUserId: ownerId, type: "question.resolved", summary: `Resolved the question on ${question.invoice.number}: reminders resume` });
  });
}

export function listQuestions(businessId: string) {
  return db.invoiceQuestion.findMany({
    where: { invoice: { businessId } },
    include: { invoice: { select: { number: true } }, customer: { select: { id: true, name: true, email: true } } },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: 100,
  });
}
