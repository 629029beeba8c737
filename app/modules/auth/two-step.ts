// Pure rules of two-step sign-in: what a typed code is, how recovery codes look. No I/O here.

export const RECOVERY_CODE_COUNT = 10;
export const CHALLENGE_MINUTES = 10;
export const CHALLENGE_MAX_ATTEMPTS = 5;
/** Failed second steps per account, across challenges, before a pause. */
export const TWO_STEP_LIMIT = { limit: 10, windowSeconds: 15 * 60 };

// Crockford-style alphabet: no 0/O, 1/I/L confusion when a code is read off paper.
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

/** A recovery code: ten characters from a 31-letter alphabet (49 bits), shown as two groups of five. */
export function formatRecoveryCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < 10) throw new Error("formatRecoveryCode needs 10 random bytes");
  let out = "";
  for (let i = 0; i < 10; i++) out += ALPHABET[randomBytes[i]! % ALPHABET.length];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** What the person typed, read generously: spaces, dashes and case do not matter. */
export function normalizeRecoveryCode(typed: string): string | null {
  const compact = typed.toLowerCase().replace(/[\s-]/g, "");
  if (compact.length !== 10 || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}

export type TypedCode = { kind: "totp"; code: string } | { kind: "recovery"; code: string } | { kind: "invalid"; message: string };

/** Sorts what was typed into an authenticator code, a recovery code, or a message saying what to type. */
export function classifyCode(typed: string): TypedCode {
  const trimmed = typed.trim();
  if (trimmed === "") return { kind: "invalid", message: "Enter the 6-digit code from your authenticator app, or one of your recovery codes." };
  const digits = trimmed.replace(/\s/g, "");
  if (/^\d+$/.test(digits)) {
    return digits.length === 6 ? { kind: "totp", code: digits } : { kind: "invalid", message: `An authenticator code has 6 digits; that has ${digits.length}.` };
  }
  const recovery = normalizeRecoveryCode(trimmed);
  if (recovery) return { kind: "recovery", code: recovery };
  return { kind: "invalid", message: "That is neither a 6-digit authenticator code nor a recovery code (like abcde-23456)." };
}

/** The secret as people type it into an app by hand: groups of four. */
export function groupSecret(secret: string) {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}
