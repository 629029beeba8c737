import { STATUS_LABELS, type InvoiceStatus } from "~/modules/invoices/balance";
import { useOptionalT } from "./i18n";

const TONES: Record<InvoiceStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-700 ring-slate-300",
  VOID: "bg-slate-100 text-slate-500 ring-slate-300",
  PAID: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  WRITTEN_OFF: "bg-stone-100 text-stone-700 ring-stone-300",
  DISPUTED: "bg-orange-50 text-orange-900 ring-orange-300",
  PROCESSING: "bg-sky-50 text-sky-800 ring-sky-200",
  OVERDUE: "bg-rose-50 text-rose-800 ring-rose-200",
  PARTLY_PAID: "bg-violet-50 text-violet-800 ring-violet-200",
  DUE_SOON: "bg-amber-50 text-amber-800 ring-amber-200",
  OPEN: "bg-slate-50 text-slate-700 ring-slate-200",
};

// Customer pages speak the customer's language (their loaders give a catalog); owner pages are in English.
export function StatusBadge({ status, daysOverdue = 0 }: { status: InvoiceStatus; daysOverdue?: number }) {
  const i18n = useOptionalT();
  if (i18n) {
    return <span className={`status-badge ${TONES[status]}`}>{status === "OVERDUE" && daysOverdue > 0 ? i18n.t("status.overdueDays", { days: daysOverdue }) : i18n.t(`status.${status}`)}</span>;
  }
  return (
    <span className={`status-badge ${TONES[status]}`}>
      {STATUS_LABELS[status]}
      {status === "OVERDUE" && daysOverdue > 0 ? ` · ${daysOverdue} ${daysOverdue === 1 ? "day" : "days"}` : ""}
    </span>
  );
}

/** Shown next to any invoice, payment or customer with a chargeback or inquiry still open. */
export function DisputedBadge() {
  const i18n = useOptionalT();
  return <span className="status-badge bg-orange-50 text-orange-900 ring-orange-300">{i18n ? i18n.t("status.disputed") : "Disputed"}</span>;
}
