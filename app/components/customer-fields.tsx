import { Field } from "~/components/ui/field";
import { LOCALE_NAMES, LOCALES } from "~/modules/i18n/locales";
import { currencyLabel, SUPPORTED_CURRENCIES } from "~/modules/money/money";

export type CustomerValues = { name: string; companyName: string; email: string; phone: string; timeZone: string; currency: string; language: string; emailOptOut: boolean };

const selectClass = (invalid: boolean) =>
  `mt-1.5 block w-full rounded-lg border-0 px-3 py-2.5 text-slate-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset focus:ring-teal-600 sm:text-sm ${invalid ? "ring-rose-400" : "ring-slate-300"}`;

function SelectField(props: { name: string; label: string; value: string; errors: string[] | undefined; hint: string; options: { value: string; label: string; lang?: string }[] }) {
  const invalid = !!props.errors?.length;
  return (
    <div>
      <label htmlFor={props.name} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      <select id={props.name} name={props.name} defaultValue={props.value} aria-invalid={invalid ? true : undefined} aria-describedby={invalid ? `${props.name}-error` : `${props.name}-hint`} className={selectClass(invalid)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
      {invalid ? (
        <p id={`${props.name}-error`} className="mt-1 text-sm text-rose-700">
          {props.errors!.join(" ")}
        </p>
      ) : (
        <p id={`${props.name}-hint`} className="mt-1 text-xs text-slate-500">
          {props.hint}
        </p>
      )}
    </div>
  );
}

/** The customer form's fields, shared by "New customer" and "Edit customer"; values are what the owner typed. */
export function CustomerFields({
  values,
  errors,
  timeZones,
  businessTimeZone,
  businessCurrency,
}: {
  values: CustomerValues;
  errors: Record<string, string[] | undefined>;
  timeZones: readonly string[];
  businessTimeZone: string;
  businessCurrency: string;
}) {
  const zones = values.timeZone && !timeZones.includes(values.timeZone) ? [values.timeZone, ...timeZones] : timeZones;
  const zoneErrors = errors.timeZone;
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field label="Name" name="name" defaultValue={values.name} errors={errors.name} autoComplete="off" required />
      <Field label="Company (optional)" name="companyName" defaultValue={values.companyName} errors={errors.companyName} autoComplete="off" />
      <Field label="Email" name="email" type="text" inputMode="email" defaultValue={values.email} errors={errors.email} hint="Invoices, reminders and portal links go here." autoComplete="off" />
      <Field label="Phone (optional)" name="phone" type="tel" defaultValue={values.phone} errors={errors.phone} autoComplete="off" />
      <div>
        <label htmlFor="timeZone" className="block text-sm font-medium text-slate-700">
          Time zone
        </label>
        <select
          id="timeZone"
          name="timeZone"
          defaultValue={values.timeZone}
          aria-invalid={zoneErrors?.length ? true : undefined}
          aria-describedby={zoneErrors?.length ? "timeZone-error" : "timeZone-hint"}
          className={`mt-1.5 block w-full rounded-lg border-0 px-3 py-2.5 text-slate-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset focus:ring-teal-600 sm:text-sm ${zoneErrors?.length ? "ring-rose-400" : "ring-slate-300"}`}
        >
          <option value="">Same as the business</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        {zoneErrors?.length ? (
          <p id="timeZone-error" className="mt-1 text-sm text-rose-700">
            {zoneErrors.join(" ")}
          </p>
        ) : (
          <p id="timeZone-hint" className="mt-1 text-xs text-slate-500">
            The business&apos;s is {businessTimeZone.replaceAll("_", " ")}. Reminders are never sent at night in the customer&apos;s time zone.
          </p>
        )}
      </div>
      <SelectField
        name="currency"
        label="Billed in"
        value={values.currency}
        errors={errors.currency}
        hint="New invoices for this customer are in this currency. Nothing is converted; fixed-amount rules apply only in the business’s currency."
        options={[{ value: "", label: `Business currency (${currencyLabel(businessCurrency)})` }, ...SUPPORTED_CURRENCIES.map((c) => ({ value: c, label: currencyLabel(c) }))]}
      />
      <SelectField
        name="language"
        label="Language"
        value={values.language}
        errors={errors.language}
        hint="The portal, emails and PDFs they receive."
        options={[{ value: "", label: "Business default" }, ...LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }))]}
      />
      <label className="flex items-start gap-3 self-end rounded-lg px-1 py-2 text-sm text-slate-700">
        <input type="checkbox" name="emailOptOut" defaultChecked={values.emailOptOut} className="mt-0.5 h-4 w-4 rounded border-slate-300 text-teal-700" />
        <span>
          Opted out of reminder emails
          <span className="block text-xs text-slate-500">No reminder emails go to them; you can still call.</span>
        </span>
      </label>
    </div>
  );
}

/** The form's raw values as typed (for re-rendering after an error). */
export function customerValuesFrom(raw: Record<string, string>): CustomerValues {
  return {
    name: raw.name ?? "",
    companyName: raw.companyName ?? "",
    email: raw.email ?? "",
    phone: raw.phone ?? "",
    timeZone: raw.timeZone ?? "",
    currency: raw.currency ?? "",
    language: raw.language ?? "",
    emailOptOut: raw.emailOptOut === "on",
  };
}

/** A submitted form's text values, to put back in the fields when the server refuses them. */
export function typedValues(form: FormData): Record<string, string> {
  return Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
