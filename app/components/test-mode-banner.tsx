export function DevBanner({ clockOffsetDays }: { clockOffsetDays: number }) {
  return (
    <div className="bg-amber-100 px-4 py-1.5 text-center text-xs font-medium text-amber-900">
      Demo environment: emails go to the <a className="underline" href="/dev/mailbox">development mailbox</a>
      {clockOffsetDays !== 0 ? ` · clock moved ${clockOffsetDays > 0 ? "+" : ""}${clockOffsetDays} days` : ""}
    </div>
  );
}
