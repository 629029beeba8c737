import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CustomerFields, customerValuesFrom, typedValues } from "~/components/customer-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { requireUser } from "~/modules/auth/session.server";
import { CustomerForm, timeZoneChoices } from "~/modules/customers/customer-form";
import { getCustomer, updateCustomer } from "~/modules/customers/customers.server";
import { today } from "~/utils/clock.server";
import { parseForm } from "~/utils/forms";
import { readForm, idParam } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Edit ${data.customer.name} · Duely` : "Edit customer" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { business } = await requireUser(request, "collect");
  const customer = await getCustomer(business.id, idParam(params));
  if (!customer) throw new Response("Not found", { status: 404 });
  return json({
    customer: { id: customer.id, name: customer.name, companyName: customer.companyName ?? "", email: customer.email, phone: customer.phone ?? "", timeZone: customer.timeZone ?? "", currency: customer.currency ?? "", language: customer.language ?? "", emailOptOut: customer.emailOptOut },
    timeZones: timeZoneChoices(),
    businessTimeZone: business.timeZone, businessCurrency: business.currency,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, business } = await requireUser(request, "collect");
  const form = await readForm(request);
  const parsed = parseForm(CustomerForm, form);
  if (!parsed.ok) return json({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const saved = await updateCustomer(business.id, user.id, idParam(params), parsed.data, today(business.timeZone));
  if (!saved.ok) return json({ fieldErrors: saved.fieldErrors, values: typedValues(form) }, { status: 400 });
  return redirect(`/app/customers/${saved.customerId}?saved=details`);
}

export default function EditCustomer() {
  const { customer, timeZones, businessTimeZone, businessCurrency } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link to={`/app/customers/${customer.id}`} className="text-sm font-medium text-teal-700 hover:text-teal-800">
        ← {customer.name}
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">Edit customer</h1>
      {actionData ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          Please fix the fields marked below.
        </p>
      ) : null}
      <Card className="p-5 sm:p-6">
        <Form method="post" noValidate className="space-y-6">
          <CustomerFields values={actionData ? customerValuesFrom(actionData.values) : customer} errors={actionData?.fieldErrors ?? {}} timeZones={timeZones} businessTimeZone={businessTimeZone} businessCurrency={businessCurrency} />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={busy}>
              {busy ? "Saving…" : "Save changes"}
            </Button>
            <Link to={`/app/customers/${customer.id}`} className="inline-flex items-center rounded-lg px-4 py-2.5 text-sm font-semibold text-slate-600 hover:bg-slate-100 hover:text-slate-900">
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
