import { describe, expect, it } from "vitest";
import { metaTitle } from "./i18n";

describe("metaTitle", () => {
  it("gives the plain title when no loader answered with the page's language (an action refused the request)", () => {
    // Before: formatting the key without a catalog threw, and the refused form (400) became a 500.
    expect(metaTitle([{ data: undefined }], "access.title")).toEqual([{ title: "Duely" }]);
    expect(metaTitle([], "access.title")).toEqual([{ title: "Duely" }]);
  });
});
