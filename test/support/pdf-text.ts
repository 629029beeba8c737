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

/**
 * The PDF with its compressed (FlateDecode) content streams inflated, as latin1 text. Each stream is cut by the
 * /Length its dictionary declares, not by searching for "endstream": compressed bytes may end in a carriage
 * return (or hold the word), which a search would take for the delimiter and so cut the stream short.
 */
function inflated(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  let out = "";
  let at = 0;
  for (const m of raw.matchAll(/\/Length (\d+)\b[^]*?>>\s*stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    if (start < at) continue;
    const end = start + Number(m[1]);
    out += raw.slice(at, start);
    const body = pdf.subarray(start, end);
    try {
      out += zlib.inflateSync(body).toString("latin1");
    } catch {
      out += body.toString("latin1");
    }
    at = end;
  }
  return out + raw.slice(at);
}
