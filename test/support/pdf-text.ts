import zlib from "node:zlib";
// The text a PDFKit document draws (uncompressed content streams): hex strings in TJ arrays, decoded
// and joined, so a test can check that a PDF names what it should.
export function pdfText(pdf: Buffer): string {
  const source = inflated(pdf);
  const lines: string[] = [];
  for (const m of source.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ/g)) {
    const parts = [...(m[1] ?? "").matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1] ?? "", "hex").toString("latin1"));
    lines.push(parts.join(""));
  }
  return lines.join("\n");
}

/** Whether the buffer is a complete PDF file: a header and an end-of-file marker. */
export function looksLikePdf(pdf: Buffer) {
  return pdf.subarray(0, 5).toString() === "%PDF-" && pdf.subarray(-8).toString().includes("%%EOF");
}

/** The PDF with its compressed (FlateDecode) content streams inflated, as latin1 text. */
function inflated(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  return raw.replace(/stream\r?\n([\s\S]*?)\r?\nendstream/g, (whole, body: string) => {
    try {
      return `stream\n${zlib.inflateSync(Buffer.from(body, "latin1")).toString("latin1")}\nendstream`;
    } catch {
      return whole;
    }
  });
}
