import { addDays, fromDbDate, type CalendarDate } from "~/modules/dates/calendar";
import { db } from "~/utils/db.server";

/** The promises and questions a customer sees on an invoice page. */
export async function invoiceConversation(customerId: string, invoiceId: string, day: CalendarDate, promiseMaxDays: number) {
  const [promise, questions] = await Promise.all([
    db.promiseToPay.findFirst({ where: { customerId, status: "OPEN", invoices: { some: { invoiceId } } }, orderBy: { createdAt: "desc" } }),
    db.invoiceQuestion.findMany({ where: { customerId, invoiceId }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    promise: promise ? { promisedFor: fromDbDate(promise.promisedFor), amountCents: promise.amountCents } : null,
    questions: questions.map((q) => ({ id: q.id, reason: q.reason, message: q.message, answer: q.answer, status: q.status, createdAt: q.createdAt })),
    promiseWindow: { min: day, max: addDays(day, promiseMaxDays) },
  };
}
