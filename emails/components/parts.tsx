import { Button, Column, Row, Section, Text } from "@react-email/components";
import { endOf, palette, startOf, useDirection } from "./layout";

export function ActionButton({ href, label, color }: { href: string; label: string; color: string }) {
  const dir = useDirection();
  return (
    <Section style={{ margin: "8px 0 16px", textAlign: startOf(dir) }}>
      <Button href={href} style={{ backgroundColor: color, borderRadius: 8, color: "#fff", fontSize: 15, fontWeight: 600, padding: "12px 20px" }}>
        {label}
      </Button>
    </Section>
  );
}

export function AmountRows({ rows }: { rows: { label: string; value: string; strong?: boolean }[] }) {
  const dir = useDirection();
  return (
    <Section style={{ border: `1px solid ${palette.border}`, borderRadius: 8, padding: "4px 16px", margin: "16px 0" }}>
      {rows.map((r) => (
        <Row key={r.label}>
          <Column align={startOf(dir)}>
            <Text style={{ color: palette.muted, fontSize: 14, margin: "8px 0", fontWeight: r.strong ? 700 : 400, textAlign: startOf(dir) }}>{r.label}</Text>
          </Column>
          <Column align={endOf(dir)}>
            <Text style={{ color: palette.ink, fontSize: 14, margin: "8px 0", fontWeight: r.strong ? 700 : 400, textAlign: endOf(dir) }}>{r.value}</Text>
          </Column>
        </Row>
      ))}
    </Section>
  );
}
