import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useCan } from "~/components/use-can";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { requireOwner, requireUser } from "~/modules/auth/session.server";
import { formatInstant } from "~/modules/dates/calendar";
import { QUESTION_REASONS } from "~/modules/reminders/question-reasons";
import { answerQuestion, listQuestions, resolveQuestion } from "~/modules/reminders/questions.server";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Questions · Duely" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireOwner(request);
  return json({ timeZone: business.timeZone, questions: await listQuestions(business.id) });
}

const QuestionAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("answer"), questionId: z.string().min(1), answer: z.string().trim().min(2, "Write an answer.").max(4000), resolve: z.literal("on").optional() }),
  z.object({ intent: z.literal("resolve"), questionId: z.string().min(1) }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const { user, business } = await requireUser(request, "collect");
  const parsed = QuestionAction.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? "Check the form.", questionId: null as string | null }, { status: 400 });
  if (parsed.data.intent === "resolve") await resolveQuestion(business.id, user.id, parsed.data.questionId);
  else await answerQuestion(business.id, user.id, parsed.data.questionId, parsed.data.answer, parsed.data.resolve === "on");
  return json({ error: null, questionId: parsed.data.questionId });
}

const TONE: Record<string, string> = { OPEN: "bg-amber-50 text-amber-800", ANSWERED: "bg-sky-50 text-sky-800", RESOLVED: "bg-emerald-50 text-emerald-800" };

export default function Questions() {
  const can = useCan();
  const { questions, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Questions from customers</h1>
        <p className="text-sm text-slate-500">Reminders for an invoice pause while its question is open and resume when you resolve it.</p>
      </div>
      {questions.length === 0 ? <Card className="p-6 text-sm text-slate-500">No questions yet.</Card> : null}
      {questions.map((q) => (
        <Card key={q.id} className="p-5">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-semibold">
              <Link to={`/app/customers/${q.customer.id}`} className="text-teal-800 hover:underline">
                {q.customer.name}
              </Link>{" "}
              about {q.invoice.number}
            </p>
            <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${TONE[q.status]}`}>{q.status.toLowerCase()}</span>
          </div>
          <p className="mt-1 text-xs text-slate-500">
            {QUESTION_REASONS[q.reason as keyof typeof QUESTION_REASONS]} · {formatInstant(new Date(q.createdAt), timeZone)}
          </p>
          <p className="mt-2 text-slate-800">&ldquo;{q.message}&rdquo;</p>
          {q.answer ? <p className="mt-2 rounded-md bg-slate-50 p-2 text-sm">Your answer: {q.answer}</p> : null}
          {q.status !== "RESOLVED" ? (
            <div className="mt-3 space-y-2">
              {can("collect") ? (
                <Form method="post" className="space-y-2" aria-label={`Answer ${q.customer.name}`}>
                  <input type="hidden" name="intent" value="answer" />
                  <input type="hidden" name="questionId" value={q.id} />
                  <textarea name="answer" rows={3} aria-label="Answer" className="block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600" />
                  {result?.error && result.questionId === null ? <p className="text-sm text-rose-700">{result.error}</p> : null}
                  <label className="flex items-center gap-2 text-sm text-slate-700">
                    <input type="checkbox" name="resolve" defaultChecked className="h-4 w-4 rounded border-slate-300 text-teal-700" /> Resolve it: reminders resume
                  </label>
                  <Button type="submit" disabled={busy}>
                    Send answer
                  </Button>
                </Form>
              ) : null}
              {q.status === "ANSWERED" ? (
                can("collect") ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="resolve" />
                    <input type="hidden" name="questionId" value={q.id} />
                    <Button type="submit" variant="ghost" disabled={busy}>
                      Mark resolved
                    </Button>
                  </Form>
                ) : null
              ) : null}
            </div>
          ) : null}
        </Card>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
