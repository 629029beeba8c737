// The page a customer lands on when their link or session has ended.
export const access = {
  "access.title": "Get a new link",
  "access.expired": "This link has expired.",
  "access.revoked": "This link is no longer active.",
  "access.unknown": "We could not recognise this link.",
  "access.session": "Your session has ended.",
  "access.sentHeading": "Check your email",
  "access.sentBody": "If {email} is an address we send invoices to, a new link is on its way. It can take a minute to arrive.",
  "access.intro": "Enter the email address your invoices are sent to and we will email you a fresh link.",
  "access.limited": "Too many requests from here. Please try again in {minutes, plural, one {# minute} other {# minutes}}.",
  "access.email": "Email address",
  "access.emailInvalid": "Enter the email address your invoices are sent to.",
  "access.sending": "Sending…",
  "access.send": "Email me a new link",
} as const;
