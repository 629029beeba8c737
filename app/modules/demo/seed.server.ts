// Demo data for the README's run command: idempotent (a second run adds nothing but a fresh portal link).
import { addDays, toDbDate, type CalendarDate } from "~/modules/dates/calendar";
import { hashPassword } from "~/modules/auth/password.server";
import { createPortalLink } from "~/modules/portal-access/tokens.server";
import { DEFAULT_TIERS } from "~/modules/reminders/default-tiers";
import { today } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export const DEMO = {
  businessSlug: "northwind",
  ownerEmail: "owner@northwind.test",
  ownerPassword: "paid-on-time-2026",
  portalCustomerEmail: "ada@analytical.test",
  timeZone: "America/New_York",
};

type DemoInvoice = {
  number: string;
  issueOffset: number;
  dueOffset: number;
  lines: { description: string; quantityMilli: number; unitAmountCents: number }[];
  paidCents?: number;
  paymentMethod?: "CARD" | "US_BANK_ACCOUNT" | "CHECK";
};

type DemoCustomer = { name: string; companyName: string; email: string; timeZone?: string; invoices: DemoInvoice[] };

const line = (description: string, hours: number, rateCents: number) => ({ description, quantityMilli: Math.round(hours * 1000), unitAmountCents: rateCents });

const CUSTOMERS: DemoCustomer[] = [
  {
    name: "Ada Lovelace",
    companyName: "Analytical Engines LLC",
    email: DEMO.portalCustomerEmail,
    invoices: [
      { number: "INV-1001", issueOffset: -26, dueOffset: 4, lines: [line("Brand strategy workshop", 6, 15000), line("Workshop materials", 1, 12500)] },
      { number: "INV-0994", issueOffset: -50, dueOffset: -20, lines: [line("Website design, phase 1", 24, 9500)], paidCents: 80000, paymentMethod: "CARD" },
      { number: "INV-0971", issueOffset: -75, dueOffset: -45, lines: [line("Logo refresh", 10, 9500)], paidCents: 95000, paymentMethod: "US_BANK_ACCOUNT" },
    ],
  },
  {
    name: "Grace Hopper",
    companyName: "Compiler Works Inc.",
    email: "grace@compiler.test",
    invoices: [{ number: "INV-0998", issueOffset: -30, dueOffset: 0, lines: [line("Monthly retainer", 1, 250000)] }],
  },
  {
    name: "Alan Turing",
    companyName: "Bletchley Analytics",
    email: "alan@bletchley.test",
    timeZone: "Europe/London",
    invoices: [{ number: "INV-0995", issueOffset: -35, dueOffset: -5, lines: [line("Data audit", 12.5, 11000), line("Report", 1, 45000)] }],
  },
  {
    name: "Katherine Johnson",
    companyName: "Trajectory Partners",
    email: "katherine@trajectory.test",
    invoices: [
      { number: "INV-0990", issueOffset: -50, dueOffset: -20, lines: [line("Photography, product launch", 1, 185000)] },
      { number: "INV-0999", issueOffset: -5, dueOffset: 25, lines: [line("Photo retouching", 6, 8500)] },
    ],
  },
  {
    name: "Edsger Dijkstra",
    companyName: "Shortest Path Logistics",
    email: "edsger@shortestpath.test",
    timeZone: "Europe/Amsterdam",
    invoices: [{ number: "INV-0975", issueOffset: -75, dueOffset: -45, lines: [line("Copywriting, 12 articles", 12, 32500)] }],
  },
  {
    name: "Barbara Liskov",
    companyName: "Substitution Systems",
    email: "barbara@substitution.test",
    timeZone: "America/Los_Angeles",
    invoices: [{ number: "INV-0950", issueOffset: -125, dueOffset: -95, lines: [line("Office fit-out consultation", 8, 17500), line("Site visit", 1, 30000)] }],
  },
  {
    name: "Linus Pauling",
    companyName: "Bond Chemistry Co.",
    email: "linus@bond.test",
    invoices: [{ number: "INV-0996", issueOffset: -20, dueOffset: 10, lines: [line("Lab signage", 4, 62500)], paidCents: 100000, paymentMethod: "CARD" }],
  },
  {
    name: "Margaret Hamilton",
    companyName: "Apollo Guidance Ltd",
    email: "margaret@apollo.test",
    invoices: [{ number: "INV-0992", issueOffset: -40, dueOffset: -10, lines: [line("Accessibility review", 16, 12000)], paidCents: 192000, paymentMethod: "US_BANK_ACCOUNT" }],
  },
];

async function createDemoBusiness(tx: Tx, day: CalendarDate) {
  const business = await tx.business.create({
    data: {
      name: "Northwind Studio",
      slug: DEMO.businessSlug,
      timeZone: DEMO.timeZone,
      currency: "USD",
      supportEmail: "billing@northwind.test",
      fromEmail: "billing@northwind.test",
      phone: "+1 (555) 010-2026",
      addressLines: ["18 Harbor Street", "Portland, ME 04101"],
      brandColor: "#0f766e",
      minPartialPaymentCents: 5000,
      achDiscountBps: 100,
      discountPolicy: { create: { enabled: true, kind: "PERCENT", percentBps: 200, windowDays: 10 } },
      planPolicy: { create: {} },
      lateFeePolicy: { create: {} },
      reminderTiers: { create: DEFAULT_TIERS.map((t) => ({ ...t })) },
    },
  });
  await tx.user.create({
    data: {
      businessId: business.id,
      email: DEMO.ownerEmail,
      name: "Olivia Northwind",
      passwordHash: await hashPassword(DEMO.ownerPassword),
    },
  });
  for (const c of CUSTOMERS) {
    const customer = await tx.customer.create({
      data: { businessId: business.id, email: c.email, name: c.name, companyName: c.companyName, timeZone: c.timeZone },
    });
    for (const inv of c.invoices) {
      const lines = inv.lines.map((l, i) => ({ ...l, position: i + 1, amountCents: (l.quantityMilli * l.unitAmountCents) / 1000 }));
      const invoice = await tx.invoice.create({
        data: {
          businessId: business.id,
          customerId: customer.id,
          number: inv.number,
          currency: "USD",
          state: "ISSUED",
          issueDate: toDbDate(addDays(day, inv.issueOffset)),
          dueDate: toDbDate(addDays(day, inv.dueOffset)),
          sentAt: toDbDate(addDays(day, inv.issueOffset)),
          lines: { create: lines },
        },
      });
      if (inv.paidCents) {
        const paidOn = toDbDate(addDays(day, Math.min(inv.dueOffset, 0) - 2));
        await tx.payment.create({
          data: {
            businessId: business.id,
            customerId: customer.id,
            currency: "USD",
            amountCents: inv.paidCents,
            method: inv.paymentMethod ?? "CARD",
            status: "SUCCEEDED",
            gateway: "simulator",
            idempotencyKey: `demo-${inv.number}`,
            receiptNumber: `R-${inv.number.slice(4)}-1`,
            createdAt: paidOn,
            succeededAt: paidOn,
            allocations: { create: { invoiceId: invoice.id, amountCents: inv.paidCents } },
          },
        });
      }
    }
  }
  return business;
}

export type SeedResult = { created: boolean; portalLink: string; ownerSignIn: string; ownerEmail: string; ownerPassword: string };

export async function seedDemo(): Promise<SeedResult> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('duely-demo-seed'))`;
      let business = await tx.business.findUnique({ where: { slug: DEMO.businessSlug } });
      const created = !business;
      business ??= await createDemoBusiness(tx, today(DEMO.timeZone));
      const customer = await tx.customer.findUniqueOrThrow({
        where: { businessId_email: { businessId: business.id, email: DEMO.portalCustomerEmail } },
      });
      const link = await createPortalLink(tx, customer.id, business.portalLinkTtlDays);
      return {
        created,
        portalLink: link.url,
        ownerSignIn: `${getEnv().APP_URL}/login`,
        ownerEmail: DEMO.ownerEmail,
        ownerPassword: DEMO.ownerPassword,
      };
    },
    { timeout: 60_000 },
  );
}
