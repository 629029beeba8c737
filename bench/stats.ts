// Pure helpers of the benchmark: the dataset's count mix, goals, and the printed table.

/** Invoices per customer k (1-based): 1% have 50, 9% 20, 40% 10, 30% 7, 20% 8 (mirrors COUNT_SQL in dataset.ts). */
export function invoicesOfCustomer(k: number) {
  if (k % 100 === 0) return 50;
  if (k % 10 === 0) return 20;
  if (k % 2 === 0) return 10;
  return [1, 3, 5].includes(k % 10) ? 7 : 8;
}

export function invoiceCountsTotal(customers: number) {
  let total = 0;
  for (let k = 1; k <= customers; k++) total += invoicesOfCustomer(k);
  return total;
}

export type Goal = { kind: "min" | "max"; value: number };

export type Figure = { name: string; value: number; unit: string; goal?: Goal; met?: boolean; note?: string };

export function figure(name: string, value: number, unit: string, goal?: Goal, note?: string): Figure {
  return { name, value, unit, goal, met: goal ? meets(value, goal) : undefined, note };
}

export function meets(value: number, goal: Goal) {
  return Number.isFinite(value) && (goal.kind === "min" ? value >= goal.value : value <= goal.value);
}

/** a / b, or NaN when b is zero (a ratio that cannot be computed is never "met"). */
export function ratio(a: number, b: number) {
  return b === 0 ? Number.NaN : a / b;
}

export function formatNumber(value: number) {
  if (!Number.isFinite(value)) return "n/a";
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatGoal(goal: Goal | undefined, unit: string) {
  if (!goal) return "";
  return `${goal.kind === "min" ? "≥" : "≤"} ${formatNumber(goal.value)}${unit === "×" ? "×" : unit ? ` ${unit}` : ""}`;
}

/** A plain-text table: figure, value, goal, met. */
export function formatTable(figures: readonly Figure[]) {
  const rows = figures.map((f) => [f.name, `${formatNumber(f.value)}${f.unit === "×" ? "×" : f.unit ? ` ${f.unit}` : ""}`, formatGoal(f.goal, f.unit), f.met === undefined ? "" : f.met ? "yes" : "NO"]);
  const header = ["figure", "value", "goal", "met"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
