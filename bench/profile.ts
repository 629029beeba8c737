// Summarises a V8 .cpuprofile (node --cpu-prof): where the CPU went, by package and by function, as shares of the
// sampled time. `npm run bench -- --only=portal --profile` profiles the app under load and prints this.
import fs from "node:fs";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type ProfileShare = { name: string; ms: number; share: number };
export type ProfileSummary = { sampledMs: number; byPackage: ProfileShare[]; byFunction: ProfileShare[]; inclusive: ProfileShare[] };

/** Which package a script belongs to: node_modules/<name>, the app's server build, Node itself, or V8. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName === "(garbage collector)" ? "(gc)" : functionName === "(idle)" || functionName === "(program)" ? functionName : "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith("node:")) return "node (built-in)";
  if (url.includes("/build/")) return "app (server build)";
  if (url.includes("/app/generated/prisma/")) return "prisma client (generated)";
  return url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
}

function top(map: Map<string, number>, total: number, count: number): ProfileShare[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: total ? us / total : 0 }));
}

export function summarizeProfile(file: string, count = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") continue;
    total += us;
    const pkg = packageOf(url, functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    const fn = `${functionName || "(anonymous)"} ${pkg}${url ? `:${lineNumber + 1}` : ""}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    // Inclusive time per package: counted once per sample for every package on the stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (!frame.url) continue;
      const p = packageOf(frame.url, frame.functionName);
      if (!seen.has(p)) {
        seen.add(p);
        inclusive.set(p, (inclusive.get(p) ?? 0) + us);
      }
    }
  }
  return { sampledMs: Math.round(total / 1000), byPackage: top(packages, total, count), byFunction: top(functions, total, count), inclusive: top(inclusive, total, count) };
}

export function printProfile(summary: ProfileSummary, log: (line: string) => void) {
  const pct = (s: number) => `${(s * 100).toFixed(1).padStart(5)}%`;
  log(`  CPU sampled in the app: ${summary.sampledMs} ms (idle excluded)`);
  log("  self time by package:");
  for (const p of summary.byPackage) log(`    ${pct(p.share)}  ${p.name}`);
  log("  time including callees, by package on the stack:");
  for (const p of summary.inclusive) log(`    ${pct(p.share)}  ${p.name}`);
  log("  self time by function:");
  for (const f of summary.byFunction) log(`    ${pct(f.share)}  ${f.name}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: tsx bench/profile.ts <file.cpuprofile> [count]");
    process.exit(1);
  }
  printProfile(summarizeProfile(file, Number(process.argv[3] ?? 25)), console.log);
}
