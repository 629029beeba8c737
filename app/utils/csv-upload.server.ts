// Reading an uploaded CSV file (invoice and customer imports): the size limit before and after parsing the
// form, a file actually chosen, and UTF-8 text; each refusal says what to do.
import { readForm } from "./request.server";

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export type CsvUpload = { ok: true; text: string; fileName: string; form: FormData } | { ok: false; message: string; status: number };

export async function readCsvUpload(request: Request): Promise<CsvUpload> {
  const tooLarge = { ok: false as const, message: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`, status: 413 };
  if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) return tooLarge;
  const form = await readForm(request);
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return { ok: false, message: "Choose a CSV file to import.", status: 400 };
  if (file.size > MAX_IMPORT_BYTES) return tooLarge;
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()), fileName: file.name, form };
  } catch {
    return { ok: false, message: "The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8”.", status: 400 };
  }
}
