// The text layout under the PDFs, without a PDF: which font draws what, the visual order of mixed-direction lines
// (Unicode bidi), what string fontkit is handed (it reverses Arabic-script runs itself), and wrapping.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { facesFor, isolate, layoutLines, type Face } from "./pdf-script.server";

// Each character 5 points wide; Latin/Cyrillic/ASCII in "latin", Arabic letters and digits with space and a few marks
// in "arabic" (as Noto Naskh Arabic: no hyphen, no parentheses), CJK and ASCII in "han".
const covers: Record<Face, (c: string) => boolean> = {
  latin: (c) => /[\u0020-\u024f\u0400-\u04ff\u2000-\u206f€]/u.test(c),
  arabic: (c) => /[\p{Script=Arabic} 0-9.,:\u200f]/u.test(c),
  han: (c) => /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u0020-\u007e]/u.test(c),
};
const measurer = {
  hasGlyph: (face: Face, c: string) => covers[face](c),
  width: (_face: Face, _weight: string, _size: number, text: string) => [...text].length * 5,
  metrics: (face: Face) => (face === "arabic" ? { ascent: 1.1, descent: 0.5 } : { ascent: 1.07, descent: 0.29 }),
};
const lay = (text: string, direction: "ltr" | "rtl", maxWidth = Infinity) => layoutLines(text, { direction, size: 10, weight: "regular", maxWidth }, measurer);
/** Each line's runs as [face, string handed to fontkit], left to right. */
const runsOf = (text: string, direction: "ltr" | "rtl", maxWidth?: number) => lay(text, direction, maxWidth).map((l) => l.runs.map((r) => [r.face, r.text]));

describe("facesFor", () => {
  it("gives each script its font, and a stretch of digits and punctuation one font that has all of it", () => {
    const text = "Счёт فاتورة 2026-03-31 发票";
    const faces = facesFor(text, measurer);
    const at = (s: string) => faces[text.indexOf(s)];
    expect(at("Счёт")).toBe("latin");
    expect(at("فاتورة")).toBe("arabic");
    expect(at("发票")).toBe("han");
    // The Arabic font has digits but no hyphen: the whole date goes to the Latin font rather than being split.
    const date = faces.slice(text.indexOf("2026"), text.indexOf("2026") + 10);
    expect(new Set(date)).toEqual(new Set(["latin"]));
  });
});

describe("layoutLines", () => {
  it("keeps an invoice number, and an isolated amount, in one piece and in their order inside Arabic (right to left)", () => {
    // Letters then digits: the bidi algorithm keeps "INV-0042" together by itself (W7).
    expect(runsOf("فاتورة INV-0042", "rtl")).toEqual([[["latin", "INV-0042"], ["arabic", "فاتورة "]]]);
    // An amount that ends in a symbol does not: "1,250.00 US$" would read "$US 1,250.00" unless isolated.
    expect(runsOf("المبلغ 1,250.00 US$", "rtl")[0]!.map((r) => r[1])).toEqual(["$", "US", " ", "1,250.00", "المبلغ "]);
    expect(runsOf(`المبلغ ${isolate("1,250.00 US$")}`, "rtl")[0]!.map((r) => r[1])).toEqual(["1,250.00 ", "US$", "المبلغ "]);
  });

  it("hands fontkit Arabic words in reading order (it reverses them), and Arabic-Indic digits pre-reversed (it would reverse them too)", () => {
    const [line] = runsOf("رقم ١٢٣", "rtl");
    expect(line).toEqual([["arabic", "٣٢١"], ["arabic", "رقم "]]);
  });

  it("mirrors brackets inside right-to-left text", () => {
    const [line] = runsOf(`الموقع (${isolate("INV-1")})`, "rtl");
    expect(line!.map((r) => r[1])).toEqual(["(", "INV-1", ") ", "الموقع"]);
  });

  it("aligns every face on one baseline and makes a line as deep as its deepest face", () => {
    const [latin] = lay("Due", "ltr");
    const [arabic] = lay("تاريخ", "rtl");
    expect(arabic!.ascent).toBe(latin!.ascent);
    expect(arabic!.descent).toBeGreaterThan(latin!.descent);
  });

  it("wraps at spaces, and between Chinese characters, within the width", () => {
    expect(lay("Website redesign and hosting", "ltr", 60).map((l) => l.runs.map((r) => r.text).join(""))).toEqual(["Website ", "redesign and", "hosting"].map((s) => s.trimEnd()));
    const chinese = lay("网站重新设计包括首页", "ltr", 30);
    expect(chinese.map((l) => l.runs.map((r) => r.text).join(""))).toEqual(["网站重新设计", "包括首页"]);
    for (const line of chinese) expect(line.width).toBeLessThanOrEqual(30);
  });

  it("draws every character of the text once, whatever the mix of scripts and directions (property)", () => {
    const piece = fc.constantFrom("Invoice", "Счёт", "فاتورة", "الرصيد", "发票", "INV-0042", "2026", "١٢٣", " ", " ", ": ", ", ");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom("ltr" as const, "rtl" as const), fc.integer({ min: 20, max: 400 }), (pieces, direction, width) => {
        const text = pieces.join("");
        const drawn = lay(text, direction, width).flatMap((l) => l.runs.flatMap((r) => [...r.text]));
        const sorted = (chars: string[]) => chars.filter((c) => c !== " ").sort();
        expect(sorted(drawn)).toEqual(sorted([...text]));
      }),
    );
  });

  it("leaves left-to-right text in a left-to-right document in its order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("Rechnung", "Fällig", "am", "31.03.2026", "Счёт", "1.250,00 $"), { minLength: 1, maxLength: 8 }), (words) => {
        const text = words.join(" ");
        const lines = lay(text, "ltr", 120).map((l) => l.runs.map((r) => r.text).join(""));
        expect(lines.join(" ")).toBe(text);
      }),
    );
  });
});
