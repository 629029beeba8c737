// The server's route matcher is @remix-run/router's CommonJS build with .patches/ applied (docs/decisions/018):
// ranked branches kept per routes array and grouped by first segment, compiled patterns kept; the routes a
// render uses are made once per build (@remix-run/react's RemixServer, react-router-dom's createStaticRouter).
// These hold the patches to what they promise.
import fs from "node:fs";
import { createRequire } from "node:module";
import vm from "node:vm";
import type * as RemixRouter from "@remix-run/router";
import fc from "fast-check";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
// What @remix-run/server-runtime loads on the server (package.json "main").
const router = require("@remix-run/router") as typeof RemixRouter;

/** The same build with the first-segment filter taken out: every pathname is tried against every ranked branch. */
function unfilteredRouter(): typeof RemixRouter {
  const file = require.resolve("@remix-run/router");
  const source = fs.readFileSync(file, "utf8");
  const filtered = "let branches = candidateBranches(ranked, decoded);";
  if (!source.includes(filtered)) throw new Error("The router patch is not applied (no first-segment filter in " + file + ")");
  const module = { exports: {} as typeof RemixRouter };
  vm.runInNewContext(source.replace(filtered, "let branches = ranked.all;"), { module, exports: module.exports, console, URL, URLSearchParams });
  return module.exports;
}

type RouteSpec = RemixRouter.AgnosticRouteObject;

describe("route matching on the server (patched @remix-run/router)", () => {
  it("matches as before: ranking, params, index and splat routes", () => {
    const routes = [
      {
        id: "root",
        path: "/",
        children: [
          { id: "index", index: true },
          { id: "invoice", path: "portal/invoices/:id" },
          { id: "invoices", path: "portal/invoices" },
          { id: "new", path: "portal/invoices/new" },
          { id: "splat", path: "*" },
        ],
      },
    ];
    const ids = (path: string) =>
      router.matchRoutes(routes, path)?.map((m) => m.route.id);
    expect(ids("/")).toEqual(["root", "index"]);
    expect(ids("/portal/invoices")).toEqual(["root", "invoices"]);
    expect(ids("/portal/invoices/new")).toEqual(["root", "new"]);
    expect(
      router.matchRoutes(routes, "/portal/invoices/inv_1")?.at(-1)?.params,
    ).toEqual({ id: "inv_1" });
    expect(ids("/elsewhere/deep")).toEqual(["root", "splat"]);
    // Asked again (from the cache), the same answers.
    expect(ids("/portal/invoices/new")).toEqual(["root", "new"]);
    expect(
      router.matchPath(
        { path: "/portal/invoices/:id", end: true },
        "/portal/invoices/x",
      )?.params,
    ).toEqual({ id: "x" });
    expect(
      router.matchPath(
        { path: "/portal/invoices/:id", end: true },
        "/portal/invoices/x/y",
      ),
    ).toBeNull();
  });

  it("ranks a routes array once: routes added to the same array later are not seen (the server never adds any)", () => {
    const routes: { id: string; path: string }[] = [{ id: "a", path: "/a" }];
    expect(router.matchRoutes(routes, "/a")?.[0]?.route.id).toBe("a");
    routes.push({ id: "b", path: "/b" });
    // Unpatched, this would match "b": it fails if the patch is not applied.
    expect(router.matchRoutes(routes, "/b")).toBeNull();
    expect(router.matchRoutes([...routes], "/b")?.[0]?.route.id).toBe("b");
  });

  it("tries a pathname only against branches that can match it, and finds what the whole list finds", () => {
    const reference = unfilteredRouter();
    // Non-ASCII letters whose case folding differs from toLowerCase (σ/ς/Σ, the Kelvin sign) must never be grouped.
    const segment = fc.constantFrom("portal", "Portal", "owner", "invoices", "new", ":id", ":slug", "*", "a.b", "café", "x y", "", "σ", "Σ", "ς", "k", "\u212A");
    let counter = 0;
    const route: fc.Memo<RouteSpec> = fc.memo((depth) =>
      fc
        .record({
          kind: fc.constantFrom("path", "path", "index", "layout"),
          segments: fc.array(segment, { minLength: 1, maxLength: 3 }),
          caseSensitive: fc.boolean(),
          children: depth > 1 ? fc.array(route(depth - 1), { maxLength: 4 }) : fc.constant<RouteSpec[]>([]),
        })
        .map(({ kind, segments, caseSensitive, children }): RouteSpec => {
          const id = `r${counter++}`;
          if (kind === "index") return { id, index: true };
          // A splat ends a path; optional segments ("?") are exploded by the router before ranking.
          const cut = segments.indexOf("*");
          const parts = cut >= 0 ? segments.slice(0, cut + 1) : segments;
          const path = parts.join("/") + (parts.length === 1 && parts[0] === "new" ? "?" : "");
          return kind === "layout" ? { id, children: children.length ? children : undefined } : { id, path, caseSensitive, children: children.length ? children : undefined };
        }),
    );
    const pathname = fc
      .tuple(fc.array(fc.constantFrom("portal", "PORTAL", "owner", "invoices", "new", "i_1", "a.b", "café", "caf%C3%A9", "x%20y", "", "σ", "ς", "%CF%82", "K", "\u212A"), { maxLength: 4 }), fc.boolean())
      .map(([parts, trailing]) => "/" + parts.join("/") + (trailing ? "/" : ""));
    const basename = fc.constantFrom(undefined, "/", "/portal", "/PORTAL");
    fc.assert(
      fc.property(fc.array(route(3), { minLength: 1, maxLength: 6 }), fc.array(pathname, { minLength: 1, maxLength: 8 }), basename, (routes, paths, base) => {
        const strip = (matches: ReturnType<typeof router.matchRoutes>) => matches?.map((m) => [m.route.id, m.pathname, m.params]) ?? null;
        for (const path of paths) {
          let expected;
          try {
            expected = strip(reference.matchRoutes(routes, path, base));
          } catch {
            // Routes the router refuses (an index route with children, say): refused by both.
            expect(() => router.matchRoutes(routes, path, base)).toThrow();
            continue;
          }
          expect(strip(router.matchRoutes(routes, path, base))).toEqual(expected);
        }
      }),
      { numRuns: 600 },
    );
  });

  it("matches the app's own routes by first segment, as the whole list would", () => {
    const routes = [{ id: "root", path: "", children: [
      { id: "portal", path: "portal", children: [{ id: "portal-home", index: true }, { id: "portal-invoice", path: "invoices/:id" }] },
      { id: "owner", path: "owner", children: [{ id: "owner-home", index: true }, { id: "owner-customer", path: "customers/:id" }] },
      { id: "home", index: true },
      { id: "catch-all", path: "*" },
    ] }];
    const ids = (path: string) => router.matchRoutes(routes, path)?.map((m) => m.route.id);
    expect(ids("/portal")).toEqual(["root", "portal", "portal-home"]);
    expect(ids("/PORTAL/invoices/i1")).toEqual(["root", "portal", "portal-invoice"]);
    expect(ids("/owner/customers/c1")).toEqual(["root", "owner", "owner-customer"]);
    expect(ids("/")).toEqual(["root", "home"]);
    expect(ids("/nowhere/at/all")).toEqual(["root", "catch-all"]);
    expect(ids("/caf%C3%A9")).toEqual(["root", "catch-all"]);
  });
});

describe("routes made once per build for the server's render (patched @remix-run/react and react-router-dom)", () => {
  const context = () => ({
    manifest: { routes: MANIFEST_ROUTES, entry: { module: "", imports: [] }, url: "", version: "" },
    routeModules: { root: { default: () => null } },
    staticHandlerContext: { basename: "/", location: { pathname: "/", search: "", hash: "", state: null, key: "default" }, matches: [{ params: {}, pathname: "/", pathnameBase: "/", route: { id: "root", path: "" } }], loaderData: {}, actionData: null, errors: null, statusCode: 200, loaderHeaders: {}, actionHeaders: {}, activeDeferreds: null },
    future: {},
    isSpaMode: false,
    serverHandoffString: "{}",
    renderMeta: {},
  });
  const MANIFEST_ROUTES = { root: { id: "root", path: "", module: "", hasAction: false, hasLoader: false, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: false } };

  it("renders every request with the same route objects for the same build", () => {
    const { RemixServer } = require("@remix-run/react/dist/server.js") as { RemixServer: (props: { context: unknown; url: string }) => ReactElement };
    type StaticRouter = { routes: { id: string }[]; state: { matches: { route: unknown }[] } };
    const routesOf = (element: ReactElement): unknown => {
      // <RemixContext.Provider><RemixErrorBoundary><StaticRouterProvider router={...}>: the router's data routes.
      const provider = (element.props as { children: ReactElement[] }).children[0]!;
      const boundary = (provider.props as { children: ReactElement }).children;
      const staticRouter = (boundary.props as { children: ReactElement }).children;
      const { router: made } = staticRouter.props as { router: StaticRouter };
      // The request's matches point at the very route objects the render uses (they carry the components).
      expect(made.state.matches[0]?.route).toBe(made.routes[0]);
      return made.routes;
    };
    const first = routesOf(RemixServer({ context: context(), url: "http://localhost/" }));
    const second = routesOf(RemixServer({ context: context(), url: "http://localhost/" }));
    expect(first).toBeDefined();
    expect(second).toBe(first);
    // A new build (a new manifest) gets its own routes.
    const rebuilt = { ...context(), manifest: { ...context().manifest, routes: { ...MANIFEST_ROUTES } } };
    expect(routesOf(RemixServer({ context: rebuilt, url: "http://localhost/" }))).not.toBe(first);
  });
});
