import { render, unstableToPlainText } from "@react-email/render";
import { createElement, type ComponentType } from "react";
import { emailTemplates, type EmailPropsByTemplate, type TemplateName } from "../../../emails/index";

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * HTML and plain text of one email. React renders once and the text is converted from that HTML with the
 * renderer's own converter: html-to-text (its default) rebuilt its selector tree on every call, which was
 * three quarters of the time (docs/decisions/016-benchmarks.md; emails.test.tsx holds the two texts equal).
 */
export async function renderEmail<T extends TemplateName>(template: T, props: EmailPropsByTemplate[T]): Promise<RenderedEmail> {
  const entry = emailTemplates[template];
  const element = createElement(entry.component as ComponentType<EmailPropsByTemplate[T]>, props);
  const html = await render(element);
  return { subject: (entry.subject as (p: EmailPropsByTemplate[T]) => string)(props), html, text: unstableToPlainText(html) };
}
