// The HTML document of a page (docs/decisions/019-render-to-string.md). Pages that need nothing from Suspense are
// rendered with React's `renderToString` after the loaders' data is read: the same markup as the streaming
// renderer at less than half its cost. Anything that suspends or fails inside a Suspense boundary (deferred data
// under <Await>, say) is rendered again the way stock Remix does it, with `renderToPipeableStream`.
import { Writable } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { NonceProvider } from "~/utils/nonce-provider";

const ABORT_DELAY = 5_000;

// What Remix's StreamTransfer escapes in the data it writes into a script (its escapeHtml): the same bytes.
const SCRIPT_ESCAPES: Record<string, string> = { "&": "\\u0026", ">": "\\u003e", "<": "\\u003c", "\u2028": "\\u2028", "\u2029": "\\u2029" };
const ATTRIBUTE_ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" };

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
  return chunks;
}

/** The same chunks again, for the stock render (which writes one script per chunk). */
function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

function htmlResponse(body: Buffer<ArrayBuffer>, status: number, headers: Headers) {
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("Content-Length", String(body.byteLength));
  return new Response(body, { headers, status });
}

export async function renderDocument(request: Request, status: number, headers: Headers, remixContext: EntryContext, nonce: string): Promise<Response> {
  const handoff = remixContext.serverHandoffStream;
  // Remix times this stream out itself (streamTimeout, 4.95 s) if a promise in the data never settles.
  const data = handoff ? await readAll(handoff) : null;
  // RemixServer renders the data itself (behind Suspense) only when it has the stream.
  remixContext.serverHandoffStream = undefined;
  let html: string | null;
  try {
    html = renderToString(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
    );
  } catch {
    // Suspended outside any boundary, or a render error: the stock render below gives the stock answer.
    html = null;
  }
  // "<!--$!": a Suspense boundary left to the browser (its content suspended or failed); renderToString cannot wait.
  if (html === null || html.includes("<!--$!")) {
    if (data !== null) remixContext.serverHandoffStream = streamOf(data);
    return renderStreaming(request, status, headers, remixContext, nonce);
  }
  // As StreamTransfer: only a document that rendered <Scripts> (and so made the stream's controller) gets the data.
  if (data !== null && remixContext.renderMeta?.didRenderScripts) {
    const decoder = new TextDecoder();
    const text = data.map((chunk) => decoder.decode(chunk, { stream: true })).join("") + decoder.decode();
    const payload = JSON.stringify(text).replace(/[&><\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c]!);
    const attribute = nonce.replace(/[&"<>]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
    html +=
      `<script nonce="${attribute}">window.__remixContext.streamController.enqueue(${payload});</script>` +
      `<script nonce="${attribute}">window.__remixContext.streamController.close();</script>`;
  }
  return htmlResponse(Buffer.from("<!DOCTYPE html>" + html, "utf8"), status, headers);
}

/** Stock Remix's render, whole (onAllReady) into one buffer: an error inside a Suspense boundary makes it a 500. */
function renderStreaming(request: Request, status: number, headers: Headers, remixContext: EntryContext, nonce: string): Promise<Response> {
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
        resolve(htmlResponse(Buffer.concat(chunks), status, headers));
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
          status = 500;
          if (rendered) console.error(error);
        },
      },
    );
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}
