// The portal's SEPA Direct Debit form, in the page's language.
import { Field } from "~/components/ui/field";
import { sepaMandateText } from "~/modules/payments/sepa-mandate";
import { useT } from "./i18n";

type Errors = Record<string, string[] | undefined> | undefined;

/** The IBAN form: account holder, email, IBAN, and the mandate the customer accepts, naming the business as creditor. */
export function SepaDebitFields({ creditorName, defaults, errors, testMode }: { creditorName: string; defaults: { holderName?: string; email?: string; iban?: string }; errors: Errors; testMode: boolean }) {
  const tr = useT();
  const { t, tx } = tr;
  const fieldErrors = (name: string) => errors?.[name]?.map(tx);
  return (
    <>
      <input type="hidden" name="method" value="SEPA_DEBIT" />
      <Field label={t("sepa.holderName")} name="holderName" autoComplete="name" defaultValue={defaults.holderName} errors={fieldErrors("holderName")} />
      <Field label={t("sepa.email")} name="email" type="email" autoComplete="email" defaultValue={defaults.email} errors={fieldErrors("email")} hint={t("sepa.emailHint")} />
      <Field
        label={t("sepa.iban")}
        name="iban"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        placeholder="DE89 3704 0044 0532 0130 00"
        defaultValue={defaults.iban}
        errors={fieldErrors("iban")}
        hint={t(testMode ? "sepa.ibanHintTest" : "sepa.ibanHint")}
      />
      <div className="rounded-lg bg-slate-50 px-4 py-3 text-xs leading-relaxed text-slate-700 ring-1 ring-inset ring-slate-200">
        <p className="mb-1 font-semibold text-slate-800">{t("sepa.mandateHeading")}</p>
        <p data-testid="sepa-mandate-text">{sepaMandateText(creditorName, tr)}</p>
      </div>
      <label className="flex items-start gap-3 text-sm text-slate-700">
        <input type="checkbox" name="mandate" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-teal-700" aria-invalid={errors?.mandate ? true : undefined} aria-describedby={errors?.mandate ? "mandate-error" : undefined} />
        <span>
          {t("sepa.accept", { creditor: creditorName })}
          {errors?.mandate ? (
            <span id="mandate-error" className="block text-rose-700">
              {fieldErrors("mandate")?.join(" ")}
            </span>
          ) : null}
        </span>
      </label>
    </>
  );
}
