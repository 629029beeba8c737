// The server's route matcher is @remix-run/router's CommonJS build with .patches/ applied (docs/decisions/018):
// ranked branches kept per routes array, compiled patterns kept. These hold the patch to what it promises.
import { createRequire } from "node:module";
import type * as RemixRouter from "@remix-run/router";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
// What @remix-run/server-runtime loads on the server (package.json "main").
const router = require("@remix-run/router") as typeof RemixRouter;

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
});
