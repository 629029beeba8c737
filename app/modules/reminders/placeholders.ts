// Tier subjects and bodies are owner-written text with {{placeholders}}, filled in per email.
export const PLACEHOLDERS = {
  customerName: "the customer's name",
  businessName: "your business name",
  invoiceNumbers: "the invoice numbers in this reminder",
  amount: "the total due now on them",
  dueDate: "the earliest due date",
  daysOverdue: "days past the earliest due date",
  portalLink: "the customer's personal portal link",
  consequence: "the final notice's consequence (settings)",
  consequenceDate: "the date the consequence starts",
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDERS;
export type PlaceholderValues = Record<PlaceholderName, string>;

const PATTERN = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

// Anything between double braces is meant as a placeholder: one that is not a known name ({{ unknown_thing }},
// {{amount due}}) is reported, never sent to a customer as literal braces.
const ANY_BRACES = /\{\{([^{}]*)\}\}/g;

export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(ANY_BRACES)].map((m) => (m[1] ?? "").trim()).filter((name) => !(name in PLACEHOLDERS));
}

export function fillPlaceholders(template: string, values: PlaceholderValues): string {
  return template.replace(PATTERN, (whole, name: string) => (name in values ? values[name as PlaceholderName] : whole));
}

export const SAMPLE_VALUES: PlaceholderValues = {
  customerName: "Ada Lovelace",
  businessName: "Northwind Studio",
  invoiceNumbers: "INV-0994",
  amount: "$1,480.00",
  dueDate: "Nov 2, 2026",
  daysOverdue: "20",
  portalLink: "https://pay.example.com/portal/access/…",
  consequence: "we will pause further work on your account and refer the balance to our collections partner",
  consequenceDate: "Dec 17, 2026",
};
