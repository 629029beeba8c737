import { toPlainText } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { renderEmail } from "../app/modules/email/render.server";
import { emailTranslator } from "../app/modules/i18n/email-translator.server";
import { LOCALES } from "../app/modules/i18n/locales";
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

  // Every customer email in every language: whatever the state of a language's email catalog, the email says
  // which language it is in and reads in its direction, in HTML and in plain text.
  const customerEmails = (Object.keys(emailTemplates) as TemplateName[]).filter((name) => "locale" in (emailTemplates[name].component as unknown as { PreviewProps: object }).PreviewProps);

  it("has a language for every customer email and none for the owner's", () => {
    expect(customerEmails.sort()).toEqual(
      ["portal-link", "invoice-sent", "receipt", "payment-failed", "refund", "payment-returned", "credit-note", "reminder", "promise-confirmation", "question-answered", "settlement-offer", "plan-confirmation", "instalment-notice", "instalment-failed", "plan-ended"].sort(),
    );
  });

  for (const locale of LOCALES) {
    it(`${locale}: every customer email names its language and direction, and its words come from the ${locale} email catalog`, async () => {
      const e = emailTranslator(locale);
      for (const name of customerEmails) {
        const props = { ...(emailTemplates[name].component as unknown as { PreviewProps: object }).PreviewProps, locale };
        const email = await renderEmail(name, props as never);
        expect(email.html, name).toMatch(new RegExp(`<html[^>]+lang="${locale === "zh" ? "zh-CN" : locale}"`));
        expect(email.html, name).toMatch(new RegExp(`<html[^>]+dir="${locale === "ar" ? "rtl" : "ltr"}"`));
        expect(email.text, name).toContain(e.t("email.layout.footer", { business: "Northwind Studio", supportEmail: "billing@northwind.test" }));
        expect(email.text, name).not.toMatch(/<[a-z]/i);
        if (locale === "ar") expect(email.html, name).toContain("text-align:right");
      }
    });
  }

  it("words a credit note's sign-in sentence with its link inside, and an invoice's early-payment offer", async () => {
    const credit = await renderEmail("credit-note", emailTemplates["credit-note"].component.PreviewProps);
    expect(credit.html).toMatch(/If the link asks you to sign in, <a[^>]+href="http:\/\/localhost:3000\/portal\/access\/example"[^>]*>open your portal<\/a> first/);
    const invoice = await renderEmail("invoice-sent", emailTemplates["invoice-sent"].component.PreviewProps);
    expect(invoice.text).toContain("Pay $1,004.50 by December 6, 2026 and save $20.50.");
    const bank = await renderEmail("invoice-sent", { ...emailTemplates["invoice-sent"].component.PreviewProps, earlyPay: { amount: "$1,004.50", date: "December 6, 2026", saving: "$20.50", bankOnly: true } });
    expect(bank.text).toContain("Pay $1,004.50 by December 6, 2026 by bank account and save $20.50.");
  });

  it("counts the invoices of a refund or a returned payment with the language's plural", async () => {
    const one = await renderEmail("payment-returned", emailTemplates["payment-returned"].component.PreviewProps);
    expect(one.text).toContain("So INV-1042 is open again.");
    const two = await renderEmail("payment-returned", { ...emailTemplates["payment-returned"].component.PreviewProps, invoiceNumbers: "INV-1042, INV-1043", invoiceCount: 2 });
    expect(two.text).toContain("So INV-1042, INV-1043 are open again.");
  });
});
