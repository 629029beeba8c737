// Every portal word about SEPA Direct Debit, in one place (to move to the message catalogues with the rest).
import { Field } from "~/components/ui/field";
import { sepaMandateText } from "~/modules/payments/sepa-mandate";

export const SEPA_TEXT = {
  methodTitle: "SEPA Direct Debit",
  methodNote: (days: number) => `From a bank account in the euro area (IBAN). Takes up to ${days} business days to clear.`,
  planMethodNote: (days: number) => `Instalment 1 is debited now; the others from the same account on their dates, under one mandate. Debits take up to ${days} business days to clear.`,
  payHeading: "by SEPA Direct Debit",
  processingHeading: "Your SEPA Direct Debit is processing",
  processing: (amount: string, account: string, days: number) =>
    `Status: processing — a SEPA debit takes up to ${days} business days. We have asked your bank for ${amount} from ${account}; the invoices show as processing meanwhile, and we will not chase you for this amount. You will get a receipt by email when it clears.`,
  retry: "Try again with another account, or pay by card.",
};

type Errors = Record<string, string[] | undefined> | undefined;

/** The IBAN form: account holder, email, IBAN, and the mandate the customer accepts, naming the business as creditor. */
export function SepaDebitFields({ creditorName, defaults, errors, testMode }: { creditorName: string; defaults: { holderName?: string; email?: string; iban?: string }; errors: Errors; testMode: boolean }) {
  return (
    <>
      <input type="hidden" name="method" value="SEPA_DEBIT" />
      <Field label="Account holder name" name="holderName" autoComplete="name" defaultValue={defaults.holderName} errors={errors?.holderName} />
      <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={defaults.email} errors={errors?.email} hint="Where we send notice of each debit." />
      <Field
        label="IBAN"
        name="iban"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        placeholder="DE89 3704 0044 0532 0130 00"
        defaultValue={defaults.iban}
        errors={errors?.iban}
        hint={testMode ? "Test mode: DE89 3704 0044 0532 0130 00 succeeds, DE62 3704 0044 0532 0130 01 fails. Spaces are fine." : "Spaces are fine."}
      />
      <div className="rounded-lg bg-slate-50 px-4 py-3 text-xs leading-relaxed text-slate-700 ring-1 ring-inset ring-slate-200">
        <p className="mb-1 font-semibold text-slate-800">SEPA Direct Debit mandate</p>
        <p data-testid="sepa-mandate-text">{sepaMandateText(creditorName)}</p>
      </div>
      <label className="flex items-start gap-3 text-sm text-slate-700">
        <input type="checkbox" name="mandate" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-teal-700" aria-invalid={errors?.mandate ? true : undefined} aria-describedby={errors?.mandate ? "mandate-error" : undefined} />
        <span>
          I accept this mandate and authorise {creditorName} to debit my account.
          {errors?.mandate ? (
            <span id="mandate-error" className="block text-rose-700">
              {errors.mandate.join(" ")}
            </span>
          ) : null}
        </span>
      </label>
    </>
  );
}
