import { describe, expect, it } from "vitest";
import { lineValuesOf, parseDraftForm } from "./draft-form";

const header = { customerId: "c1", number: "INV-1002", issueDate: "2026-11-01", dueDate: "2026-12-01", memo: "" };

describe("the invoice editor's form", () => {
  it("reads the line rows in order and ignores blank ones", () => {
    const result = parseDraftForm(
      {
        ...header,
        "lines.1.description": "Materials",
        "lines.1.quantity": "",
        "lines.1.unitPrice": "125",
        "lines.0.description": "Workshop",
        "lines.0.quantity": "1.5",
        "lines.0.unitPrice": "150.00",
        "lines.2.description": "",
        "lines.2.quantity": "",
        "lines.2.unitPrice": "",
      },
      "USD",
    );
    expect(result).toMatchObject({
      ok: true,
      totalCents: 35000,
      data: {
        memo: null,
        lines: [
          { description: "Workshop", quantityMilli: 1500, unitAmountCents: 15000, amountCents: 22500 },
          { description: "Materials", quantityMilli: 1000, unitAmountCents: 12500, amountCents: 12500 },
        ],
      },
    });
  });

  it("says what to fix next to each field, and keeps what was typed", () => {
    const values = {
      customerId: "",
      number: "INV 1",
      issueDate: "2026-11-01",
      dueDate: "2026-10-01",
      "lines.0.description": "Work",
      "lines.0.quantity": "0.333",
      "lines.0.unitPrice": "0.01",
      "lines.1.description": "",
      "lines.1.quantity": "2",
      "lines.1.unitPrice": "12.345",
    };
    const result = parseDraftForm(values, "USD");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.values).toEqual(values);
    expect(result.fieldErrors).toEqual({
      customerId: ["Choose the customer."],
      number: ["Use up to 40 letters, digits and . _ / - for the invoice number."],
      dueDate: ["The due date cannot be before the issue date."],
      "lines.0.unitPrice": ["0.333 × 0.01 is not a whole number of cents; change the quantity or the price."],
      "lines.1.description": ["Describe this line."],
      "lines.1.unitPrice": [expect.stringMatching(/more than 2 decimals/)],
    });
  });

  it("asks for at least one line", () => {
    const result = parseDraftForm({ ...header, "lines.0.description": "", "lines.0.quantity": "", "lines.0.unitPrice": "" }, "USD");
    expect(result).toMatchObject({ ok: false, fieldErrors: { lines: ["Add at least one line with a description and a price."] } });
  });

  it("ignores fields that are not line fields", () => {
    expect(lineValuesOf({ "lines.0.description": "A", "lines.x.quantity": "1", "lines.0.other": "z" })).toEqual([{ description: "A", quantity: "", unitPrice: "" }]);
  });
});
