// IBANs for SEPA Direct Debit: checked as a bank checks them (the country's length and the ISO 7064 mod-97
// check digits) so that a typo is caught on the form, with a message that says what to fix.
import type { Refusal } from "~/modules/i18n/refusal";

/** The countries of the SEPA scheme and the length of their IBANs. */
export const SEPA_IBAN_LENGTHS: Record<string, { name: string; length: number }> = {
  AD: { name: "Andorran", length: 24 },
  AT: { name: "Austrian", length: 20 },
  BE: { name: "Belgian", length: 16 },
  BG: { name: "Bulgarian", length: 22 },
  CH: { name: "Swiss", length: 21 },
  CY: { name: "Cypriot", length: 28 },
  CZ: { name: "Czech", length: 24 },
  DE: { name: "German", length: 22 },
  DK: { name: "Danish", length: 18 },
  EE: { name: "Estonian", length: 20 },
  ES: { name: "Spanish", length: 24 },
  FI: { name: "Finnish", length: 18 },
  FR: { name: "French", length: 27 },
  GB: { name: "British", length: 22 },
  GI: { name: "Gibraltar", length: 23 },
  GR: { name: "Greek", length: 27 },
  HR: { name: "Croatian", length: 21 },
  HU: { name: "Hungarian", length: 28 },
  IE: { name: "Irish", length: 22 },
  IS: { name: "Icelandic", length: 26 },
  IT: { name: "Italian", length: 27 },
  LI: { name: "Liechtenstein", length: 21 },
  LT: { name: "Lithuanian", length: 20 },
  LU: { name: "Luxembourg", length: 20 },
  LV: { name: "Latvian", length: 21 },
  MC: { name: "Monaco", length: 27 },
  MT: { name: "Maltese", length: 31 },
  NL: { name: "Dutch", length: 18 },
  NO: { name: "Norwegian", length: 15 },
  PL: { name: "Polish", length: 28 },
  PT: { name: "Portuguese", length: 25 },
  RO: { name: "Romanian", length: 24 },
  SE: { name: "Swedish", length: 24 },
  SI: { name: "Slovenian", length: 19 },
  SK: { name: "Slovak", length: 24 },
  SM: { name: "San Marino", length: 27 },
  VA: { name: "Vatican", length: 22 },
};

/** A refused IBAN: `refusal` for the customer's language (sepa.iban.* messages), `message` in English. */
export type IbanCheck = { ok: true; iban: string; country: string } | { ok: false; message: string; refusal: Refusal };

/** The IBAN as banks store it: no spaces, upper case. */
export function normalizeIban(input: string) {
  return input.replace(/[\s\u00a0]+/g, "").toUpperCase();
}

/** ISO 7064 MOD 97-10 over the IBAN with its first four characters moved to the end (letters as 10–35). */
export function ibanRemainder(iban: string) {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= "A" && ch <= "Z" ? ch.charCodeAt(0) - 55 : Number(ch);
    remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder;
}

/** The two check digits that make `country` + digits + `bban` a valid IBAN. */
export function ibanCheckDigits(country: string, bban: string) {
  return String(98 - ibanRemainder(`${country}00${bban}`)).padStart(2, "0");
}

export function checkIban(input: string): IbanCheck {
  const iban = normalizeIban(input);
  if (!iban) return { ok: false, message: "Enter your IBAN: it starts with your country code, such as DE89 3704 …", refusal: { key: "sepa.iban.empty", values: {} } };
  if (!/^[A-Z0-9]+$/.test(iban)) return { ok: false, message: "An IBAN has only letters and digits (spaces are fine): remove any other characters.", refusal: { key: "sepa.iban.characters", values: {} } };
  const country = iban.slice(0, 2);
  if (!/^[A-Z]{2}$/.test(country)) return { ok: false, message: "An IBAN starts with a two-letter country code, such as DE or FR: check the start of it.", refusal: { key: "sepa.iban.countryCode", values: {} } };
  const known = SEPA_IBAN_LENGTHS[country];
  if (!known) return { ok: false, message: `${country} is not a country of the SEPA Direct Debit scheme: enter the IBAN of a bank account in a SEPA country.`, refusal: { key: "sepa.iban.notSepa", values: { code: country } } };
  if (!/^\d{2}$/.test(iban.slice(2, 4))) return { ok: false, message: "The third and fourth characters of an IBAN are its check digits: check them.", refusal: { key: "sepa.iban.checkDigitsForm", values: {} } };
  if (iban.length !== known.length) {
    const diff = iban.length < known.length ? `is missing ${known.length - iban.length}` : `has ${iban.length - known.length} too many`;
    const article = /^[AEIOU]/.test(known.name) ? "An" : "A";
    return {
      ok: false,
      message: `${article} ${known.name} IBAN (${country}) has ${known.length} characters; this one ${diff}. Check it against your bank statement.`,
      refusal: { key: iban.length < known.length ? "sepa.iban.tooShort" : "sepa.iban.tooLong", values: { country: { region: country }, code: country, length: known.length, count: Math.abs(known.length - iban.length) } },
    };
  }
  if (ibanRemainder(iban) !== 1) return { ok: false, message: "This IBAN's check digits do not match the rest of it: there is a typo somewhere. Check it against your bank statement.", refusal: { key: "sepa.iban.checksum", values: {} } };
  return { ok: true, iban, country };
}

/** In groups of four, as printed on bank statements. */
export function formatIban(iban: string) {
  return normalizeIban(iban).replace(/(.{4})(?=.)/g, "$1 ");
}

export function ibanLast4(iban: string) {
  return normalizeIban(iban).slice(-4);
}

/** Where a country's bank (and branch) code sit in its IBAN, for the ones Stripe reports them for. */
const BANK_CODES: Record<string, { bank: [number, number]; branch?: [number, number] }> = {
  AT: { bank: [4, 9] },
  BE: { bank: [4, 7] },
  DE: { bank: [4, 12] },
  EE: { bank: [4, 6] },
  ES: { bank: [4, 8], branch: [8, 12] },
  FI: { bank: [4, 7] },
  FR: { bank: [4, 9], branch: [9, 14] },
  IE: { bank: [4, 8], branch: [8, 14] },
  IT: { bank: [5, 10], branch: [10, 15] },
  LT: { bank: [4, 9] },
  LU: { bank: [4, 7] },
  NL: { bank: [4, 8] },
};

export function ibanBankCodes(iban: string) {
  const normal = normalizeIban(iban);
  const at = BANK_CODES[normal.slice(0, 2)];
  return { bankCode: at ? normal.slice(...at.bank) : "", branchCode: at?.branch ? normal.slice(...at.branch) : "" };
}
