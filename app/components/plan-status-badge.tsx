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

export function PlanStatusBadge({ status }: { status: string }) {
  return <span className={`${badge} ${PLAN_TONES[status] ?? ""}`}>{PLAN_STATUS_LABELS[status] ?? status}</span>;
}

export function InstalmentStatusBadge({ status }: { status: string }) {
  return <span className={`${badge} ${INSTALMENT_TONES[status] ?? ""}`}>{INSTALMENT_LABELS[status] ?? status}</span>;
}
