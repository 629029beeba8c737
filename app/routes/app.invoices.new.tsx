import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InvoiceEditor } from "~/components/invoice-editor";
import { Card } from "~/components/ui/card";
import { requireUser } from "~/modules/auth/session.server";
import { addDays } from "~/modules/dates/calendar";
import { lineValuesOf, parseDraftForm } from "~/modules/invoices/draft-form";
import { createDraft, InvoiceRuleError } from "~/modules/invoices/editor.server";
import { billingCurrency, customerOptions, suggestInvoiceNumber } from "~/modules/invoices/owner.server";
import { today } from "~/utils/clock.server";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "New invoice · Duely" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireUser(request, "collect");
  const day = today(business.timeZone);
  const customerId = new URL(request.url).searchParams.get("customer") ?? "";
  const customers = await customerOptions(business.id);
  // A customer who must pay a deposit before new work is billed due on receipt (decision 011).
  const depositFirst = customers.some((c) => c.id === customerId && c.depositRequired);
  return json({
    currency: business.currency,
    customers,
    defaults: { customerId, number: await suggestInvoiceNumber(business.id), issueDate: day, dueDate: depositFirst ? day : addDays(day, 30), memo: "" },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, business } = await requireUser(request, "collect");
  const values: Record<string, string> = {};
  for (const [key, value] of (await readForm(request)).entries()) if (typeof value === "string") values[key] = value;
  const currency = await billingCurrency(business, values.customerId?.trim());
  const parsed = parseDraftForm(values, currency);
  if (!parsed.ok) return json({ fieldErrors: parsed.fieldErrors, values }, { status: 400 });
  try {
    const invoice = await createDraft(business.id, user.id, parsed.data, currency);
    return redirect(`/app/invoices/${invoice.id}`);
  } catch (error) {
    if (error instanceof InvoiceRuleError) return json({ fieldErrors: { [error.field]: [error.message] }, values }, { status: 400 });
    throw error;
  }
}

export default function NewInvoice() {
  const { currency, customers, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const values = actionData?.values ?? defaults;
  return (
    <div className="space-y-6">
      <Link to="/app/invoices" className="text-sm font-medium text-teal-700 hover:text-teal-800">
        ← Invoices
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">New invoice</h1>
        <p className="text-sm text-slate-500">It is saved as a draft: you can change it until you send it.</p>
      </div>
      {customers.length === 0 ? (
        <p className="text-sm text-slate-600">Add a customer first: an invoice is always for one of your customers.</p>
      ) : (
        <Card className="p-5 sm:p-6">
          <InvoiceEditor customers={customers} currency={currency} values={values} lines={lineValuesOf(values)} errors={actionData?.fieldErrors ?? {}} submitLabel="Save draft" busy={busy} />
        </Card>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
