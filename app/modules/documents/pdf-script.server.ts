// Text in any of the customer languages on a PDFKit page: each string is split into runs by script (each drawn with a
// Noto font that has its letters, shipped from npm), Arabic is shaped by fontkit (OpenType joining forms), and
// mixed-direction text is ordered by the Unicode bidi algorithm (bidi-js), line by line after wrapping.
// See docs/decisions/027-pdf-scripts.md.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import bidiFactory from "bidi-js";
import * as fontkit from "fontkit";

export type Direction = "ltr" | "rtl";
export type Face = "latin" | "arabic" | "han";
export type Weight = "regular" | "bold";

const FONT_FILES: Record<Face, { pkg: string; regular: string; bold: string }> = {
  latin: { pkg: "@embedpdf/fonts-latin", regular: "NotoSans-Regular.ttf", bold: "NotoSans-Bold.ttf" },
  arabic: { pkg: "@embedpdf/fonts-arabic", regular: "NotoNaskhArabic-Regular.ttf", bold: "NotoNaskhArabic-Bold.ttf" },
  han: { pkg: "@embedpdf/fonts-sc", regular: "NotoSansHans-Regular.otf", bold: "NotoSansHans-Bold.otf" },
};

// The packages export only their file lists, not the font paths: the fonts sit in fonts/ beside dist/.
const requireFrom = createRequire(import.meta.url);
export function fontPath(face: Face, weight: Weight) {
  const spec = FONT_FILES[face];
  return path.join(path.dirname(requireFrom.resolve(spec.pkg)), "..", "fonts", spec[weight]);
}

// Parsed once per process: PDFKit would parse a font file again for every document (most of a PDF's time went
// there), and takes a parsed fontkit font as it is. Each document still makes its own subset.
const parsedFonts = new Map<string, fontkit.Font>();
function parsedFont(face: Face, weight: Weight) {
  const key = `${face}-${weight}`;
  let font = parsedFonts.get(key);
  if (!font) {
    font = fontkit.create(fs.readFileSync(fontPath(face, weight))) as fontkit.Font;
    parsedFonts.set(key, font);
  }
  return font;
}

const fontName = (face: Face, weight: Weight) => `${face}-${weight}`;

/**
 * Registers the six faces on a document; PDFKit embeds (subsetted) only the ones a page draws with. fontkit keeps each
 * glyph it has made, with the characters it was first made for, and PDFKit writes those characters into the document's
 * ToUnicode map: a glyph first made in another document (an Arabic letter's base shape first met inside a decomposed
 * letter, with no characters) would read as nothing in this one. Each document starts with fontkit's glyphs forgotten
 * (drawing is synchronous, so no other document is between its first and last glyph meanwhile).
 */
export function registerScriptFonts(doc: PDFKit.PDFDocument) {
  for (const face of Object.keys(FONT_FILES) as Face[])
    for (const weight of ["regular", "bold"] as const) {
      const font = parsedFont(face, weight);
      (font as unknown as { _glyphs: Record<number, unknown> })._glyphs = {};
      doc.registerFont(fontName(face, weight), font as unknown as Buffer);
    }
}

/**
 * Call before `doc.end()`. A ligature glyph (lam-alef) carries its letters in reading order in the ToUnicode map, but
 * extractors (pdf.js, poppler) read a right-to-left run's glyphs in drawn (visual) order and reverse the whole
 * string, so they would read alef-lam. Storing the ligature's letters reversed makes them read lam-alef again.
 */
export function finishScriptFonts(doc: PDFKit.PDFDocument) {
  const families = (doc as unknown as { _fontFamilies: Record<string, { unicode?: number[][] }> })._fontFamilies;
  for (const weight of ["regular", "bold"] as const) {
    const font = families[fontName("arabic", weight)];
    font?.unicode?.forEach((codePoints, gid) => {
      if (codePoints.length > 1) font.unicode![gid] = [...codePoints].reverse();
    });
  }
}

const ARABIC = /\p{Script=Arabic}/u;
const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;
// Explicit bidi marks and isolates steer the algorithm and are not drawn.
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// fontkit reverses a run itself when the run's first letter of a named script is written right to left.
const FONTKIT_RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
const FIRST_SCRIPT_LETTER = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

/** A first-strong isolate (U+2068 … U+2069): keeps an invoice number, date or amount in one piece, in its own order, inside Arabic text. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

type Measurer = {
  hasGlyph(face: Face, char: string): boolean;
  width(face: Face, weight: Weight, size: number, text: string): number;
  metrics(face: Face): { ascent: number; descent: number };
};

// Shaping runs over a whole run at once: PDFKit lays out word by word (and so in the wrong word order for Arabic)
// unless features are given.
const FEATURES: PDFKit.Mixins.OpenTypeFeatures[] = ["kern"];

function pdfMeasurer(doc: PDFKit.PDFDocument): Measurer {
  const fonts = new Map<string, { font: FontkitFont }>();
  const open = (face: Face, weight: Weight) => {
    const name = fontName(face, weight);
    let font = fonts.get(name);
    if (!font) {
      doc.font(name);
      font = (doc as unknown as { _font: { font: FontkitFont } })._font;
      fonts.set(name, font);
    }
    return font;
  };
  return {
    hasGlyph: (face, char) => open(face, "regular").font.hasGlyphForCodePoint(char.codePointAt(0)!),
    width: (face, weight, size, text) => {
      doc.font(fontName(face, weight)).fontSize(size);
      return doc.widthOfString(text, { features: FEATURES });
    },
    metrics: (face) => {
      const { font } = open(face, "regular");
      return { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm };
    },
  };
}
type FontkitFont = { hasGlyphForCodePoint(cp: number): boolean; ascent: number; descent: number; unitsPerEm: number };

const FACE_ORDER: Face[] = ["latin", "arabic", "han"];

/**
 * Which face draws each character (per UTF-16 unit): its script's; a stretch of spaces, digits and punctuation takes
 * one face that has all of it, preferring the face before it, then the Latin one (so "2026-03-31" is not split).
 */
export function facesFor(text: string, m: Pick<Measurer, "hasGlyph">): Face[] {
  const chars = [...text];
  const strong: (Face | null)[] = chars.map((char) => {
    if (NEUTRAL.test(char) || BIDI_CONTROL.test(char)) return null;
    const face: Face = ARABIC.test(char) ? "arabic" : HAN.test(char) ? "han" : "latin";
    return m.hasGlyph(face, char) ? face : (FACE_ORDER.find((f) => m.hasGlyph(f, char)) ?? face);
  });
  const faces: Face[] = [];
  for (let i = 0; i < chars.length; ) {
    const own = strong[i];
    let face: Face;
    let j = i + 1;
    if (own) face = own;
    else {
      while (j < chars.length && strong[j] === null) j++;
      const stretch = chars.slice(i, j).filter((c) => !BIDI_CONTROL.test(c));
      const before = strong.slice(0, i).findLast((f) => f !== null) ?? null;
      const after = strong[j] ?? null;
      const candidates = [before, "latin" as const, after, ...FACE_ORDER].filter((f): f is Face => f !== null);
      face = candidates.find((f) => stretch.every((c) => m.hasGlyph(f, c))) ?? candidates[0]!;
    }
    for (let k = i; k < j; k++) {
      const char = chars[k]!;
      const drawn = strong[k] === null && !BIDI_CONTROL.test(char) && !m.hasGlyph(face, char) ? (FACE_ORDER.find((f) => m.hasGlyph(f, char)) ?? face) : face;
      for (let u = 0; u < char.length; u++) faces.push(drawn);
    }
    i = j;
  }
  return faces;
}

export type PlacedRun = {
  /** The string handed to PDFKit/fontkit: logical order when fontkit reverses it itself, visual order otherwise. */
  text: string;
  face: Face;
  /** Offset from the line's left edge. */
  x: number;
  width: number;
  level: number;
  /** The first logical index of the run: runs are drawn in logical order so text extraction reads them so. */
  logicalStart: number;
};
export type LaidLine = { runs: PlacedRun[]; width: number; ascent: number; descent: number };

const bidi = bidiFactory();

/**
 * Wraps `text` to `maxWidth` (breaks at spaces and between CJK characters) and orders each line's runs visually.
 * Pure over the measurer, so it is tested without a PDF.
 */
export function layoutLines(text: string, opts: { direction: Direction; size: number; weight: Weight; maxWidth: number }, m: Measurer): LaidLine[] {
  const clean = text.replace(/\r\n?/g, "\n");
  const faces = facesFor(clean, m);
  const levels = bidi.getEmbeddingLevels(clean, opts.direction);
  const mirrored = bidi.getMirroredCharactersMap(clean, levels.levels);
  const lines: LaidLine[] = [];
  let paragraphStart = 0;
  for (const paragraph of clean.split("\n")) {
    const start = paragraphStart;
    paragraphStart += paragraph.length + 1;
    for (const [lineStart, lineEnd] of wrap(clean, start, start + paragraph.length, faces, opts, m)) {
      lines.push(orderLine(clean, lineStart, lineEnd, faces, levels, mirrored, opts, m));
    }
  }
  return lines;
}

/** Logical [start, end) ranges of each wrapped line. */
function wrap(text: string, start: number, end: number, faces: Face[], opts: { size: number; weight: Weight; maxWidth: number }, m: Measurer): [number, number][] {
  if (start === end) return [[start, end]];
  // Break opportunities: after a run of spaces, and before and after each CJK character.
  const tokens: [number, number][] = [];
  let at = start;
  for (let i = start; i < end; i++) {
    const char = text[i]!;
    const next = text[i + 1];
    const cjk = HAN.test(char);
    const breakAfter = i + 1 === end || (char === " " && next !== " ") || cjk || (next !== undefined && HAN.test(next) && char !== " ");
    if (breakAfter) {
      tokens.push([at, i + 1]);
      at = i + 1;
    }
  }
  const widthOf = (a: number, b: number) => {
    let w = 0;
    for (let i = a; i < b; ) {
      let j = i + 1;
      while (j < b && faces[j] === faces[i]) j++;
      w += m.width(faces[i]!, opts.weight, opts.size, stripControls(text.slice(i, j)));
      i = j;
    }
    return w;
  };
  const lines: [number, number][] = [];
  let lineStart = start;
  let lineWidth = 0;
  for (const [a, b] of tokens) {
    const trimmedEnd = text.slice(a, b).trimEnd().length + a;
    const visible = widthOf(a, trimmedEnd);
    if (lineWidth > 0 && lineWidth + visible > opts.maxWidth) {
      lines.push([lineStart, a]);
      lineStart = a;
      lineWidth = 0;
    }
    lineWidth += widthOf(a, b);
  }
  lines.push([lineStart, end]);
  return lines;
}

const stripControls = (s: string) => s.replace(new RegExp(BIDI_CONTROL.source, "gu"), "");

function orderLine(
  text: string,
  start: number,
  end: number,
  faces: Face[],
  levels: ReturnType<typeof bidi.getEmbeddingLevels>,
  mirrored: Map<number, string>,
  opts: { size: number; weight: Weight },
  m: Measurer,
): LaidLine {
  // Trailing spaces take no room at the line's end.
  let last = end;
  while (last > start && text[last - 1] === " ") last--;
  const visual: number[] = [];
  for (let i = start; i < last; i++) visual.push(i);
  if (last > start) {
    for (const [a, b] of bidi.getReorderSegments(text, levels, start, last - 1)) {
      const from = a - start;
      const slice = visual.slice(from, b - start + 1).reverse();
      visual.splice(from, slice.length, ...slice);
    }
  }
  const groups: number[][] = [];
  for (const i of visual) {
    if (BIDI_CONTROL.test(text[i]!) || (text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff)) continue;
    const group = groups.at(-1);
    const prev = group?.at(-1);
    if (group && prev !== undefined && faces[prev] === faces[i] && levels.levels[prev] === levels.levels[i]) group.push(i);
    else groups.push([i]);
  }
  const runs: PlacedRun[] = [];
  let x = 0;
  const usedFaces = new Set<Face>();
  for (const group of groups) {
    const face = faces[group[0]!]!;
    usedFaces.add(face);
    const level = levels.levels[group[0]!]!;
    const charAt = (i: number) => {
      const code = text.codePointAt(i)!;
      const char = String.fromCodePoint(code);
      return level % 2 === 1 ? (mirrored.get(i) ?? char) : char;
    };
    const visualText = group.map(charAt).join("");
    const logicalText = [...group].sort((a, b) => a - b).map(charAt).join("");
    const first = logicalText.match(FIRST_SCRIPT_LETTER)?.[0];
    const fontkitReverses = first !== undefined && FONTKIT_RTL_SCRIPT.test(first);
    // Hand fontkit the string that comes out in visual order after its own reversal (if any).
    const drawn = fontkitReverses ? (level % 2 === 1 ? logicalText : [...visualText].reverse().join("")) : visualText;
    const width = m.width(face, opts.weight, opts.size, drawn);
    runs.push({ text: drawn, face, x, width, level, logicalStart: Math.min(...group) });
    x += width;
  }
  // One baseline for every face (the Latin one's), so a label and its value in another script line up; the line
  // is as deep as its deepest face (Arabic descends further).
  const latin = m.metrics("latin");
  const ascent = latin.ascent * opts.size;
  let descent = latin.descent * opts.size;
  for (const face of usedFaces) descent = Math.max(descent, m.metrics(face).descent * opts.size);
  return { runs, width: x, ascent, descent };
}

export type TextBox = {
  x: number;
  y: number;
  width: number;
  /** Logical alignment: "start" is the left in a left-to-right document and the right in a right-to-left one. */
  align?: "start" | "end" | "center";
  direction: Direction;
  size: number;
  bold?: boolean;
  color: string;
  /** Called when a line would cross the page's bottom margin: starts a page and returns the y to go on at. */
  onPageBreak?: () => number;
};

/** Draws `text` wrapped in the box; returns the y under its last line. */
export function drawText(doc: PDFKit.PDFDocument, text: string, box: TextBox): number {
  const weight: Weight = box.bold ? "bold" : "regular";
  const lines = layoutLines(text, { direction: box.direction, size: box.size, weight, maxWidth: box.width }, pdfMeasurer(doc));
  const align = box.align ?? "start";
  const left = (align === "start") === (box.direction === "ltr");
  let y = box.y;
  doc.fillColor(box.color);
  for (const line of lines) {
    if (box.onPageBreak && y + line.ascent + line.descent > doc.page.height - doc.page.margins.bottom) {
      y = box.onPageBreak();
      doc.fillColor(box.color);
    }
    const offset = align === "center" ? (box.width - line.width) / 2 : left ? 0 : box.width - line.width;
    const baseline = y + line.ascent;
    for (const run of [...line.runs].sort((a, b) => a.logicalStart - b.logicalStart)) {
      if (!run.text) continue;
      doc.font(fontName(run.face, weight)).fontSize(box.size);
      doc.text(run.text, box.x + offset + run.x, baseline, { lineBreak: false, baseline: "alphabetic", features: FEATURES });
    }
    y = baseline + line.descent;
  }
  return y;
}

/** The width `text` takes on one line. */
export function textWidth(doc: PDFKit.PDFDocument, text: string, opts: { direction: Direction; size: number; bold?: boolean }) {
  return Math.max(0, ...layoutLines(text, { ...opts, weight: opts.bold ? "bold" : "regular", maxWidth: Infinity }, pdfMeasurer(doc)).map((l) => l.width));
}
