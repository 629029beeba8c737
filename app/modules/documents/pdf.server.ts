// Invoice, receipt, credit note, statement and plan agreement PDFs, drawn with PDFKit from the same figures the portal
// shows. Every word on the page comes from the input (labels included), in any script; a right-to-left document
// mirrors the whole layout. Text goes through pdf-script.server.ts (fonts per script, Arabic shaping, bidi).
import PDFDocument from "pdfkit";
import { drawText, finishScriptFonts, isolate, registerScriptFonts, type Direction, type TextBox } from "./pdf-script.server";

export type PdfParty = { name: string; lines: string[] };
export type PdfRow = { label: string; detail?: string; amount: string };
export type PdfColumn = { label: string; /** Share of the content width. */ share: number; align?: "start" | "end" };
/** A table beyond the main rows: a heading, column headers and cells (cells under an "end" column are figures). */
export type PdfTable = { heading?: string; columns: PdfColumn[]; rows: { cells: string[]; detail?: string }[]; empty?: string };
export type PdfDocumentInput = {
  /** BCP 47 tag of the document's language (the PDF's /Lang). */
  locale: string;
  direction: Direction;
  title: string;
  number: string;
  brandColor: string;
  from: PdfParty;
  to: PdfParty;
  labels: {
    /** The heading over `to`: "BILL TO", "CREDIT TO", … */
    to: string;
    /** Column headers of `rows`. */
    description: string;
    amount: string;
  };
  facts: { label: string; value: string }[];
  /** The main table (description and amount); none when a document only has `tables`. */
  rows?: PdfRow[];
  tables?: PdfTable[];
  totals: { label: string; value: string; strong?: boolean }[];
  stamp?: { text: string; color: string };
  /** Free text after the totals (a plan's terms), paragraphs kept as written. */
  sections?: { heading: string; body: string }[];
  footer: string;
};

const MARGIN = 50;
const INK = "#0f172a";
const MUTED = "#64748b";
const SOFT = "#475569";
const RULE = "#e2e8f0";

export function renderPdf(input: PdfDocumentInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: "LETTER", margin: MARGIN, lang: input.locale, info: { Title: `${input.title} ${input.number}`, Author: input.from.name } });
  registerScriptFonts(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const { direction } = input;
  const width = doc.page.width - MARGIN * 2;
  const pageBottom = () => doc.page.height - 110;
  // Positions are laid out left to right and mirrored for a right-to-left document.
  const box = (x: number, w: number) => (direction === "rtl" ? doc.page.width - x - w : x);
  const text = (value: string, at: { x: number; y: number; w: number } & Omit<TextBox, "x" | "y" | "width" | "direction">) =>
    drawText(doc, value, { ...at, x: box(at.x, at.w), width: at.w, direction, onPageBreak: newPage });
  const newPage = () => {
    doc.addPage();
    return MARGIN;
  };

  doc.rect(0, 0, doc.page.width, 8).fill(input.brandColor);
  const halfWidth = width * 0.55;
  let fromY = text(input.from.name, { x: MARGIN, y: 40, w: halfWidth, size: 18, bold: true, color: INK });
  for (const line of input.from.lines) fromY = text(line, { x: MARGIN, y: fromY, w: halfWidth, size: 9, color: SOFT });
  const titleX = MARGIN + width - (width - halfWidth - 10);
  const titleW = width - halfWidth - 10;
  let titleY = text(input.title.toLocaleUpperCase(input.locale), { x: titleX, y: 36, w: titleW, align: "end", size: 22, bold: true, color: input.brandColor });
  titleY = text(isolate(input.number), { x: titleX, y: titleY, w: titleW, align: "end", size: 10, color: INK });
  if (input.stamp) titleY = text(input.stamp.text, { x: titleX, y: titleY + 3, w: titleW, align: "end", size: 10, bold: true, color: input.stamp.color });

  let y = Math.max(130, fromY + 16, titleY + 16);
  const partyW = width / 2 - 10;
  let toY = text(input.labels.to, { x: MARGIN, y, w: partyW, size: 9, bold: true, color: MUTED });
  toY = text(input.to.name, { x: MARGIN, y: toY + 2, w: partyW, size: 11, bold: true, color: INK });
  for (const line of input.to.lines) toY = text(line, { x: MARGIN, y: toY, w: partyW, size: 9, color: SOFT });
  let factY = y;
  for (const fact of input.facts) {
    const labelBottom = text(fact.label, { x: MARGIN + width / 2, y: factY, w: width / 4, size: 9, color: MUTED });
    const valueBottom = text(isolate(fact.value), { x: MARGIN + (width * 3) / 4, y: factY, w: width / 4, align: "end", size: 9, bold: true, color: INK });
    factY = Math.max(labelBottom, valueBottom) + 3;
  }

  y = Math.max(toY, factY) + 20;
  const tables: PdfTable[] = [
    ...(input.rows
      ? [{ columns: [{ label: input.labels.description, share: 0.7 }, { label: input.labels.amount, share: 0.3, align: "end" as const }], rows: input.rows.map((r) => ({ cells: [r.label, r.amount], detail: r.detail })) }]
      : []),
    ...(input.tables ?? []),
  ];
  for (const table of tables) y = drawTable(table, y) + 14;

  y += 2;
  for (const total of input.totals) {
    if (y > pageBottom()) y = newPage();
    const size = total.strong ? 12 : 10;
    const labelBottom = text(total.label, { x: MARGIN + width / 2, y, w: width / 4, size, bold: total.strong, color: INK });
    const valueBottom = text(isolate(total.value), { x: MARGIN + (width * 3) / 4, y, w: width / 4 - 8, align: "end", size, bold: total.strong, color: INK });
    y = Math.max(labelBottom, valueBottom) + (total.strong ? 6 : 3);
  }

  for (const section of input.sections ?? []) {
    y += 16;
    if (y > pageBottom()) y = newPage();
    y = text(section.heading, { x: MARGIN, y, w: width, size: 9, bold: true, color: MUTED }) + 4;
    for (const paragraph of section.body.split(/\n/)) y = text(paragraph, { x: MARGIN, y, w: width, size: 9, color: INK }) + 3;
  }
  text(input.footer, { x: MARGIN, y: doc.page.height - 80, w: width, align: "center", size: 8, color: MUTED });
  finishScriptFonts(doc);
  doc.end();
  return done;

  function drawTable(table: PdfTable, top: number) {
    let at = top;
    if (table.heading) {
      if (at > pageBottom()) at = newPage();
      at = text(table.heading, { x: MARGIN, y: at, w: width, size: 10, bold: true, color: INK }) + 6;
    }
    const columns = table.columns.reduce<{ x: number; w: number; column: PdfColumn }[]>((acc, column) => {
      const x = acc.length ? acc.at(-1)!.x + acc.at(-1)!.w : MARGIN;
      return [...acc, { x, w: width * column.share, column }];
    }, []);
    const header = (headerY: number) => {
      doc.rect(MARGIN, headerY, width, 22).fill("#f1f5f9");
      for (const c of columns) text(c.column.label, { x: c.x + 8, y: headerY + 5, w: c.w - 16, align: c.column.align ?? "start", size: 9, bold: true, color: SOFT });
      return headerY + 30;
    };
    at = header(at);
    if (!table.rows.length && table.empty) at = text(table.empty, { x: MARGIN + 8, y: at, w: width - 16, size: 9, color: MUTED }) + 8;
    for (const row of table.rows) {
      if (at > pageBottom()) at = header(newPage());
      let rowBottom = at;
      row.cells.forEach((cell, i) => {
        const c = columns[i];
        if (!c) return;
        const end = c.column.align === "end";
        let cellBottom = text(end ? isolate(cell) : cell, { x: c.x + 8, y: at, w: c.w - 16, align: c.column.align ?? "start", size: 10, color: INK });
        if (i === 0 && row.detail) cellBottom = text(row.detail, { x: c.x + 8, y: cellBottom + 1, w: c.w - 16, size: 8, color: MUTED });
        rowBottom = Math.max(rowBottom, cellBottom);
      });
      at = rowBottom + 8;
      doc.moveTo(MARGIN, at - 4).lineTo(MARGIN + width, at - 4).lineWidth(0.5).strokeColor(RULE).stroke();
    }
    return at;
  }
}
