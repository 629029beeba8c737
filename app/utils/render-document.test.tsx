// The document renderer against stock Remix's streaming render (the entry Remix ships, rendered whole), through
// Remix's own request handler and a small build: the same status and the same bytes (React's Suspense comments
// aside) for a plain page, data that needs escaping, thrown responses, render errors, 404s, HEAD, deferred data
// under <Await> with and without a Suspense boundary, and an error inside a Suspense boundary.
import { Writable } from "node:stream";
import { createRequestHandler, type EntryContext, type ServerBuild } from "@remix-run/node";
import { Await, Links, Meta, Outlet, RemixServer, Scripts, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { Suspense, type ReactNode } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderDocument } from "./render-document.server";

const NONCE = "bm9uY2Utb2YtdGhlLXRlc3Q=";

/** Remix's default entry.server (node), waiting for everything (onAllReady) as a document request does for a bot. */
function stockEntry(request: Request, status: number, headers: Headers, remixContext: EntryContext) {
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        headers.set("Content-Type", "text/html; charset=utf-8");
        resolve(new Response(Buffer.concat(chunks), { headers, status }));
        done();
      },
    });
    const { pipe } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} abortDelay={5_000} nonce={NONCE} />, {
      nonce: NONCE,
      onAllReady: () => pipe(sink),
      onShellError: reject,
      onError: () => {
        status = 500;
      },
    });
  });
}

const late = () => new Promise<string>((resolve) => setTimeout(() => resolve("late </script> & é"), 10));
function PageView() {
  return <p>{useLoaderData<{ text: string }>().text}</p>;
}
function DeferredView() {
  return (
    <Suspense fallback={<i>loading</i>}>
      <Await resolve={useLoaderData<{ later: Promise<string> }>().later}>{(value) => <b>{String(value)}</b>}</Await>
    </Suspense>
  );
}
function UnboundedView() {
  return <Await resolve={useLoaderData<{ later: Promise<string> }>().later}>{(value) => <b>{String(value)}</b>}</Await>;
}
const modules = {
  root: {
    Layout: ({ children }: { children: ReactNode }) => (
      <html lang="en">
        <head>
          <Meta />
          <Links />
        </head>
        <body>
          {children}
          <Scripts nonce={NONCE} />
        </body>
      </html>
    ),
    default: () => <Outlet />,
    ErrorBoundary: () => {
      const error = useRouteError();
      return <p>error {isRouteErrorResponse(error) ? error.status : error instanceof Error ? error.message : "?"}</p>;
    },
  },
  page: {
    loader: () => ({ text: "a </script><script>alert(1)</script> \u2028 & é", n: 1 }),
    default: PageView,
  },
  missing: { loader: () => { throw new Response("nope", { status: 404 }); }, default: () => <p>never</p> },
  breaks: { loader: () => ({ a: 1 }), default: () => { throw new Error("render failed"); } },
  deferred: {
    loader: () => ({ later: late() }),
    default: DeferredView,
  },
  unbounded: {
    loader: () => ({ later: late() }),
    default: UnboundedView,
  },
  inner: {
    default: () => {
      const Fails = () => {
        throw new Error("inside a boundary");
      };
      return (
        <Suspense fallback={<i>fallback</i>}>
          <Fails />
        </Suspense>
      );
    },
  },
} as const;

type Entry = (request: Request, status: number, headers: Headers, context: EntryContext) => Promise<Response>;

function handler(entry: Entry) {
  const routes: Record<string, unknown> = {};
  const manifestRoutes: Record<string, unknown> = {};
  for (const [id, module] of Object.entries(modules)) {
    const parentId = id === "root" ? undefined : "root";
    const path = id === "root" ? "" : id;
    routes[id] = { id, parentId, path, module };
    manifestRoutes[id] = { id, parentId, path, module: `/build/${id}.js`, imports: [], hasAction: false, hasLoader: "loader" in module, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: "ErrorBoundary" in module };
  }
  const build = {
    entry: { module: { default: entry, handleError: () => undefined } },
    routes,
    assets: { entry: { module: "/build/entry.js", imports: [] }, routes: manifestRoutes, url: "/build/manifest.js", version: "1" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_singleFetch: true, v3_lazyRouteDiscovery: true, v3_relativeSplatPath: true, v3_fetcherPersist: true, v3_throwAbortReason: true },
    isSpaMode: false,
    mode: "production",
  } as unknown as ServerBuild;
  return createRequestHandler(build, "production");
}

const stock = handler(stockEntry);
const ours = handler((request, status, headers, context) => renderDocument(request, status, headers, context, NONCE));
// React's Suspense comments, and the component stack React's development build (the tests') writes for an error.
const withoutSuspenseComments = (html: string) => html.replace(/<!--\/?\$-->/g, "").replace(/ data-stck="[^"]*"/g, "");

describe("the document renderer (renderToString, stock render as fallback)", () => {
  it.each([
    ["GET", "/page"],
    ["GET", "/missing"],
    ["GET", "/breaks"],
    ["GET", "/nowhere"],
    ["HEAD", "/page"],
    ["GET", "/deferred"],
    ["GET", "/unbounded"],
    ["GET", "/inner"],
  ])("%s %s: the status and document stock Remix gives", async (method, path) => {
    const expected = await stock(new Request(`http://localhost${path}`, { method }));
    const actual = await ours(new Request(`http://localhost${path}`, { method }));
    const body = await actual.text();
    expect(actual.status).toBe(expected.status);
    expect(withoutSuspenseComments(body)).toBe(withoutSuspenseComments(await expected.text()));
    expect(actual.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    if (method === "GET") expect(Number(actual.headers.get("Content-Length"))).toBe(Buffer.byteLength(body));
  });

  it("renders a plain page without Suspense (the fast path), its data escaped in a script with the nonce", async () => {
    const body = await (await ours(new Request("http://localhost/page"))).text();
    expect(body.startsWith("<!DOCTYPE html><html")).toBe(true);
    expect(body).not.toContain("<!--$");
    expect(body).toContain(`<script nonce="${NONCE}">window.__remixContext.streamController.enqueue(`);
    expect(body).toContain("\\u003c/script\\u003e");
    expect(body).not.toContain("<script>alert(1)");
    expect(body.endsWith(`<script nonce="${NONCE}">window.__remixContext.streamController.close();</script>`)).toBe(true);
  });

  it("shows deferred data once it has arrived, and answers 500 for an error inside a Suspense boundary", async () => {
    expect(await (await ours(new Request("http://localhost/deferred"))).text()).toContain("<b>late &lt;/script&gt; &amp; é</b>");
    expect(await (await ours(new Request("http://localhost/unbounded"))).text()).toContain("<b>late &lt;/script&gt; &amp; é</b>");
    expect((await ours(new Request("http://localhost/inner"))).status).toBe(500);
  });
});
