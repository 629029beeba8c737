// Every reliability test reports one figure: printed as it runs and collected in
// test-results/reliability-figures.json, so `npm run test:reliability` ends with numbers, not only "passed".
import fs from "node:fs";
import path from "node:path";

export type Scale = "small" | "full";

/** RELIABILITY_SCALE=full runs the sizes issue 8 names; anything else runs the small CI version. */
export const scale: Scale = process.env.RELIABILITY_SCALE === "full" ? "full" : "small";

/** Picks the size for the current scale. */
export function sized(small: number, full: number): number {
  return scale === "full" ? full : small;
}

const file = path.resolve(import.meta.dirname, "../../test-results/reliability-figures.json");

export function reportFigure(name: string, figure: string, details: Record<string, unknown> = {}) {
  console.log(`\n  ◆ ${name}: ${figure}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const existing: unknown[] = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as unknown[]) : [];
  existing.push({ name, figure, scale, at: new Date().toISOString(), ...details });
  fs.writeFileSync(file, JSON.stringify(existing, null, 2));
}
