// `npm run setup-link`: a new one-time setup link for an empty database (the one printed at the first start
// cannot be shown again: only its hash is stored). Every earlier link stops working.
import "./require-node-22.js";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const build = await import(pathToFileURL(path.join(root, "build/index.js")).href).catch((error) => {
  console.error(`Could not load the server build. Run "npm run build" first.\n${error.message}`);
  process.exit(1);
});
const entry = build.entry.module;
try {
  entry.parseEnv(process.env);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const runtime = await entry.boot({ role: "script", log: () => undefined });
let code = 0;
try {
  const link = await entry.issueSetupLink();
  process.stdout.write(`Setup link: ${link.url}\nIt works once, until ${link.expiresAt.toISOString()}; earlier links no longer work.\n`);
} catch (error) {
  console.error(error instanceof entry.AlreadySetUpError ? error.message : `Could not make a setup link: ${error.message}`);
  code = 1;
}
await runtime.stop();
process.exit(code);
