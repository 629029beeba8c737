import zlib from "node:zlib";
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";

// The text a PDFKit document draws, read from its content streams: each TJ array's codes mapped to Unicode through
// its font's ToUnicode CMap (embedded fonts draw glyph ids), or read as Latin-1 (the standard fonts), one line per
// TJ, so a test can check that a PDF names what it should. A right-to-left run is drawn in visual order; its text is
// turned back to reading order as pdf.js and poppler do (the whole string reversed: see finishScriptFonts).
export function pdfText(pdf: Buffer): string {
  return pdfTextRuns(pdf)
    .map((r) => r.text)
    .join("\n");
}

export type PdfTextRun = { font: string; codes: number[]; text: string };

// Letters only: Arabic-Indic digits are drawn left to right.
const RTL = /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}]/u;

/** Every TJ of every page in order: the font resource it is drawn with, its codes (glyph ids in the subset), its text. */
export function pdfTextRuns(pdf: Buffer): PdfTextRun[] {
  const objects = pdfObjects(pdf);
  const fonts = fontResources(objects);
  const runs: PdfTextRun[] = [];
  for (const content of contentStreams(objects)) {
    let font = "";
    for (const m of content.toString("latin1").matchAll(/\/([A-Za-z0-9+_.-]+)\s+-?[\d.]+\s+Tf|\[((?:<[0-9a-fA-F\s]*>|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ/g)) {
      if (m[1] !== undefined) {
        font = m[1];
        continue;
      }
      const toUnicode = fonts.get(font);
      const codes: number[] = [];
      const units: string[] = [];
      for (const h of (m[2] ?? "").matchAll(/<([0-9a-fA-F\s]*)>/g)) {
        const bytes = Buffer.from((h[1] ?? "").replace(/\s+/g, ""), "hex");
        if (toUnicode) {
          for (let i = 0; i + 1 < bytes.length; i += 2) {
            const code = bytes.readUInt16BE(i);
            codes.push(code);
            units.push(toUnicode.get(code) ?? "\ufffd");
          }
        } else {
          for (const b of bytes) {
            codes.push(b);
            units.push(String.fromCharCode(b));
          }
        }
      }
      const text = units.join("");
      runs.push({ font, codes, text: RTL.test(text) ? [...text].reverse().join("") : text });
    }
  }
  return runs;
}

/** The font program a font resource embeds (FontFile2: TrueType; FontFile3: CFF), to read its glyphs in a test. */
export function embeddedFontFile(pdf: Buffer, resourceName: string): Buffer | null {
  const objects = pdfObjects(pdf);
  const fontObject = fontObjectNumbers(objects).get(resourceName);
  if (fontObject === undefined) return null;
  const descendant = objects.get(fontObject)?.dict.match(/\/DescendantFonts\s*\[\s*(\d+) 0 R/)?.[1];
  const descriptor = objects.get(Number(descendant))?.dict.match(/\/FontDescriptor (\d+) 0 R/)?.[1];
  const file = objects.get(Number(descriptor))?.dict.match(/\/FontFile[23]? (\d+) 0 R/)?.[1];
  return objects.get(Number(file))?.stream ?? null;
}

/** Whether the buffer is a complete PDF file: a header and an end-of-file marker. */
export function looksLikePdf(pdf: Buffer) {
  return pdf.subarray(0, 5).toString() === "%PDF-" && pdf.subarray(-8).toString().includes("%%EOF");
}

type PdfObject = { dict: string; stream?: Buffer };

/**
 * The file's objects: each dictionary as text and its stream inflated (FlateDecode). A stream is cut by the /Length
 * its dictionary declares, not by searching for "endstream": compressed bytes may end in a carriage return (or hold
 * the word), which a search would take for the delimiter and so cut the stream short.
 */
function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  const start = /(\d+) \d+ obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(raw))) {
    const bodyStart = m.index + m[0].length;
    const streamAt = raw.slice(bodyStart).search(/\bstream\r?\n/);
    const endAt = raw.indexOf("endobj", bodyStart);
    if (streamAt >= 0 && (endAt < 0 || bodyStart + streamAt < endAt)) {
      const dict = raw.slice(bodyStart, bodyStart + streamAt);
      const streamStart = bodyStart + streamAt + (raw.slice(bodyStart + streamAt).match(/^stream\r?\n/)?.[0].length ?? 7);
      const length = Number(dict.match(/\/Length (\d+)\b/)?.[1] ?? 0);
      const body = pdf.subarray(streamStart, streamStart + length);
      let stream = body;
      if (/\/FlateDecode/.test(dict)) {
        try {
          stream = zlib.inflateSync(body);
        } catch {
          stream = body;
        }
      }
      objects.set(Number(m[1]), { dict, stream });
      start.lastIndex = streamStart + length;
    } else {
      objects.set(Number(m[1]), { dict: raw.slice(bodyStart, endAt < 0 ? undefined : endAt) });
      if (endAt >= 0) start.lastIndex = endAt;
    }
  }
  return objects;
}

/** The pages' content streams in page order; with no page tree (a bare test file), every stream that is not a font's. */
function contentStreams(objects: Map<number, PdfObject>): Buffer[] {
  const kids = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict))?.dict.match(/\/Kids \[([^\]]*)\]/)?.[1];
  if (kids) {
    return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((k) => {
      const page = objects.get(Number(k[1]))?.dict ?? "";
      const refs = page.match(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/)?.[1] ?? "";
      return [...refs.matchAll(/(\d+) 0 R/g)].flatMap((c) => objects.get(Number(c[1]))?.stream ?? []);
    });
  }
  const fontPrograms = new Set([...objects.values()].flatMap((o) => [...o.dict.matchAll(/\/(?:FontFile[23]?|ToUnicode) (\d+) 0 R/g)].map((r) => Number(r[1]))));
  return [...objects.entries()].filter(([n, o]) => o.stream && !fontPrograms.has(n)).map(([, o]) => o.stream!);
}

/** Font resource names (/F1 …) to font object numbers, from every /Font dictionary in the file. */
function fontObjectNumbers(objects: Map<number, PdfObject>): Map<string, number> {
  const names = new Map<string, number>();
  for (const o of objects.values()) {
    for (const dict of o.dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const entry of (dict[1] ?? "").matchAll(/\/([A-Za-z0-9+_.-]+)\s+(\d+) 0 R/g)) names.set(entry[1]!, Number(entry[2]));
    }
  }
  return names;
}

/** For each font resource with a ToUnicode CMap: code → text. */
function fontResources(objects: Map<number, PdfObject>): Map<string, Map<number, string>> {
  const maps = new Map<string, Map<number, string>>();
  for (const [name, number] of fontObjectNumbers(objects)) {
    const cmapRef = objects.get(number)?.dict.match(/\/ToUnicode (\d+) 0 R/)?.[1];
    const cmap = cmapRef ? objects.get(Number(cmapRef))?.stream : undefined;
    if (cmap) maps.set(name, parseToUnicode(cmap.toString("latin1")));
  }
  return maps;
}

const utf16 = (hex: string) => {
  const bytes = Buffer.from(hex.replace(/\s+/g, ""), "hex");
  let out = "";
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes.readUInt16BE(i));
  return out;
};

function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
    for (const e of (block[1] ?? "").matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) map.set(parseInt(e[1]!, 16), utf16(e[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const e of (block[1] ?? "").matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]*>)/g)) {
      const lo = parseInt(e[1]!, 16);
      const hi = parseInt(e[2]!, 16);
      const target = e[3]!;
      if (target.startsWith("[")) {
        [...target.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((t, i) => map.set(lo + i, utf16(t[1]!)));
      } else {
        const first = utf16(target.slice(1, -1));
        for (let code = lo; code <= hi; code++) map.set(code, first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + code - lo));
      }
    }
  }
  return map;
}

/** pdf.js's text, one line per baseline (items joined by a space), NFKC-normalised (Arabic presentation forms → letters). */
export async function pdfReadingText(pdf: Buffer) {
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: VerbosityLevel.ERRORS });
  const doc = await task.promise;
  const lines: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    let y: number | null = null;
    for (const item of content.items) {
      if (!("str" in item) || !item.str) continue;
      const itemY = Math.round(item.transform[5] as number);
      if (y !== null && Math.abs(itemY - y) <= 1) lines[lines.length - 1] += ` ${item.str}`;
      else lines.push(item.str);
      y = itemY;
    }
  }
  await task.destroy();
  return lines.map((l) => l.normalize("NFKC").replace(/[\s\u200e\u200f\u2066-\u2069]+/g, " ").trim()).join("\n");
}
