import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
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

// What Remix's StreamTransfer escapes in the data it writes into a script (its escapeHtml): the same bytes.
const SCRIPT_ESCAPES: Record<string, string> = { "&": "\\u0026", ">": "\\u003e", "<": "\\u003c", "\u2028": "\\u2028", "\u2029": "\\u2029" };

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  let text = "";
  for (let read = await reader.read(); !read.done; read = await reader.read()) text += decoder.decode(read.value, { stream: true });
  return text + decoder.decode();
}

/**
 * The document as one string (docs/decisions/019-render-to-string.md). No page defers data, so the loaders'
 * data (Remix's turbo-stream, which React would otherwise wait for behind Suspense) is read whole first, the page is
 * rendered with `renderToString` — the same markup as `renderToPipeableStream`, at less than half its cost — and
 * the data follows in the two scripts Remix's StreamTransfer would have written. Sent in one write with its length.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The launcher made this request's nonce and put it in the Content-Security-Policy header.
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  const handoff = remixContext.serverHandoffStream;
  // Remix times this stream out itself (streamTimeout, 4.95 s) if a promise in the data never settles.
  const data = handoff ? await readAll(handoff) : null;
  // RemixServer renders the data itself (behind Suspense) only when it has the stream.
  remixContext.serverHandoffStream = undefined;
  let html =
    "<!DOCTYPE html>" +
    renderToString(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
    );
  // As StreamTransfer: only a document that rendered <Scripts> (and so made the stream's controller) gets the data.
  if (data !== null && remixContext.renderMeta?.didRenderScripts) {
    const payload = JSON.stringify(data).replace(/[&><\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c]!);
    html +=
      `<script nonce="${nonce}">window.__remixContext.streamController.enqueue(${payload});</script>` +
      `<script nonce="${nonce}">window.__remixContext.streamController.close();</script>`;
  }
  const body = Buffer.from(html, "utf8");
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Content-Length", String(body.byteLength));
  return new Response(body, { headers: responseHeaders, status: responseStatusCode });
}
