import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useCan } from "~/components/use-can";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTypedValue } from "~/components/use-typed-value";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { can } from "~/modules/auth/roles";
import { assertCan, requireOwner, requireUser } from "~/modules/auth/session.server";
import { formatInstant } from "~/modules/dates/calendar";
import { runReminders } from "~/modules/reminders/engine.server";
import { fillPlaceholders, PLACEHOLDERS, SAMPLE_VALUES } from "~/modules/reminders/placeholders";
import { fieldErrorsOf } from "~/utils/forms";
import {
  getReminderSettings,
  GuardrailForm,
  markSequenceReviewed,
  removeTierText,
  saveGuardrails,
  saveTier,
  saveTierText,
  SettingsError,
  TierForm,
  TierTextForm,
  TierTextRemoveForm,
} from "~/modules/reminders/settings.server";
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from "~/modules/i18n/locales";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Reminders · Duely" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { business, user } = await requireOwner(request);
  const s = await getReminderSettings(business.id);
  return json({
    reviewedAt: business.reminderSequenceReviewedAt ? formatInstant(business.reminderSequenceReviewedAt, business.timeZone) : null,
    canConfigure: can(user.role, "configure"),
    businessLanguage: (isLocale(s.language) ? s.language : "en") as Locale,
    tiers: s.reminderTiers.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      offsetDays: t.offsetDays,
      subject: t.subject,
      body: t.body,
      emailsCustomer: t.emailsCustomer,
      texts: Object.fromEntries(t.texts.map((x) => [x.language, { subject: x.subject, body: x.body }])) as Partial<Record<Locale, { subject: string; body: string }>>,
    })),
    guardrails: { reminderMinGapDays: s.reminderMinGapDays, quietHoursStart: s.quietHoursStart, quietHoursEnd: s.quietHoursEnd, promiseMaxDays: s.promiseMaxDays, finalNoticeConsequence: s.finalNoticeConsequence },
  });
}

type ActionResult = { form: string; fieldErrors: Record<string, string[]>; message: string | null };

export async function action({ request }: ActionFunctionArgs) {
  const { user, business } = await requireUser(request, "collect");
  const values = Object.fromEntries(await readForm(request));
  const fail = (form: string, fieldErrors: Record<string, string[]>) => json<ActionResult>({ form, fieldErrors, message: null }, { status: 400 });
  if (values.intent === "run-now") {
    const r = await runReminders({ businessId: business.id });
    return json<ActionResult>({ form: "run", fieldErrors: {}, message: `Reminder run finished: ${r.customersEmailed} customer(s) emailed about ${r.invoicesReminded} invoice(s), ${r.ownerAlerts} collections alert(s), ${r.skipped} held back by a guardrail.` });
  }
  if (values.intent === "guardrails") {
    assertCan(user, "configure");
    const parsed = GuardrailForm.safeParse(values);
    if (!parsed.success) return fail("guardrails", fieldErrorsOf(parsed.error.issues));
    await saveGuardrails(business.id, user.id, parsed.data);
    return json<ActionResult>({ form: "guardrails", fieldErrors: {}, message: "Guardrails saved." });
  }
  if (values.intent === "reviewed") {
    assertCan(user, "configure");
    await markSequenceReviewed(business.id, user);
    return json<ActionResult>({ form: "reviewed", fieldErrors: {}, message: "Marked as reviewed. Change any tier below whenever you like." });
  }
  if (values.intent === "tier-text" || values.intent === "tier-text-remove") {
    assertCan(user, "configure");
    const form = `tier:${String(values.tierId)}:${String(values.language)}`;
    const removing = values.intent === "tier-text-remove";
    const parsed = removing ? TierTextRemoveForm.safeParse(values) : TierTextForm.safeParse(values);
    if (!parsed.success) return fail(form, fieldErrorsOf(parsed.error.issues));
    try {
      if (removing) await removeTierText(business.id, user.id, parsed.data);
      else await saveTierText(business.id, user.id, parsed.data as typeof TierTextForm._output);
    } catch (error) {
      if (error instanceof SettingsError) return fail(form, error.fieldErrors);
      throw error;
    }
    return json<ActionResult>({ form, fieldErrors: {}, message: removing ? "Removed." : "Saved." });
  }
  if (values.intent !== "tier") return fail("form", { form: ["That action is not available."] });
  assertCan(user, "configure");
  const parsed = TierForm.safeParse(values);
  const form = `tier:${String(values.tierId)}`;
  if (!parsed.success) return fail(form, fieldErrorsOf(parsed.error.issues));
  try {
    await saveTier(business.id, user.id, parsed.data);
  } catch (error) {
    if (error instanceof SettingsError) return fail(form, error.fieldErrors);
    throw error;
  }
  return json<ActionResult>({ form, fieldErrors: {}, message: "Saved." });
}

const input = "mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600";

export default function Reminders() {
  const can = useCan();
  const { tiers, guardrails, reviewedAt, canConfigure, businessLanguage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errorsFor = (form: string) => (result?.form === form ? result.fieldErrors : {});
  const g = errorsFor("guardrails");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Reminders</h1>
          <p className="text-sm text-slate-500">Firm, polite, never harassing. The engine runs every 15 minutes; each customer gets at most one email per run.</p>
        </div>
        {can("collect") ? (
          <Form method="post">
            <input type="hidden" name="intent" value="run-now" />
            <Button type="submit" variant="secondary" disabled={busy}>
              Send due reminders now
            </Button>
          </Form>
        ) : null}
      </div>
      {result?.message && result.form === "run" ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          {result.message}
        </p>
      ) : null}

      {canConfigure && !reviewedAt ? (
        <Card className="border-amber-200 bg-amber-50 p-5">
          <h2 className="font-semibold text-amber-950">Review the sequence before the first reminder goes out</h2>
          <p className="mt-1 max-w-3xl text-sm text-amber-900">
            Read each tier below: when it is sent and what it says, in your words. Your customers will read them. When they are right, mark the sequence reviewed (a step of the setup
            checklist on Overview).
          </p>
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="reviewed" />
            <Button type="submit" disabled={busy}>
              Mark the sequence as reviewed
            </Button>
          </Form>
        </Card>
      ) : null}
      {result?.form === "reviewed" && result.message ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          {result.message}
        </p>
      ) : reviewedAt ? (
        <p className="text-xs text-slate-500">Sequence reviewed {reviewedAt}.</p>
      ) : null}

      <Card className="p-5">
        <h2 className="font-semibold">Guardrails no schedule can break</h2>
        <Form method="post" className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" noValidate>
          <fieldset disabled={!can("configure")} className="contents">
          <input type="hidden" name="intent" value="guardrails" />
          <label className="text-sm font-medium text-slate-700">
            Minimum days between reminders
            <input name="reminderMinGapDays" type="number" min={3} defaultValue={guardrails.reminderMinGapDays} className={input} />
            {g.reminderMinGapDays ? <span className="mt-1 block text-rose-700">{g.reminderMinGapDays.join(" ")}</span> : null}
          </label>
          <label className="text-sm font-medium text-slate-700">
            No sends from (hour)
            <input name="quietHoursStart" type="number" min={0} max={23} defaultValue={guardrails.quietHoursStart} className={input} />
            {g.quietHoursStart ? <span className="mt-1 block text-rose-700">{g.quietHoursStart.join(" ")}</span> : null}
          </label>
          <label className="text-sm font-medium text-slate-700">
            until (hour, customer&apos;s time)
            <input name="quietHoursEnd" type="number" min={0} max={23} defaultValue={guardrails.quietHoursEnd} className={input} />
            {g.quietHoursEnd ? <span className="mt-1 block text-rose-700">{g.quietHoursEnd.join(" ")}</span> : null}
          </label>
          <label className="text-sm font-medium text-slate-700">
            Longest promise to pay (days)
            <input name="promiseMaxDays" type="number" min={1} max={60} defaultValue={guardrails.promiseMaxDays} className={input} />
            {g.promiseMaxDays ? <span className="mt-1 block text-rose-700">{g.promiseMaxDays.join(" ")}</span> : null}
          </label>
          <label className="text-sm font-medium text-slate-700 sm:col-span-2 lg:col-span-4">
            Final notice consequence ({"{{consequence}}"})
            <input name="finalNoticeConsequence" defaultValue={guardrails.finalNoticeConsequence} className={input} />
            {g.finalNoticeConsequence ? <span className="mt-1 block text-rose-700">{g.finalNoticeConsequence.join(" ")}</span> : null}
          </label>
          <div className="sm:col-span-2 lg:col-span-4">
            <Button type="submit" disabled={busy}>
              Save guardrails
            </Button>
            {result?.form === "guardrails" && result.message ? <span className="ml-3 text-sm text-emerald-700">{result.message}</span> : null}
          </div>
          </fieldset>
        </Form>
      </Card>

      {tiers.map((tier) => (
        <TierEditor key={tier.id} tier={tier} businessLanguage={businessLanguage} result={result} busy={busy} />
      ))}

      <Card className="p-5">
        <h2 className="font-semibold">Placeholders</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {Object.entries(PLACEHOLDERS).map(([name, meaning]) => (
            <div key={name} className="flex gap-2">
              <dt className="font-mono text-teal-800">{`{{${name}}}`}</dt>
              <dd className="text-slate-600">{meaning}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}

type TierView = {
  id: string;
  name: string;
  kind: string;
  offsetDays: number;
  subject: string;
  body: string;
  emailsCustomer: boolean;
  texts: Partial<Record<Locale, { subject: string; body: string }>>;
};
type Result = { form: string; fieldErrors: Record<string, string[]>; message: string | null } | undefined;

/**
 * One tier: when it is sent, and its words in each language. The business's language is the tier's own text (and
 * the fallback); any other language can have its own text, used for customers whose emails are in it.
 */
function TierEditor({ tier, businessLanguage, result, busy }: { tier: TierView; businessLanguage: Locale; result: Result; busy: boolean }) {
  const languages = [businessLanguage, ...LOCALES.filter((l) => l !== businessLanguage)];
  const [language, setLanguage] = useState<Locale>(() => {
    const posted = languages.find((l) => result?.form === `tier:${tier.id}:${l}`);
    return posted ?? businessLanguage;
  });
  const when = tier.offsetDays < 0 ? `${-tier.offsetDays} days before the due date` : tier.offsetDays === 0 ? "on the due date" : `${tier.offsetDays} days after the due date`;
  if (!tier.emailsCustomer) {
    return (
      <Card className="p-5">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="font-semibold">{tier.name}</h2>
          <p className="text-sm text-slate-500">Sent {when} · no email to the customer: you are alerted</p>
        </div>
        <BusinessText tier={tier} errors={result?.form === `tier:${tier.id}` ? result.fieldErrors : {}} saved={result?.form === `tier:${tier.id}` && !!result.message} busy={busy} />
      </Card>
    );
  }
  return (
    <Card className="p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">{tier.name}</h2>
        <p className="text-sm text-slate-500">Sent {when}</p>
      </div>
      <div role="tablist" aria-label={`${tier.name}: language of the text`} className="mt-3 flex flex-wrap gap-1">
        {languages.map((l) => (
          <button
            key={l}
            type="button"
            role="tab"
            id={`tab-${tier.id}-${l}`}
            aria-selected={language === l}
            aria-controls={`panel-${tier.id}`}
            lang={l}
            onClick={() => setLanguage(l)}
            className={`rounded-md px-2.5 py-1 text-sm ring-1 ring-inset ${language === l ? "bg-teal-700 text-white ring-teal-700" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
          >
            {LOCALE_NAMES[l]}
            {l === businessLanguage ? " (business)" : tier.texts[l] ? "" : " ·"}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tier.id}`} aria-labelledby={`tab-${tier.id}-${language}`}>
        {language === businessLanguage ? (
          <BusinessText key={language} tier={tier} errors={result?.form === `tier:${tier.id}` ? result.fieldErrors : {}} saved={result?.form === `tier:${tier.id}` && !!result.message} busy={busy} />
        ) : (
          <LanguageText
            key={language}
            tier={tier}
            language={language}
            businessLanguage={businessLanguage}
            errors={result?.form === `tier:${tier.id}:${language}` ? result.fieldErrors : {}}
            message={result?.form === `tier:${tier.id}:${language}` ? result.message : null}
            busy={busy}
          />
        )}
      </div>
    </Card>
  );
}

function Preview({ tier, subject, body }: { tier: TierView; subject: string; body: string }) {
  return (
    <div aria-label={`${tier.name} preview`} className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Preview with sample data</p>
      <p className="mt-2 font-semibold" data-testid={`preview-subject-${tier.kind}`}>
        {fillPlaceholders(subject, SAMPLE_VALUES)}
      </p>
      <div className="mt-2 space-y-2 whitespace-pre-line text-sm text-slate-700">{fillPlaceholders(body, SAMPLE_VALUES)}</div>
    </div>
  );
}

function BusinessText({ tier, errors, saved, busy }: { tier: TierView; errors: Record<string, string[]>; saved: boolean; busy: boolean }) {
  const can = useCan();
  const subject = useTypedValue<HTMLInputElement>(tier.subject);
  const body = useTypedValue<HTMLTextAreaElement>(tier.body);
  return (
    <div className="mt-4 grid gap-5 lg:grid-cols-2">
      <Form method="post" className="space-y-3" noValidate aria-label={`${tier.name} settings`}>
        <fieldset disabled={!can("configure")} className="contents">
          <input type="hidden" name="intent" value="tier" />
          <input type="hidden" name="tierId" value={tier.id} />
          <label className="block text-sm font-medium text-slate-700">
            Days from the due date (negative = before)
            <input name="offsetDays" type="number" defaultValue={tier.offsetDays} className={input} />
            {errors.offsetDays ? <span className="mt-1 block text-rose-700">{errors.offsetDays.join(" ")}</span> : null}
          </label>
          <label className="block text-sm font-medium text-slate-700">
            Subject
            <input ref={subject.ref} name="subject" value={subject.value} onChange={(e) => subject.setValue(e.target.value)} className={input} />
            {errors.subject ? <span className="mt-1 block text-rose-700">{errors.subject.join(" ")}</span> : null}
          </label>
          <label className="block text-sm font-medium text-slate-700">
            Message
            <textarea ref={body.ref} name="body" rows={7} value={body.value} onChange={(e) => body.setValue(e.target.value)} className={input} />
            {errors.body ? <span className="mt-1 block text-rose-700">{errors.body.join(" ")}</span> : null}
          </label>
          <Button type="submit" disabled={busy}>
            Save {tier.name.toLowerCase()}
          </Button>
          {saved ? <span className="ml-3 text-sm text-emerald-700">Saved.</span> : null}
        </fieldset>
      </Form>
      <Preview tier={tier} subject={subject.value} body={body.value} />
    </div>
  );
}

function LanguageText({
  tier,
  language,
  businessLanguage,
  errors,
  message,
  busy,
}: {
  tier: TierView;
  language: Locale;
  businessLanguage: Locale;
  errors: Record<string, string[]>;
  message: string | null;
  busy: boolean;
}) {
  const can = useCan();
  const own = tier.texts[language];
  const subject = useTypedValue<HTMLInputElement>(own?.subject ?? "");
  const body = useTypedValue<HTMLTextAreaElement>(own?.body ?? "");
  const name = LOCALE_NAMES[language];
  return (
    <div className="mt-4 grid gap-5 lg:grid-cols-2">
      <div className="space-y-3">
        {own ? null : (
          <p role="note" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            No {name} text yet: customers who read {name} get the {LOCALE_NAMES[businessLanguage]} text.
          </p>
        )}
        <Form method="post" className="space-y-3" noValidate aria-label={`${tier.name}, ${name} text`}>
          <fieldset disabled={!can("configure")} className="contents">
            <input type="hidden" name="intent" value="tier-text" />
            <input type="hidden" name="tierId" value={tier.id} />
            <input type="hidden" name="language" value={language} />
            {errors.language ? <p className="text-sm text-rose-700">{errors.language.join(" ")}</p> : null}
            <label className="block text-sm font-medium text-slate-700">
              Subject ({name})
              <input name="subject" lang={language} dir={language === "ar" ? "rtl" : "ltr"} ref={subject.ref} value={subject.value} onChange={(e) => subject.setValue(e.target.value)} className={input} />
              {errors.subject ? <span className="mt-1 block text-rose-700">{errors.subject.join(" ")}</span> : null}
            </label>
            <label className="block text-sm font-medium text-slate-700">
              Message ({name})
              <textarea name="body" lang={language} dir={language === "ar" ? "rtl" : "ltr"} rows={7} ref={body.ref} value={body.value} onChange={(e) => body.setValue(e.target.value)} className={input} />
              {errors.body ? <span className="mt-1 block text-rose-700">{errors.body.join(" ")}</span> : null}
            </label>
            <p className="text-xs text-slate-500">Placeholders stay in English: {"{{customerName}}"}, {"{{amount}}"} and the others below. Amounts and dates are filled in {name}.</p>
            <Button type="submit" disabled={busy}>
              Save {name} text
            </Button>
            {message ? <span className="ml-3 text-sm text-emerald-700">{message}</span> : null}
          </fieldset>
        </Form>
        {own && can("configure") ? (
          <Form method="post">
            <input type="hidden" name="intent" value="tier-text-remove" />
            <input type="hidden" name="tierId" value={tier.id} />
            <input type="hidden" name="language" value={language} />
            <Button type="submit" variant="secondary" disabled={busy}>
              Remove the {name} text
            </Button>
          </Form>
        ) : null}
      </div>
      <Preview tier={tier} subject={subject.value || tier.subject} body={body.value || tier.body} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
