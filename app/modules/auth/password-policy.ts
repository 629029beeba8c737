// What a new password must be (setup, invitations, reset, change): at least 12 characters and hard to guess
// by zxcvbn's estimate (score 3 of 4, about 10^8 guesses), taking the person's own name, email and business
// into account. Pure: the forms call it on the server; no password is ever logged or echoed back.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as enDictionary, translations } from "@zxcvbn-ts/language-en";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
export const PASSWORD_MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({ translations, graphs: adjacencyGraphs, dictionary: { ...commonDictionary, ...enDictionary } }));

/** Null when the password is acceptable, else one sentence that says what to change. */
export function passwordProblem(password: string, context: { email?: string; name?: string; businessName?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters (this one has ${password.length}). A few unrelated words make a strong one.`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(password)) return "Use letters, digits, spaces and symbols only: this password holds a control character (such as a tab or a null byte).";
  const words = (text = "") => [text.replace(/\s+/g, ""), ...text.split(/\s+/)];
  const userInputs = [context.email, ...words(context.email?.split("@")[0]), ...words(context.name), ...words(context.businessName), "duely"]
    .map((v) => v?.trim().toLowerCase())
    .filter((v): v is string => Boolean(v && v.length >= 3));
  const result = zxcvbn().check(password, userInputs);
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  return `This password is too easy to guess. ${hint || "Add another unrelated word or two."}`;
}

/** A new password's field errors (`password`, `passwordConfirm`), for every form that sets one. */
export function newPasswordFieldErrors(values: Record<string, string | undefined>, context: { email?: string; name?: string; businessName?: string }): Record<string, string[]> {
  const problem = passwordProblem(values.password ?? "", context);
  if (problem) return { password: [problem] };
  if ((values.password ?? "") !== (values.passwordConfirm ?? "")) return { passwordConfirm: ["The two passwords differ: type the same password twice."] };
  return {};
}
