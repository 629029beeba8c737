// The error pages' words. Also the English fallback of pages that have no catalog (owner pages, sign-in).
export const errors = {
  "errors.status": "Error {status}",
  "errors.400.title": "Something in that request was not right",
  "errors.400.body": "Go back, check what you entered and try again.",
  "errors.403.title": "You do not have access to this page",
  "errors.403.body": "If you think you should, ask the person who sent you the link.",
  "errors.404.title": "We could not find that page",
  "errors.404.body": "The link may be old, or the page may belong to another account.",
  "errors.429.title": "Too many attempts",
  "errors.429.body": "Please wait a few minutes and try again.",
  "errors.500.title": "Something went wrong on our side",
  "errors.500.body": "Nothing you did caused this, and nothing was charged twice. Please try again in a minute; if it keeps happening, contact the business that sent you here.",
  "errors.home": "Go to the start page",
} as const;
