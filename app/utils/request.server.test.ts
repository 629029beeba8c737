import { describe, expect, it } from "vitest";
import { addressProblem } from "./request.server";

describe("addressProblem", () => {
  it("refuses a null character in a query value or name, saying what to remove", () => {
    expect(addressProblem("/app/invoices?q=a%00b")).toMatch(/null character, %00\)\. Remove it and try again\./);
    expect(addressProblem("/app/customers?q%00=x")).toMatch(/null character/);
    expect(addressProblem("/app/invoices.csv?status=open&q=%2Fetc%2Fpasswd%00")).toMatch(/null character/);
  });

  it("lets every other address through, malformed escapes included (they decode to U+FFFD)", () => {
    expect(addressProblem("/app/invoices")).toBeNull();
    expect(addressProblem("/app/invoices?q=INV-0001&status=open")).toBeNull();
    expect(addressProblem("/app/invoices?q=%ZZ&x=%E0%A4%A")).toBeNull();
    expect(addressProblem("/app/invoices?q=' OR '1'='1")).toBeNull();
  });
});
