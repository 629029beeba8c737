// The app's launcher: boots the database and jobs through the server build, then serves it with Express.
// `node app/server/main.js [--seed-demo]` after `remix build`.
import "./require-node-22.js";
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const buildPath = path.join(root, "build/index.js");
const seedDemo = process.argv.includes("--seed-demo");

const build = await import(pathToFileURL(buildPath).href).catch((error) => {
  console.error(`Could not load the server build at ${buildPath}. Run "npm run build" first.\n${error.message}`);
  process.exit(1);
});
const entry = build.entry.module;
// Before anything can print: every console line is scrubbed of the configured secrets.
entry.installLogRedaction(process.env);
entry.installCrashReporting();

let env;
try {
  env = entry.parseEnv(process.env);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

let runtime;
try {
  runtime = await entry.boot({ role: "web", seedDemo });
} catch (error) {
  console.error(`The app could not start: ${error.message}`);
  process.exit(1);
}

const app = express();
app.disable("x-powered-by");
// A fresh CSP nonce for every response; the page renders it on each of its scripts (app/entry.server.tsx).
app.use((req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  res.set(entry.securityHeadersFor(env, res.locals.cspNonce));
  next();
});
// Pages, scripts and styles are sent compressed (gzip or brotli, as the browser accepts): on a phone's network the
// portal's bytes are most of its first load (docs/decisions/034-first-load.md).
app.use(compression());
app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
// Public files all have an extension; a page's path is not looked up on disk (a stat per request).
const publicFiles = express.static(path.join(root, "public"), { maxAge: "1h" });
app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));
// An address no route can answer (a null character in the query): 400 with the message, before any route runs.
// A form another site sent (its Origin or Sec-Fetch-Site says so): 403, whatever the route.
app.use((req, res, next) => {
  const problem = entry.addressProblem(req.originalUrl);
  if (problem) return void res.status(400).type("text/plain; charset=utf-8").send(problem);
  const crossSite = entry.crossSiteProblem({ method: req.method, origin: req.get("origin"), fetchSite: req.get("sec-fetch-site"), host: req.get("host"), appUrl: env.APP_URL });
  if (crossSite) return void res.status(403).type("text/plain; charset=utf-8").send(crossSite);
  next();
});
app.use(async (req, res, next) => {
  try {
    await entry.beforeRequest();
    next();
  } catch (error) {
    next(error);
  }
});
app.all(
  "*",
  createRequestHandler({
    build,
    mode: env.APP_ENV === "production" ? "production" : "development",
    getLoadContext: (req, res) => ({ ipAddress: req.ip ?? req.socket.remoteAddress ?? "unknown", cspNonce: res.locals.cspNonce }),
  }),
);

const server = app.listen(env.PORT, env.HOST, () => {
  console.log(`Duely is listening on ${env.APP_URL} (port ${env.PORT}).`);
  if (runtime.seed) {
    // The demo's own sign-in and portal link are meant to be printed (npm run demo only), past the redaction.
    const seed = runtime.seed;
    process.stdout.write(
      [
        `Demo data ${seed.created ? "created" : "already present"}.`,
        `Owner sign-in: ${seed.ownerSignIn}`,
        `Owner email: ${seed.ownerEmail}`,
        `Owner password: ${seed.ownerPassword}`,
        `Portal link: ${seed.portalLink}`,
      ].join("\n") + "\n",
    );
  } else {
    // An empty database: the one-time link to create the business and its owner (app/modules/setup).
    entry.announceSetup((line) => process.stdout.write(`${line}\n`)).catch((error) => console.error(`Could not make the setup link: ${error.message}`));
  }
});

// An idle keep-alive connection is closed by the client or the load balancer in front, never by us first: Node's
// 5 s default races a client (or a balancer with a 60 s idle timeout) that sends its next request on the
// connection just as the server closes it, and that request fails ("other side closed"). Headers must still
// arrive within the timeout.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.on("error", async (error) => {
  console.error(
    error.code === "EADDRINUSE"
      ? `Port ${env.PORT} is already in use. Stop the other program or choose another port: PORT=3001 npm run demo`
      : `The server could not start: ${error.message}`,
  );
  await runtime.stop().catch(() => undefined);
  process.exit(1);
});

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received: stopping.`);
  server.close();
  await runtime.stop().catch((error) => console.error(error));
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
