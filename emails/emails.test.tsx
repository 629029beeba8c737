import { toPlainText } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { renderEmail } from "../app/modules/email/render.server";
import { emailTemplates, type TemplateName } from "./index";

describe("every email template", () => {
  for (const name of Object.keys(emailTemplates) as TemplateName[]) {
    it(`${name} renders HTML and plain text from its preview props`, async () => {
      const { component } = emailTemplates[name];
      const props = (component as unknown as { PreviewProps: never }).PreviewProps;
      expect(props).toBeTruthy();
      const email = await renderEmail(name, props);
      expect(email.subject.length).toBeGreaterThan(5);
      expect(email.html).toMatch(/^<!DOCTYPE html/i);
      expect(email.html).toContain("Northwind Studio");
      expect(email.text).toContain("Northwind Studio");
      expect(email.text).not.toMatch(/<[a-z]/i);
    });

    it(`${name}: the fast text conversion gives the same text as html-to-text`, async () => {
      const props = (emailTemplates[name].component as unknown as { PreviewProps: never }).PreviewProps;
      const email = await renderEmail(name, props);
      expect(email.text).toBe(toPlainText(email.html));
    });
  }

  it("puts the portal link in both versions of the portal-link email", async () => {
    const email = await renderEmail("portal-link", { ...emailTemplates["portal-link"].component.PreviewProps, portalUrl: "https://pay.example.test/portal/access/abc123" });
    expect(email.html).toContain('href="https://pay.example.test/portal/access/abc123"');
    expect(email.text).toContain("https://pay.example.test/portal/access/abc123");
    expect(email.subject).toBe("Your account with Northwind Studio");
  });

  it("escapes what a customer typed", async () => {
    const email = await renderEmail("portal-link", { ...emailTemplates["portal-link"].component.PreviewProps, customerName: "<script>alert(1)</script>" });
    expect(email.html).not.toContain("<script>alert(1)</script>");
    expect(email.html).toContain("&lt;script&gt;");
  });

  it("shows the business's logo above its name when it has one, and a title for screen readers", async () => {
    const preview = emailTemplates["portal-link"].component.PreviewProps;
    const withLogo = await renderEmail("portal-link", { ...preview, brand: { ...preview.brand, logoUrl: "https://cdn.example.test/northwind.png" } });
    expect(withLogo.html).toMatch(/<img[^>]+src="https:\/\/cdn\.example\.test\/northwind\.png"/);
    expect(withLogo.html).toContain("<title>A message from Northwind Studio</title>");
    const without = await renderEmail("portal-link", preview);
    expect(without.html).not.toContain("<img");
  });
});
