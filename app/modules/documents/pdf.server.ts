// Invoice, receipt and credit note PDFs, drawn with PDFKit from the same figures the portal shows (live balance).
import PDFDocument from "pdfkit";

export type PdfParty = { name: string; lines: string[] };
export type PdfRow = { label: string; detail?: string; amount: string };
export type PdfDocumentInput = {
  title: string;
  number: string;
  brandColor: string;
  from: PdfParty;
  to: PdfParty;
  /** The heading over `to` ("BILL TO" unless a document says otherwise). */
  toLabel?: string;
  facts: { label: string; value: string }[];
  rows: PdfRow[];
  totals: { label: string; value: string; strong?: boolean }[];
  stamp?: { text: string; color: string };
  footer: string;
};

const MARGIN = 50;

export function renderPdf(input: PdfDocumentInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: "LETTER", margin: MARGIN, info: { Title: `${input.title} ${input.number}`, Author: input.from.name } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - MARGIN * 2;

  doc.rect(0, 0, doc.page.width, 8).fill(input.brandColor);
  doc.fillColor("#0f172a").font("Helvetica-Bold").fontSize(18).text(input.from.name, MARGIN, 40);
  doc.font("Helvetica").fontSize(9).fillColor("#475569");
  for (const line of input.from.lines) doc.text(line);
  doc.font("Helvetica-Bold").fontSize(22).fillColor(input.brandColor).text(input.title.toUpperCase(), MARGIN, 40, { width, align: "right" });
  doc.font("Helvetica").fontSize(10).fillColor("#0f172a").text(input.number, { width, align: "right" });
  if (input.stamp) doc.moveDown(0.3).font("Helvetica-Bold").fillColor(input.stamp.color).text(input.stamp.text, { width, align: "right" });

  let y = 130;
  doc.font("Helvetica-Bold").fontSize(9).fillColor("#64748b").text(input.toLabel ?? "BILL TO", MARGIN, y);
  doc.font("Helvetica-Bold").fontSize(11).fillColor("#0f172a").text(input.to.name, MARGIN, y + 14);
  doc.font("Helvetica").fontSize(9).fillColor("#475569");
  for (const line of input.to.lines) doc.text(line);
  let factY = y;
  for (const fact of input.facts) {
    doc.font("Helvetica").fontSize(9).fillColor("#64748b").text(fact.label, MARGIN + width / 2, factY, { width: width / 4 });
    doc.font("Helvetica-Bold").fillColor("#0f172a").text(fact.value, MARGIN + (width * 3) / 4, factY, { width: width / 4, align: "right" });
    factY += 16;
  }

  y = Math.max(doc.y, factY) + 24;
  doc.rect(MARGIN, y, width, 22).fill("#f1f5f9");
  doc.font("Helvetica-Bold").fontSize(9).fillColor("#475569").text("DESCRIPTION", MARGIN + 8, y + 7).text("AMOUNT", MARGIN, y + 7, { width: width - 8, align: "right" });
  y += 30;
  for (const row of input.rows) {
    if (y > doc.page.height - 160) {
      doc.addPage();
      y = MARGIN;
    }
    doc.font("Helvetica").fontSize(10).fillColor("#0f172a").text(row.label, MARGIN + 8, y, { width: width * 0.7 });
    const rowBottom = row.detail ? doc.font("Helvetica").fontSize(8).fillColor("#64748b").text(row.detail, MARGIN + 8, doc.y + 1, { width: width * 0.7 }).y : doc.y;
    doc.font("Helvetica").fontSize(10).fillColor("#0f172a").text(row.amount, MARGIN, y, { width: width - 8, align: "right" });
    y = Math.max(rowBottom, y + 12) + 8;
    doc.moveTo(MARGIN, y - 4).lineTo(MARGIN + width, y - 4).lineWidth(0.5).strokeColor("#e2e8f0").stroke();
  }
  y += 6;
  for (const total of input.totals) {
    doc.font(total.strong ? "Helvetica-Bold" : "Helvetica").fontSize(total.strong ? 12 : 10).fillColor("#0f172a");
    doc.text(total.label, MARGIN + width / 2, y, { width: width / 4 });
    doc.text(total.value, MARGIN + (width * 3) / 4, y, { width: width / 4 - 8, align: "right" });
    y += total.strong ? 20 : 16;
  }
  doc.font("Helvetica").fontSize(8).fillColor("#64748b").text(input.footer, MARGIN, doc.page.height - 80, { width, align: "center" });
  doc.end();
  return done;
}
