import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { pdfText } from "../support/pdf-text";

// The helper the PDF tests read documents with. A compressed stream's bytes are arbitrary: one in 256 ends in a
// carriage return, which once made the helper cut the stream short and read nothing (a CI run failed on it).
function pdfWith(content: string) {
  const body = zlib.deflateSync(Buffer.from(content, "latin1"));
  const head = Buffer.from(`%PDF-1.3\n1 0 obj\n<<\n/Length ${body.length}\n/Filter /FlateDecode\n>>\nstream\n`, "latin1");
  return { pdf: Buffer.concat([head, body, Buffer.from("\nendstream\nendobj\n%%EOF", "latin1")]), body };
}
const drawn = (text: string) => `BT\n[<${Buffer.from(text, "latin1").toString("hex")}> 0] TJ\nET`;

describe("pdfText", () => {
  it("reads a stream whose compressed bytes end in a carriage return, or hold the word endstream", () => {
    let i = 0;
    while (pdfWith(drawn(`Invoice ${i}`)).body.at(-1) !== 0x0d) i++;
    const { pdf, body } = pdfWith(drawn(`Invoice ${i}`));
    expect(body.at(-1)).toBe(0x0d);
    expect(pdfText(pdf)).toBe(`Invoice ${i}`);

    const stored = Buffer.from(`stored\nendstream\n${drawn("CREDIT NOTE")}`, "latin1");
    const head = Buffer.from(`%PDF-1.3\n1 0 obj\n<<\n/Length ${stored.length}\n>>\nstream\n`, "latin1");
    expect(pdfText(Buffer.concat([head, stored, Buffer.from("\nendstream\nendobj\n%%EOF")]))).toBe("CREDIT NOTE");
  });
});
