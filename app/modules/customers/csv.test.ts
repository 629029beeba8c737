import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCsv } from "~/modules/invoices/csv";
import { CUSTOMER_IMPORT_COLUMNS, planCustomerImport } from "./csv";

const file = (rows: string[][], header: string[] = [...CUSTOMER_IMPORT_COLUMNS]) => toCsv([header, ...rows]);

describe("importing customers from CSV", () => {
  it("reads good rows, with optional columns empty, yes/no opt-out, and formula-guarded text back as typed", () => {
    const plan = planCustomerImport(file([
      ["Ada Lovelace", "ADA@Example.com", "Analytical Ltd", "+1 555 0100", "Europe/London", "yes", "eur", "de-DE"],
      ["'=Bob", "bob@example.com", "", "", "", "", "", ""],
    ]));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.customers).toEqual([
      { row: 2, name: "Ada Lovelace", email: "ada@example.com", companyName: "Analytical Ltd", phone: "+1 555 0100", timeZone: "Europe/London", currency: "EUR", language: "de", emailOptOut: true },
      { row: 3, name: "=Bob", email: "bob@example.com", companyName: null, phone: null, timeZone: null, currency: null, language: null, emailOptOut: false },
    ]);
  });

  it("reports every problem with its row and column, in the form's own words, and plans nothing", () => {
    const plan = planCustomerImport(file([
      ["", "not-an-email", "", "call me", "Mars/Olympus", "maybe", "", ""],
      ["Cy", "cy@example.com", "", "", "", "", "", ""],
      ["Cy again", "CY@example.com", "", "", "", "", "", ""],
      ["Short row", "d@example.com"],
    ]));
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "email_opt_out"],
      [2, "name"],
      [2, "email"],
      [2, "phone"],
      [2, "time_zone"],
      [4, "email"],
      [5, ""],
    ]);
    expect(plan.errors.find((e) => e.column === "time_zone")!.message).toBe("Choose a time zone from the list, like America/Chicago.");
    expect(plan.errors.find((e) => e.row === 4)!.message).toBe("Row 3 has the same email address. One customer per address: keep one of the rows.");
    expect(plan.errors.find((e) => e.row === 5)!.message).toMatch(/This row has 2 fields but the header has 8/);
  });

  it("reads currency and language columns (de-DE → de, eur → EUR) and names the row and the allowed codes for bad ones", () => {
    const plan = planCustomerImport(file(
      [
        ["Ada", "ada@example.com", "JPY", "ja"],
        ["Bo", "bo@example.com", "dollars", "de_AT"],
        ["Cy", "cy@example.com", "sek", "Klingon"],
      ],
      ["name", "email", "currency", "language"],
    ));
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, "language", "ja"],
      [3, "currency", "dollars"],
      [4, "language", "Klingon"],
    ]);
    expect(plan.errors[0]!.message).toBe("Choose a language from the list: en, es, fr, de, sv, ru, zh, ar, or leave it empty for the business's.");
    expect(plan.errors[1]!.message).toBe("Choose a currency from the list: USD, EUR, GBP, CAD, AUD, SEK, JPY, CNY, or leave it empty for the business's.");
    const good = planCustomerImport(file([["Bo", "bo@example.com", "cad", "DE"], ["Di", "di@example.com", "", "sv-SE"]], ["name", "email", "currency", "language"]));
    expect(good.ok ? good.customers.map((c) => [c.currency, c.language]) : good.errors).toEqual([["CAD", "de"], [null, "sv"]]);
  });

  it("names header problems: unknown, doubled and missing columns; empty files", () => {
    const plan = planCustomerImport(file([["A", "a@example.com"]], ["Name", "Full Name", "name"]));
    expect(plan.ok ? [] : plan.errors.map((e) => e.message)).toEqual([
      'Unknown column "Full Name". Rename it to one of name, email, company_name, phone, time_zone, email_opt_out, currency, language, or remove it.',
      "The column name appears twice. Keep one.",
      "The column email is missing. Add it to the first row.",
    ]);
    expect(planCustomerImport("").ok).toBe(false);
    expect(planCustomerImport("name,email\r\n")).toMatchObject({ ok: false, errors: [{ message: "The file has no customers under its header row." }] });
  });

  it("any set of distinct valid customers imports whole, in order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z ,"']{0,30}$/), fc.stringMatching(/^[a-z0-9]{1,12}$/)), { minLength: 1, maxLength: 40, selector: ([, local]) => local }), (people) => {
        const plan = planCustomerImport(file(people.map(([name, local]) => [name, `${local}@example.com`, "", "", "", "", "", ""])));
        expect(plan.ok).toBe(true);
        if (!plan.ok) return;
        expect(plan.customers.map((c) => [c.name, c.email])).toEqual(people.map(([name, local]) => [name.trim(), `${local}@example.com`]));
      }),
    );
  });
});
