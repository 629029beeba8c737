import { describe, expect, it } from "vitest";
import { addressProblem, crossSiteProblem } from "./request.server";

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

describe("crossSiteProblem", () => {
  const appUrl = "https://pay.example.com";
  const post = (headers: { origin?: string; fetchSite?: string; host?: string }) => crossSiteProblem({ method: "POST", appUrl, host: "pay.example.com", ...headers });

  it("refuses a form another site sent, saying where to send it from", () => {
    expect(post({ origin: "https://evil.example" })).toBe("This form was sent from another site. Open Duely at https://pay.example.com and send it from there.");
    expect(post({ origin: "https://shop.example.com" })).toMatch(/another site/); // a sibling on the same domain
    expect(post({ origin: "null" })).toMatch(/another site/);
    expect(post({ fetchSite: "cross-site" })).toMatch(/another site/);
    expect(post({ fetchSite: "same-site" })).toMatch(/another site/);
  });

  it("lets through our own pages, reads and programs that say nothing (Stripe's webhooks, curl)", () => {
    expect(post({ origin: "https://pay.example.com" })).toBeNull();
    expect(post({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" })).toBeNull(); // the address the browser used
    expect(post({ fetchSite: "same-origin" })).toBeNull();
    expect(post({})).toBeNull();
    expect(crossSiteProblem({ method: "GET", appUrl, origin: "https://evil.example" })).toBeNull();
  });
});
