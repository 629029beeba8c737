// The job worker on its own, for deployments that run the web server with RUN_JOBS_IN_WEB=false.
import "./require-node-22.js";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const build = await import(pathToFileURL(path.join(root, "build/index.js")).href);
const entry = build.entry.module;
entry.installLogRedaction(process.env);
entry.installCrashReporting();
try {
  entry.parseEnv(process.env);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const runtime = await entry.boot({ role: "worker" });
console.log("Duely worker is running: email delivery and scheduled jobs.");
const stop = async () => {
  await runtime.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
