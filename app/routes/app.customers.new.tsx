import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CustomerFields, customerValuesFrom, typedValues } from "~/components/customer-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { requireUser } from "~/modules/auth/session.server";
import { CustomerForm, timeZoneChoices } from "~/modules/customers/customer-form";
import { createCustomer } from "~/modules/customers/customers.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "New customer · Duely" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireUser(request, "collect");
  return json({ timeZones: timeZoneChoices(), businessTimeZone: business.timeZone, businessCurrency: business.currency });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, business } = await requireUser(request, "collect");
  const form = await readForm(request);
  const parsed = parseForm(CustomerForm, form);
  if (!parsed.ok) return json({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const saved = await createCustomer(business.id, user.id, parsed.data);
  if (!saved.ok) return json({ fieldErrors: saved.fieldErrors, values: typedValues(form) }, { status: 400 });
  return redirect(`/app/customers/${saved.customerId}`);
}

export default function NewCustomer() {
  const { timeZones, businessTimeZone, businessCurrency } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link to="/app/customers" className="text-sm font-medium text-teal-700 hover:text-teal-800">
        ← Customers
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">New customer</h1>
      {actionData ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          Please fix the fields marked below.
        </p>
      ) : null}
      <Card className="p-5 sm:p-6">
        <Form method="post" noValidate className="space-y-6">
          <CustomerFields values={customerValuesFrom(actionData?.values ?? {})} errors={actionData?.fieldErrors ?? {}} timeZones={timeZones} businessTimeZone={businessTimeZone} businessCurrency={businessCurrency} />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={busy}>
              {busy ? "Saving…" : "Add customer"}
            </Button>
            <Link to="/app/customers" className="inline-flex items-center rounded-lg px-4 py-2.5 text-sm font-semibold text-slate-600 hover:bg-slate-100 hover:text-slate-900">
              Cancel
            </Link>
          </div>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
