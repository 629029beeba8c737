import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvSyntaxError, formatDecimal, formatQuantity, guardText, parseCsv, parseQuantity, planImport, QuantityError, toCsv } from "./csv";

const HEADER = "customer_email,invoice_number,issue_date,due_date,description,quantity,unit_price,memo";

describe("parseCsv (RFC 4180)", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF", () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\n1,,3\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', "two\nlines"],
      ["1", "", "3"],
    ]);
  });

  it("skips a BOM and blank lines, keeps a last row without a line break, and keeps empty trailing fields", () => {
    expect(parseCsv("\uFEFFa,b\n\n1,2\r\n\r\n3,")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", ""],
    ]);
    expect(parseCsv('""')).toEqual([[""]]);
    expect(parseCsv("")).toEqual([]);
  });

  it("refuses an unclosed quote, a quote mid-field and text after a closing quote, naming the row", () => {
    expect(() => parseCsv('a\n"open')).toThrow(/Row 2: a quoted field is never closed/);
    expect(() => parseCsv('a\nab"c"')).toThrow(/Row 2: a quote in the middle of a field/);
    expect(() => parseCsv('"a"b')).toThrow(CsvSyntaxError);
  });

  it("round-trips anything toCsv writes", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r\n", " ", "é") });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
    );
  });
});

describe("numbers in files", () => {
  it("parses quantities to thousandths exactly and refuses what would need rounding", () => {
    expect(parseQuantity("1.5")).toBe(1500);
    expect(parseQuantity(" 12 ")).toBe(12000);
    expect(parseQuantity("0.125")).toBe(125);
    expect(() => parseQuantity("1.2345")).toThrow(/more than 3 decimals/);
    expect(() => parseQuantity("-1")).toThrow(QuantityError);
    expect(() => parseQuantity("0")).toThrow("The quantity must be more than 0");
    expect(() => parseQuantity("two")).toThrow(/not a quantity/);
  });

  it("formats cents and quantities plainly for files", () => {
    expect(formatDecimal(123450, "USD")).toBe("1234.50");
    expect(formatDecimal(5, "USD")).toBe("0.05");
    expect(formatDecimal(500, "JPY")).toBe("500");
    expect(formatQuantity(1500)).toBe("1.5");
    expect(formatQuantity(12000)).toBe("12");
    expect(formatQuantity(125)).toBe("0.125");
  });

  it("keeps exported text from running as a spreadsheet formula", () => {
    expect(guardText("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(guardText("Design")).toBe("Design");
  });
});

describe("planImport", () => {
  it("groups consecutive rows with the same number into one invoice with several lines", () => {
    const plan = planImport(
      [
        HEADER,
        "ada@example.test,INV-2001,2026-11-01,2026-12-01,Workshop,6,150.00,Thanks",
        "ADA@example.test,INV-2001,2026-11-01,2026-12-01,Materials,1,$125,",
        "alan@example.test,INV-2002,2026-11-02,2026-12-02,Data audit,12.5,110,",
      ].join("\n"),
      "USD",
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.invoices).toHaveLength(2);
    expect(plan.invoices[0]).toMatchObject({ number: "INV-2001", customerEmail: "ada@example.test", memo: "Thanks", totalCents: 102500, rows: [2, 3] });
    expect(plan.invoices[0]!.lines).toEqual([
      { description: "Workshop", quantityMilli: 6000, unitAmountCents: 15000, amountCents: 90000 },
      { description: "Materials", quantityMilli: 1000, unitAmountCents: 12500, amountCents: 12500 },
    ]);
    expect(plan.invoices[1]).toMatchObject({ number: "INV-2002", totalCents: 137500 });
  });

  it("reports every bad row with its row number, column and what to fix", () => {
    const plan = planImport(
      [
        HEADER,
        "not-an-email,INV-1,2026-11-01,2026-12-01,Work,1,100,",
        "ada@example.test,INV-2,2026-02-30,2026-12-01,Work,1,100.001,",
        "ada@example.test,INV-3,2026-11-01,2026-10-01,,1.2345,100,",
        "ada@example.test,INV-4,2026-11-01,2026-12-01,Work,0.333,0.01,",
        "ada@example.test,INV-5,2026-11-01,2026-12-01,Work,1",
      ].join("\n"),
      "USD",
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "customer_email"],
      [3, "issue_date"],
      [3, "unit_price"],
      [4, "due_date"],
      [4, "description"],
      [4, "quantity"],
      [5, "quantity"],
      [6, ""],
    ]);
    expect(plan.errors[0]!.message).toBe('"not-an-email" is not an email address.');
    expect(plan.errors[1]!.message).toMatch(/Write it as YYYY-MM-DD/);
    expect(plan.errors[2]!.message).toMatch(/more than 2 decimals/);
    expect(plan.errors[3]!.message).toBe("The due date 2026-10-01 is before the issue date 2026-11-01.");
    expect(plan.errors[6]!.message).toMatch(/not a whole number of cents/);
    expect(plan.errors[7]!.message).toMatch(/This row has 6 fields but the header has 8/);
    // Every row's well-formed customer and number go on to the database checks, bad rows included.
    expect(plan.references.slice(0, 2)).toEqual([
      { row: 2, customerEmail: null, invoiceNumber: "INV-1" },
      { row: 3, customerEmail: "ada@example.test", invoiceNumber: "INV-2" },
    ]);
  });

  it("refuses lines of one invoice that disagree, or are split across the file", () => {
    const plan = planImport(
      [
        HEADER,
        "ada@example.test,INV-1,2026-11-01,2026-12-01,A,1,10,",
        "alan@example.test,INV-1,2026-11-02,2026-12-01,B,1,10,",
        "ada@example.test,INV-2,2026-11-01,2026-12-01,C,1,10,",
        "ada@example.test,INV-1,2026-11-01,2026-12-01,D,1,10,",
      ].join("\n"),
      "USD",
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors).toEqual([
      { row: 3, column: "customer_email", value: "alan@example.test", message: "Row 2 says ada@example.test for INV-1; every line of one invoice has the same customer_email." },
      { row: 3, column: "issue_date", value: "2026-11-02", message: "Row 2 says 2026-11-01 for INV-1; every line of one invoice has the same issue_date." },
      { row: 5, column: "invoice_number", value: "INV-1", message: expect.stringMatching(/INV-1 is also used at row 2\. Put all lines of one invoice on consecutive rows/) },
    ]);
  });

  it("checks the header: missing, unknown and repeated columns; export-only columns are read past", () => {
    const plan = planImport("customer_email,invoice_number,issue_date,due_date,descr,quantity,quantity\n", "USD");
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Unknown column "descr"/),
      "The column quantity appears twice. Keep one.",
      "The column description is missing. Add it to the first row.",
      "The column unit_price is missing. Add it to the first row.",
    ]);
    const exported = planImport("invoice_number,customer_email,customer_name,state,issue_date,due_date,description,quantity,unit_price,currency,total\nINV-9,a@b.test,A,ISSUED,2026-11-01,2026-11-30,X,2,5.00,USD,10.00\n", "USD");
    expect(exported.ok).toBe(true);
    const otherCurrency = planImport(`${HEADER},currency\na@b.test,INV-9,2026-11-01,2026-11-30,X,2,5.00,,EUR\n`, "USD");
    expect(otherCurrency.ok ? [] : otherCurrency.errors.map((e) => e.message)).toEqual(["This business invoices in USD; the file says EUR."]);
  });

  it("reports an empty file, a file with only a header, and a CSV syntax error", () => {
    expect(planImport("", "USD")).toMatchObject({ ok: false, errors: [{ row: 1, message: expect.stringMatching(/The file is empty/) }] });
    expect(planImport(`${HEADER}\n`, "USD")).toMatchObject({ ok: false, errors: [{ row: 2, message: "The file has no invoice lines under its header row." }] });
    expect(planImport(`${HEADER}\na@b.test,"INV-1`, "USD")).toMatchObject({ ok: false, errors: [{ row: 2, message: expect.stringMatching(/never closed/) }] });
  });

  it("refuses an invoice that comes to nothing, and negative prices", () => {
    const plan = planImport([HEADER, "a@b.test,INV-1,2026-11-01,2026-11-30,Free,1,0,", "a@b.test,INV-2,2026-11-01,2026-11-30,Refund,1,-5,"].join("\n"), "USD");
    expect(plan.ok ? [] : plan.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, "unit_price", "INV-1 comes to nothing. An invoice must ask for more than 0."],
      [3, "unit_price", "The unit price cannot be negative. To lower what is owed, give a credit after importing."],
    ]);
  });

  it("reads back text the export guarded against formulas", () => {
    const plan = planImport(`${HEADER}\na@b.test,INV-1,2026-11-01,2026-11-30,'=1+1,1,5,\n`, "USD");
    expect(plan.ok && plan.invoices[0]!.lines[0]!.description).toBe("=1+1");
  });
});
