// bidi-js ships no types; these are the parts of its API the PDF text layout uses (see its README).
declare module "bidi-js" {
  export type EmbeddingLevels = { levels: Uint8Array; paragraphs: { start: number; end: number; level: number }[] };
  export type Bidi = {
    getEmbeddingLevels(text: string, explicitDirection?: "ltr" | "rtl"): EmbeddingLevels;
    /** Ranges [start, end] (inclusive) to reverse, in order, for the line from start to end (inclusive). */
    getReorderSegments(text: string, levels: EmbeddingLevels, start?: number, end?: number): [number, number][];
    /** Takes the levels array itself (`.levels`), not the result object the README shows. */
    getMirroredCharactersMap(text: string, levels: Uint8Array, start?: number, end?: number): Map<number, string>;
  };
  export default function bidiFactory(): Bidi;
}
