import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { syncClock } from "~/utils/clock.server";
import { NonceProvider } from "~/utils/nonce-provider";

// The launcher (app/server/main.js) boots through the server build so there is one copy of every
// module (one Prisma client, one clock) in the process.
export { boot } from "~/utils/boot.server";
export { parseEnv, ConfigError } from "~/utils/env.server";
export { installCrashReporting, installLogRedaction } from "~/utils/redact.server";
export { securityHeadersFor } from "~/utils/security-headers";

/** Outside production the clock can be moved by tests and the demo; every request reads it fresh. */
export async function beforeRequest() {
  await syncClock();
}

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The launcher made this request's nonce and put it in the Content-Security-Policy header.
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  // No page defers data, so the whole document is ready when the shell is: it is rendered to one buffer and sent
  // in one write with its length, rather than streamed in React's 2 KiB chunks, each a write to the socket
  // (docs/decisions/016-benchmarks.md: that was a tenth of the portal page's CPU under load).
  return new Promise<Response>((resolve, reject) => {
    let rendered = false;
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        clearTimeout(timer);
        const body = Buffer.concat(chunks);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        responseHeaders.set("Content-Length", String(body.byteLength));
        resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          rendered = true;
          pipe(sink);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (rendered) console.error(error);
        },
      },
    );
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}
