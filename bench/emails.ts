// Reminder emails rendered per second on one core (the loop is in email-render.ts, run by emails-worker.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import { build } from "esbuild";
import type { EmailResult } from "./email-render";

/**
 * Runs the render loop in its own process as production runs it: the app's code bundled by esbuild (as
 * remix build does, packages left to node), plain node, NODE_ENV=production. Under tsx every dynamic import
 * (the renderer imports react-dom/server on each call) goes through tsx's loader thread, which costs more
 * than the rendering itself.
 */
export async function benchEmails(seconds: number, log: (line: string) => void): Promise<EmailResult> {
  const outfile = path.resolve("bench/results/.emails-worker.mjs");
  await build({
    entryPoints: ["bench/emails-worker.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    alias: { "~": "./app" },
    jsx: "automatic",
    outfile,
    logLevel: "warning",
  });
  const child = spawn(process.execPath, [outfile, String(seconds)], { env: { ...process.env, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`The email render process failed (${code}).`);
  const result = JSON.parse(output) as EmailResult;
  log(`  ${result.count} reminder emails in ${result.wallSeconds.toFixed(1)} s (${result.cpuSeconds.toFixed(1)} s of CPU): ${result.perSecond.toFixed(0)} per second, ${result.perCpuSecond.toFixed(0)} per CPU-second`);
  return result;
}
