// Starts the real app (built server, embedded PostgreSQL in a fresh folder, demo data) and records
// the "Portal link:" and "Owner sign-in:" lines it prints, as a person following the README would.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const STATE_FILE = path.resolve("test-results/e2e-state.json");
const PORT = Number(process.env.E2E_PORT ?? 3100);

export default async function globalSetup() {
  const dataDir = path.resolve(".data/e2e-postgres");
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  // A fresh database: no earlier run's owner session is valid (test/e2e/helpers.ts).
  fs.rmSync(path.resolve("test-results/e2e-owner-session.json"), { force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APP_ENV: "test",
    PORT: String(PORT),
    APP_URL: `http://localhost:${PORT}`,
    EMBEDDED_PG_DIR: dataDir,
    EMBEDDED_PG_PORT: String(Number(process.env.E2E_PG_PORT ?? 54349)),
    SIMULATOR_ACH_DELAY_SECONDS: "2",
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  const child = spawn(process.execPath, ["app/server/main.js", "--seed-demo"], { env, stdio: ["ignore", "pipe", "pipe"] });
  const log: string[] = [];
  const state = await new Promise<{ portalLink: string; ownerSignIn: string }>((resolve, reject) => {
    const found: Record<string, string> = {};
    const timer = setTimeout(() => reject(new Error(`The app did not start in 90 s:\n${log.join("")}`)), 90_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      log.push(text);
      for (const line of text.split("\n")) {
        const m = /^(Portal link|Owner sign-in): (\S+)/.exec(line);
        if (m?.[1] && m[2]) found[m[1]] = m[2];
      }
      if (found["Portal link"] && found["Owner sign-in"]) {
        clearTimeout(timer);
        resolve({ portalLink: found["Portal link"], ownerSignIn: found["Owner sign-in"] });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (c: Buffer) => log.push(c.toString()));
    child.on("exit", (code) => reject(new Error(`The app exited with code ${code}:\n${log.join("")}`)));
  });
  child.stdout.removeAllListeners("data");
  child.stdout.on("data", () => undefined);
  fs.writeFileSync(STATE_FILE, JSON.stringify({ ...state, pid: child.pid }));
}
