// Starting the app as production runs it (`node app/server/main.js`) on a free port, for tests that talk to real
// processes over HTTP (test/integration/launcher-security.test.ts, test/reliability/scale-out.test.ts), and the worker.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export async function freePort() {
  return new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node app/server/main.js [args]` (or `script`, such as the worker `app/server/worker.js`) with exactly `env`
 * (plus PATH) and collects everything it prints; `listening` is whether it said `ready` within a minute.
 */
export async function launch(
  env: Record<string, string>,
  { script = "app/server/main.js", args = [], ready = /Duely is listening/ }: { script?: string; args?: string[]; ready?: RegExp } = {},
) {
  const child = spawn(process.execPath, [script, ...args], { cwd: root, env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const listening = await Promise.race([
    new Promise<boolean>((resolve) => child.stdout.on("data", () => ready.test(output) && resolve(true))),
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 60_000)),
  ]);
  return {
    listening,
    exited,
    output: () => output,
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
