import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { syncClock } from "~/utils/clock.server";
import { renderDocument } from "~/utils/render-document.server";

// The launcher (app/server/main.js) boots through the server build so there is one copy of every
// module (one Prisma client, one clock) in the process.
export { boot } from "~/utils/boot.server";
export { announceSetup, issueSetupLink, AlreadySetUpError } from "~/modules/setup/setup.server";
export { parseEnv, ConfigError } from "~/utils/env.server";
export { installCrashReporting, installLogRedaction } from "~/utils/redact.server";
export { securityHeadersFor } from "~/utils/security-headers";
export { addressProblem, crossSiteProblem } from "~/utils/request.server";

/** Outside production the clock can be moved by tests and the demo; every request reads it fresh. */
export async function beforeRequest() {
  await syncClock();
}

/** The page's document: docs/decisions/019-render-to-string.md, app/utils/render-document.server.tsx. */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The launcher made this request's nonce and put it in the Content-Security-Policy header.
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  return renderDocument(request, responseStatusCode, responseHeaders, remixContext, nonce);
}
