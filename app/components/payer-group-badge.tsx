import { PAYER_GROUP_LABELS, type PayerGroup } from "~/modules/customers/payer-profile";

const TONES: Record<PayerGroup, string> = {
  new: "bg-slate-50 text-slate-700 ring-slate-200",
  reliable: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  sporadic: "bg-amber-50 text-amber-800 ring-amber-200",
  avoider: "bg-rose-50 text-rose-800 ring-rose-200",
};

export function PayerGroupBadge({ group }: { group: PayerGroup }) {
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[group]}`}>
      {PAYER_GROUP_LABELS[group]}
    </span>
  );
}
