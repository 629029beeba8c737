import { describe, expect, it } from "vitest";
import { creditNoteFormSchema, creditNoteNumber, writeOffFormSchema, writeOffRefusal } from "./credit-notes";

const KEY = "8b6f6a1e-5d6c-4d38-9a57-2f3f1c0f7e21";
const errorsOf = (result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }) =>
  result.success ? {} : Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));

describe("credit note numbers", () => {
  it("are CN- and four digits from 1, and grow past 9999 instead of wrapping", () => {
    expect(creditNoteNumber(1)).toBe("CN-0001");
    expect(creditNoteNumber(42)).toBe("CN-0042");
    expect(creditNoteNumber(9999)).toBe("CN-9999");
    expect(creditNoteNumber(10_000)).toBe("CN-10000");
  });

  it("refuse a sequence that is not a positive whole number", () => {
    for (const seq of [0, -1, 1.5, Number.NaN]) expect(() => creditNoteNumber(seq)).toThrow(RangeError);
  });
});

describe("the credit note form", () => {
  const schema = creditNoteFormSchema("USD", { dueNowCents: 12_345, balanceCents: 12_345 });

  it("gives the amount in cents, exactly, with the reason and the key", () => {
    expect(schema.parse({ amount: "123.45", reason: "  Cancelled session  ", requestKey: KEY })).toEqual({ amountCents: 12_345, reason: "Cancelled session", requestKey: KEY });
    expect(schema.parse({ amount: "$100", reason: "Goodwill", requestKey: KEY }).amountCents).toBe(10_000);
  });

  it("says what to fix in every field at once, and names the most that can be credited", () => {
    expect(errorsOf(schema.safeParse({ amount: "123.46", reason: "x", requestKey: "nope" }))).toEqual({
      amount: "Credit at most $123.45, the balance of the invoice.",
      reason: "Say why you give this credit; the customer sees it (at least 3 characters).",
      requestKey: "This form has expired. Reload the page and send it again.",
    });
    expect(errorsOf(schema.safeParse({ amount: "0", reason: "Goodwill", requestKey: KEY })).amount).toBe("Enter an amount more than 0.");
    expect(errorsOf(schema.safeParse({ amount: "-5", reason: "Goodwill", requestKey: KEY })).amount).toBe("Enter an amount more than 0.");
    expect(errorsOf(schema.safeParse({ amount: "", reason: "Goodwill", requestKey: KEY })).amount).toBe("Enter the amount to credit, e.g. 25.00.");
    expect(errorsOf(schema.safeParse({ reason: "Goodwill", requestKey: KEY })).amount).toBe("Enter the amount to credit, e.g. 25.00.");
    expect(errorsOf(schema.safeParse({ amount: "1", reason: "r".repeat(501), requestKey: KEY })).reason).toBe("Keep the reason to 500 characters.");
    expect(schema.safeParse({ amount: "1", reason: "r".repeat(500), requestKey: KEY }).success).toBe(true);
  });

  it("never rounds: more decimals than the currency has is refused", () => {
    expect(errorsOf(schema.safeParse({ amount: "10.005", reason: "Goodwill", requestKey: KEY })).amount).toMatch(/more than 2 decimals/);
    expect(errorsOf(creditNoteFormSchema("JPY", { dueNowCents: 5_000, balanceCents: 5_000 }).safeParse({ amount: "10.5", reason: "Goodwill", requestKey: KEY })).amount).toMatch(/no decimals/);
  });

  it("explains a limit below the balance (money on its way) and an invoice with nothing to credit", () => {
    const inFlight = creditNoteFormSchema("USD", { dueNowCents: 2_000, balanceCents: 5_000 });
    expect(errorsOf(inFlight.safeParse({ amount: "20.01", reason: "Goodwill", requestKey: KEY })).amount).toBe("Credit at most $20.00: the rest of the balance is on its way in a payment or held by a chargeback.");
    const settled = creditNoteFormSchema("USD", { dueNowCents: 0, balanceCents: 0 });
    expect(errorsOf(settled.safeParse({ amount: "1", reason: "Goodwill", requestKey: KEY })).amount).toBe("Nothing is owed on this invoice, so there is nothing to credit.");
  });
});

describe("writing an invoice off", () => {
  it("needs a reason of 3 to 500 characters", () => {
    expect(writeOffFormSchema.parse({ reason: " Closed down " })).toEqual({ reason: "Closed down" });
    expect(errorsOf(writeOffFormSchema.safeParse({ reason: "no" })).reason).toBe("Say why you write this invoice off (at least 3 characters).");
    expect(errorsOf(writeOffFormSchema.safeParse({})).reason).toBe("Say why you write this invoice off (at least 3 characters).");
    expect(errorsOf(writeOffFormSchema.safeParse({ reason: "x".repeat(501) })).reason).toBe("Keep the reason to 500 characters.");
  });

  it("is refused while nothing is owed, money is still moving, or a plan is running", () => {
    const base = { number: "INV-1", state: "ISSUED" as const, uncollectible: false, balanceCents: 5_000, processingCents: 0, disputedCents: 0, inPlan: false, currency: "USD" };
    expect(writeOffRefusal(base)).toBeNull();
    expect(writeOffRefusal({ ...base, state: "DRAFT" })).toMatch(/draft/);
    expect(writeOffRefusal({ ...base, state: "VOID" })).toMatch(/void/);
    expect(writeOffRefusal({ ...base, uncollectible: true, balanceCents: 0 })).toBe("INV-1 is already written off.");
    // Written off, then owed again (a bank return, a chargeback lost): the rest can be written off too.
    expect(writeOffRefusal({ ...base, uncollectible: true })).toBeNull();
    expect(writeOffRefusal({ ...base, underDispute: true })).toMatch(/under dispute/);
    expect(writeOffRefusal({ ...base, balanceCents: 0 })).toBe("Nothing is left to pay on INV-1, so there is nothing to write off.");
    expect(writeOffRefusal({ ...base, processingCents: 1_000 })).toMatch(/\$10\.00 is on its way/);
    expect(writeOffRefusal({ ...base, disputedCents: 1_000 })).toMatch(/chargeback of \$10\.00 is open/);
    expect(writeOffRefusal({ ...base, inPlan: true })).toMatch(/payment plan/);
  });
});
