import type { MessageKey } from "~/modules/i18n/messages/en";
import { useOptionalT } from "./i18n";

export const PLAN_STATUS_LABELS: Record<string, string> = {
  PENDING: "Waiting for first payment",
  ACTIVE: "Active",
  COMPLETED: "Completed",
  DEFAULTED: "Defaulted",
  CANCELLED: "Cancelled",
};

const PLAN_TONES: Record<string, string> = {
  PENDING: "bg-amber-50 text-amber-800 ring-amber-200",
  ACTIVE: "bg-sky-50 text-sky-800 ring-sky-200",
  COMPLETED: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  DEFAULTED: "bg-rose-50 text-rose-800 ring-rose-200",
  CANCELLED: "bg-slate-100 text-slate-600 ring-slate-200",
};

const INSTALMENT_LABELS: Record<string, string> = { SCHEDULED: "Scheduled", PROCESSING: "Processing", PAID: "Paid", FAILED: "Failed", CANCELLED: "Cancelled" };

const INSTALMENT_TONES: Record<string, string> = {
  SCHEDULED: "bg-slate-50 text-slate-700 ring-slate-200",
  PROCESSING: "bg-sky-50 text-sky-800 ring-sky-200",
  PAID: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  FAILED: "bg-rose-50 text-rose-800 ring-rose-200",
  CANCELLED: "bg-slate-100 text-slate-500 ring-slate-200",
};

const badge = "inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset";

// Customer pages speak the customer's language (their loaders give a catalog); owner pages are in English.
export function PlanStatusBadge({ status }: { status: string }) {
  const i18n = useOptionalT();
  const label = i18n && status in PLAN_STATUS_LABELS ? i18n.t(`plan.status.${status}` as MessageKey) : (PLAN_STATUS_LABELS[status] ?? status);
  return <span className={`${badge} ${PLAN_TONES[status] ?? ""}`}>{label}</span>;
}

export function InstalmentStatusBadge({ status }: { status: string }) {
  const i18n = useOptionalT();
  const label = i18n && status in INSTALMENT_LABELS ? i18n.t(`instalment.status.${status}` as MessageKey) : (INSTALMENT_LABELS[status] ?? status);
  return <span className={`${badge} ${INSTALMENT_TONES[status] ?? ""}`}>{label}</span>;
}
