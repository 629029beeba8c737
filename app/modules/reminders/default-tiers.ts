// The playbook's sequence: a courtesy note before the due date, then gentle, firm, a final notice with
// a dated consequence, then collections (the owner is alerted, the customer gets no email).
export const DEFAULT_TIERS = [
  {
    position: 0,
    kind: "COURTESY",
    name: "Courtesy",
    offsetDays: -3,
    emailsCustomer: true,
    subject: "Invoice {{invoiceNumbers}} is due on {{dueDate}}",
    body: "Hello {{customerName}},\n\nA quick note that {{invoiceNumbers}} for {{amount}} is due on {{dueDate}}. If anything on it is unclear, or the work was not what you expected, reply and we will sort it out.\n\nYou can view and pay it here: {{portalLink}}",
  },
  {
    position: 1,
    kind: "GENTLE",
    name: "Gentle reminder",
    offsetDays: 3,
    emailsCustomer: true,
    subject: "Friendly reminder: {{invoiceNumbers}} was due on {{dueDate}}",
    body: "Hello {{customerName}},\n\nOur records show {{amount}} still open on {{invoiceNumbers}}, due on {{dueDate}}. It may simply have slipped through; you can pay in a minute by card or bank transfer: {{portalLink}}",
  },
  {
    position: 2,
    kind: "FIRM",
    name: "Firm reminder",
    offsetDays: 10,
    emailsCustomer: true,
    subject: "Payment overdue: {{invoiceNumbers}}",
    body: "Hello {{customerName}},\n\n{{amount}} on {{invoiceNumbers}} is now {{daysOverdue}} days overdue. Please pay today, pay part of it, or tell us the date you will pay: {{portalLink}}",
  },
  {
    position: 3,
    kind: "FINAL",
    name: "Final notice",
    offsetDays: 21,
    emailsCustomer: true,
    subject: "Final notice: {{invoiceNumbers}}",
    body: "Hello {{customerName}},\n\nDespite our earlier reminders, {{amount}} remains unpaid. If it is not paid or arranged by {{consequenceDate}}, {{consequence}}. Pay, or tell us when you will, here: {{portalLink}}",
  },
  {
    position: 4,
    kind: "COLLECTIONS",
    name: "Collections",
    offsetDays: 45,
    emailsCustomer: false,
    subject: "{{customerName}} is ready for collections",
    body: "{{customerName}} owes {{amount}} on {{invoiceNumbers}}, {{daysOverdue}} days overdue, after every reminder. Review the account and hand it over.",
  },
] as const;
