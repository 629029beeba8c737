// Delivery of outbox emails: SMTP when SMTP_URL is set, otherwise the development mailbox
// (the message is built by nodemailer exactly as for SMTP and kept for the /dev/mailbox page).
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "./env.server";

export type OutgoingEmail = {
  messageId: string;
  from: string;
  to: string;
  replyTo?: string | null;
  subject: string;
  html: string;
  text: string;
};

export type DeliveryResult = { transport: "smtp" | "dev-mailbox"; messageId: string; raw?: string };

let transporter: { key: string; transport: Transporter } | undefined;

function getTransport(): { kind: "smtp" | "dev-mailbox"; transport: Transporter } {
  const url = getEnv().SMTP_URL;
  const key = url ?? "dev-mailbox";
  if (!transporter || transporter.key !== key) {
    transporter = {
      key,
      transport: url
        ? nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })
        : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }),
    };
  }
  return { kind: url ? "smtp" : "dev-mailbox", transport: transporter.transport };
}

/** SMTP answers 5xx for permanent failures (bad address): retrying those cannot help. */
export function isPermanentFailure(error: unknown) {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

export async function deliver(email: OutgoingEmail): Promise<DeliveryResult> {
  const { kind, transport } = getTransport();
  const info = await transport.sendMail({
    messageId: email.messageId,
    from: email.from,
    to: email.to,
    replyTo: email.replyTo ?? undefined,
    subject: email.subject,
    html: email.html,
    text: email.text,
  });
  const raw = kind === "dev-mailbox" ? (info as { message?: Buffer }).message?.toString("utf8") : undefined;
  return { transport: kind, messageId: email.messageId, raw };
}
