// A customer PDF in each of the portal's languages, read back by an independent extractor (pdf.js): the words are
// there, in reading order, with no missing glyphs; Arabic is shaped (joining forms, not isolated letters) and reads
// right to left with its numbers and invoice numbers in their own order.
import fs from "node:fs";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { embeddedFontFile, pdfReadingText as extract, pdfTextRuns } from "../../../test/support/pdf-text";
import { fontPath, isolate } from "./pdf-script.server";
import { renderPdf, type PdfDocumentInput } from "./pdf.server";

type Sample = { locale: string; direction: "ltr" | "rtl"; title: string; billTo: string; description: string; amount: string; row: string; due: string; total: string; footer: string; expect: string[] };

const SAMPLES: Sample[] = [
  { locale: "en", direction: "ltr", title: "Invoice", billTo: "Bill to", description: "Description", amount: "Amount", row: "Website redesign", due: "Due", total: "Balance due", footer: "Thank you for your business.", expect: ["INVOICE", "INV-0042", "Bill to", "Due", "3/31/2026", "Website redesign", "$1,250.00", "Balance due", "$1,250.00", "Thank you for your business."] },
  { locale: "es", direction: "ltr", title: "Factura", billTo: "Facturar a", description: "Descripción", amount: "Importe", row: "Rediseño del sitio web", due: "Vencimiento", total: "Saldo pendiente", footer: "Gracias por su confianza.", expect: ["FACTURA", "INV-0042", "Facturar a", "Vencimiento", "31/3/2026", "Descripción", "Importe", "Rediseño del sitio web", "Saldo pendiente", "Gracias por su confianza."] },
  { locale: "fr", direction: "ltr", title: "Facture", billTo: "Facturer à", description: "Désignation", amount: "Montant", row: "Refonte du site web", due: "Échéance", total: "Solde dû", footer: "Merci de votre confiance.", expect: ["FACTURE", "INV-0042", "Facturer à", "Échéance", "31/03/2026", "Désignation", "Refonte du site web", "Solde dû", "Merci de votre confiance."] },
  { locale: "de", direction: "ltr", title: "Rechnung", billTo: "Rechnung an", description: "Beschreibung", amount: "Betrag", row: "Neugestaltung der Website", due: "Fällig am", total: "Offener Betrag", footer: "Vielen Dank für Ihren Auftrag.", expect: ["RECHNUNG", "INV-0042", "Rechnung an", "Fällig am", "31.3.2026", "Neugestaltung der Website", "1.250,00 $", "Offener Betrag", "Vielen Dank für Ihren Auftrag."] },
  { locale: "sv", direction: "ltr", title: "Faktura", billTo: "Faktureras till", description: "Beskrivning", amount: "Belopp", row: "Omgörning av webbplatsen", due: "Förfallodatum", total: "Att betala", footer: "Tack för ert förtroende.", expect: ["FAKTURA", "INV-0042", "Faktureras till", "Förfallodatum", "2026-03-31", "Omgörning av webbplatsen", "Att betala", "Tack för ert förtroende."] },
  { locale: "ru", direction: "ltr", title: "Счёт", billTo: "Плательщик", description: "Описание", amount: "Сумма", row: "Редизайн сайта", due: "Срок оплаты", total: "К оплате", footer: "Спасибо за сотрудничество.", expect: ["СЧЁТ", "INV-0042", "Плательщик", "Срок оплаты", "31.03.2026", "Описание", "Редизайн сайта", "К оплате", "Спасибо за сотрудничество."] },
  { locale: "zh", direction: "ltr", title: "发票", billTo: "账单寄送至", description: "描述", amount: "金额", row: "网站重新设计", due: "到期日", total: "应付余额", footer: "感谢您的惠顾。", expect: ["发票", "INV-0042", "账单寄送至", "到期日 2026/3/31", "描述", "网站重新设计", "应付余额", "感谢您的惠顾。"] },
  { locale: "ar", direction: "rtl", title: "فاتورة", billTo: "فاتورة إلى", description: "الوصف", amount: "المبلغ", row: "إعادة تصميم الموقع", due: "تاريخ الاستحقاق", total: "الرصيد المستحق", footer: "شكرا لتعاملكم معنا.", expect: ["فاتورة", "INV-0042", "فاتورة إلى", "تاريخ الاستحقاق", "الوصف المبلغ", "إعادة تصميم الموقع", "الرصيد المستحق", "شكرا لتعاملكم معنا."] },
];

function input(s: Sample): PdfDocumentInput {
  const date = new Intl.DateTimeFormat(s.locale, { timeZone: "UTC" }).format(new Date(Date.UTC(2026, 2, 31)));
  const money = (cents: number) => new Intl.NumberFormat(s.locale, { style: "currency", currency: "USD" }).format(cents / 100);
  return {
    locale: s.locale,
    direction: s.direction,
    title: s.title,
    number: "INV-0042",
    brandColor: "#4f46e5",
    from: { name: "Northwind Studio", lines: ["billing@northwind.test"] },
    to: { name: "Acme", lines: ["jane@acme.test"] },
    labels: { to: s.billTo, description: s.description, amount: s.amount },
    facts: [{ label: s.due, value: date }],
    rows: [{ label: s.row, amount: money(125000) }],
    totals: [{ label: s.total, value: money(125000), strong: true }],
    footer: s.footer,
  };
}

/** Each expected string found after the one before it. */
function expectInOrder(text: string, words: string[]) {
  let at = 0;
  for (const word of words) {
    const found = text.indexOf(word.normalize("NFKC"), at);
    expect(found, `"${word}" after position ${at} in:\n${text}`).toBeGreaterThanOrEqual(0);
    at = found + word.length;
  }
}

describe("customer PDFs in every script", () => {
  for (const sample of SAMPLES) {
    it(`${sample.locale}: the words read back in order, every glyph present`, async () => {
      const pdf = await renderPdf(input(sample));
      const text = await extract(pdf);
      expectInOrder(text, sample.expect);
      // Glyph 0 is .notdef: a character the chosen font does not have.
      expect(pdfTextRuns(pdf).flatMap((r) => r.codes)).not.toContain(0);
    });
  }

  it("embeds the font each script needs, subsetted", async () => {
    const baseFonts = (pdf: Buffer) => [...pdf.toString("latin1").matchAll(/\/BaseFont \/[A-Z]{6}\+([A-Za-z-]+)/g)].map((m) => m[1]);
    const zh = await renderPdf(input(SAMPLES.find((s) => s.locale === "zh")!));
    expect(baseFonts(zh)).toEqual(expect.arrayContaining(["NotoSansHans-Regular", "NotoSans-Regular"]));
    expect(zh.length).toBeLessThan(200_000);
    const ar = await renderPdf(input(SAMPLES.find((s) => s.locale === "ar")!));
    expect(baseFonts(ar)).toEqual(expect.arrayContaining(["NotoNaskhArabic-Bold", "NotoNaskhArabic", "NotoSans-Regular"]));
    expect(baseFonts(ar)).not.toContain("NotoSansHans-Regular");
  });

  it("ar: letters take their joining forms, drawn right to left", async () => {
    const pdf = await renderPdf(input(SAMPLES.find((s) => s.locale === "ar")!));
    const title = pdfTextRuns(pdf).find((r) => r.text === "فاتورة");
    expect(title, "the title run").toBeDefined();
    const drawn = fontkit.create(embeddedFontFile(pdf, title!.font)!) as fontkit.Font;
    const original = fontkit.create(fs.readFileSync(fontPath("arabic", "bold"))) as fontkit.Font;
    const outline = (font: fontkit.Font, id: number) => font.getGlyph(id).path.toSVG();
    const drawnOutlines = title!.codes.map((code) => outline(drawn, code));
    // What shaping gives (fontkit lays out right to left, so in drawn order) and what isolated letters would be.
    const shaped = original.layout("فاتورة").glyphs.map((g) => outline(original, g.id));
    const isolated = [..."فاتورة"].reverse().map((c) => outline(original, original.glyphForCodePoint(c.codePointAt(0)!).id));
    expect(drawnOutlines).toEqual(shaped);
    // ف (initial), ا (final), ت (initial), و (final), ر (isolated after و), ة (isolated): four letters change form.
    expect(drawnOutlines.filter((o, i) => o !== isolated[i]).length).toBe(4);
  });

  it("ar: numbers, dates and invoice numbers inside a sentence keep their order", async () => {
    const sentence = `دفعة مستلمة ${isolate("RCPT-0007")} بتاريخ ${isolate("2026-03-31")} بمبلغ ${isolate("1,250.00 US$")} رقم ١٢٣ من ٤٥٦`;
    const pdf = await renderPdf({ ...input(SAMPLES.find((s) => s.locale === "ar")!), rows: [{ label: sentence, amount: "US$ 1,250.00" }] });
    const text = await extract(pdf);
    expectInOrder(text, ["دفعة مستلمة", "RCPT-0007", "بتاريخ", "2026-03-31", "بمبلغ", "1,250.00 US$", "رقم ١٢٣ من ٤٥٦"]);
  });
});
