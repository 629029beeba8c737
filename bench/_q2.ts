import pg from "pg";
const c = new pg.Client({ connectionString: "postgresql://postgres:postgres@127.0.0.1:54401/duely_bench" });
await c.connect();
const variants: Record<string, string> = {
  unionall: `
    with due as (
      select "invoiceId", sum(c) as due_now from (
        select "invoiceId", "amountCents"::bigint as c from "InvoiceLine"
        union all select "invoiceId", "amountCents" from "LateFee" where status = 'APPLIED'
        union all select a."invoiceId", -a."amountCents" from "PaymentAllocation" a join "Payment" p on p.id = a."paymentId" and p.status in ('SUCCEEDED', 'PROCESSING')
        union all select d."invoiceId", -d."amountCents" from "Discount" d join "Payment" p on p.id = d."paymentId" and p.status in ('SUCCEEDED', 'PROCESSING') where d.status = 'GRANTED'
        union all select "invoiceId", -"amountCents" from "InvoiceAdjustment") m
      group by 1 having sum(c) > 0)
    select count(*) from due join "Invoice" i on i.id = due."invoiceId" where i.state = 'ISSUED'`,
  lateral: `
    select count(*) from "Invoice" i where i.state = 'ISSUED' and
      coalesce((select sum("amountCents") from "InvoiceLine" l where l."invoiceId" = i.id), 0)
      - coalesce((select sum(a."amountCents") from "PaymentAllocation" a join "Payment" p on p.id = a."paymentId" and p.status in ('SUCCEEDED', 'PROCESSING') where a."invoiceId" = i.id), 0) > 0`,
};
for (const name of process.argv.slice(2)) {
  for (let run = 0; run < 2; run++) {
    const t = performance.now();
    const r = await c.query(variants[name]!);
    console.log(name, r.rows[0], ((performance.now() - t) / 1000).toFixed(2), "s");
  }
}
await c.end();
