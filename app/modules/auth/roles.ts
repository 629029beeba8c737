// Who may do what (issue 17). Every owner-side action asks the server for one of these permissions
// (requireUser in session.server.ts); the UI hides what a role cannot do, but the server decides.
export const ROLES = ["OWNER", "COLLECTOR", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** See every customer, invoice, payment, plan, reminder and the activity log; one customer's collections pack. */
  read: "see the book",
  /** Exports of the whole book (every invoice as CSV). */
  export: "export the whole book",
  /** Day-to-day collecting: customers, invoices, imports, reminders (send, pause, run), promises, questions, notes, offline payments, plans. */
  collect: "work on customers, invoices and reminders",
  /** Money given away or handed on: void, early-pay terms, settlements, fee waivers, credit notes, write-offs, hand-over to collections. */
  concede: "give discounts or credits, settle, waive fees, write off or hand over to collections",
  /** The business's settings: profile, payment options, discounts, plans, late fees, the reminder sequence and its guardrails, email delivery. */
  configure: "change the business's settings",
  /** Invite, change and remove team members; require two-step sign-in. */
  team: "manage the team",
  /** Refunds (issue 18). */
  refund: "refund payments",
} as const;
export type Permission = keyof typeof PERMISSIONS;

const TABLE: Record<Role, readonly Permission[]> = {
  OWNER: ["read", "export", "collect", "concede", "configure", "team", "refund"],
  COLLECTOR: ["read", "collect"],
  VIEWER: ["read", "export"],
};

export function can(role: Role, permission: Permission) {
  return TABLE[role].includes(permission);
}

export const ROLE_LABEL: Record<Role, string> = { OWNER: "Owner", COLLECTOR: "Collector", VIEWER: "Viewer" };

export const ROLE_SUMMARY: Record<Role, string> = {
  OWNER: "Everything, including settings, the team, refunds and Stripe.",
  COLLECTOR: "Customers, invoices, reminders, promises, questions, notes and offline payments. No settings, team, refunds or whole-book exports.",
  VIEWER: "Sees everything and exports; changes nothing.",
};

/** The sentence a refused request answers with. */
export function refusal(role: Role, permission: Permission) {
  return `Your role (${ROLE_LABEL[role]}) cannot ${PERMISSIONS[permission]}. Ask an owner of the business.`;
}
