// A refusal a customer reads: it carries a message key and its values, and is put into words in the customer's
// language where it is shown (`translate`). Its `message` is the English text, for logs and owner-side callers.
import { translatorOf, type Translator } from "./formatter";
import { en, type MessageKey } from "./messages/en";
import { formatErrorValues, type ErrorValue, type Refusal } from "./refusal";

export type { ErrorValue, Refusal };

let english: Translator | undefined;

export class TranslatedError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly values: Record<string, ErrorValue> = {},
  ) {
    english ??= translatorOf("en", en);
    super(english.t(key, formatErrorValues(english, values)));
  }

  translate(tr: Translator): string {
    return tr.t(this.key, formatErrorValues(tr, this.values));
  }

  /** The key and values, for a loader to hand to the page (which says it in the page's language). */
  get refusal(): Refusal {
    return { key: this.key, values: this.values };
  }
}
