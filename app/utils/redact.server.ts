// Keeps secrets out of logs and stored error messages: the configured secret values themselves, and the
// shapes secrets take wherever they come from (Stripe keys, client secrets, passwords in URLs, portal links).
import { formatWithOptions } from "node:util";

const SECRET_NAME = /SECRET|PASSWORD|TOKEN|PRIVATE|_KEY$/i;
const MIN_SECRET_LENGTH = 6;

const PATTERNS: [RegExp, string][] = [
  [/\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]+/g, "[redacted Stripe key]"],
  [/\bwhsec_[A-Za-z0-9+/=]+/g, "[redacted webhook secret]"],
  [/\b(?:pi|seti)_[A-Za-z0-9]+_secret_[A-Za-z0-9]+/g, "[redacted client secret]"],
  // user:password@ in any URL (postgresql://, smtp://, https://).
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]+@/gi, "$1:[redacted]@"],
  [/\/portal\/access\/[A-Za-z0-9_-]{16,}/g, "/portal/access/[redacted]"],
  [/\b(duely_(?:owner|portal))=[^;\s"']+/g, "$1=[redacted]"],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, "$1 [redacted]"],
];

/** The secret values in an environment: variables named like secrets, and passwords inside URLs. */
export function secretValuesIn(source: Record<string, string | undefined>): string[] {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(source)) {
    if (!value) continue;
    if (SECRET_NAME.test(name) && value.length >= MIN_SECRET_LENGTH) values.add(value);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
      try {
        const password = new URL(value).password;
        if (password.length >= MIN_SECRET_LENGTH) {
          values.add(password);
          values.add(decodeURIComponent(password));
        }
      } catch {
        // Not a URL after all: nothing inside it to find.
      }
    }
  }
  // Longest first, so a secret that contains another is replaced whole.
  return [...values].sort((a, b) => b.length - a.length);
}

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("[redacted]");
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

const METHODS = ["log", "info", "warn", "error", "debug"] as const;
let installed = false;

/**
 * Every console line of the process goes through redact(), ours and the libraries' (Remix logs thrown
 * errors, pg-boss its failures). Call it first thing: the launcher does, before reading the configuration.
 */
export function installLogRedaction(source: Record<string, string | undefined> = process.env) {
  if (installed) return;
  installed = true;
  const secrets = secretValuesIn(source);
  for (const method of METHODS) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => original(redact(formatWithOptions({ colors: false }, ...args), secrets));
  }
}

/**
 * An error for a log line: its stack (which starts with the message) and code, never the object itself,
 * whose fields can hold a Stripe response with client secrets or a database client's internals.
 */
export function errorSummary(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return `${error.stack ?? `${error.name}: ${error.message}`}${typeof code === "string" || typeof code === "number" ? ` (code ${code})` : ""}`;
}

/**
 * An error nothing caught still ends the process, as Node would (exit code 1), but it is printed through the
 * redacted console and as errorSummary: Node's own report goes straight to stderr, with the error's fields
 * (a Stripe response, a connection string) and any secret in its message. Unhandled rejections arrive here too.
 */
export function installCrashReporting() {
  process.on("uncaughtException", (error, origin) => {
    console.error(`Stopped by an error nothing handled (${origin}): ${errorSummary(error)}`);
    process.exit(1);
  });
}
