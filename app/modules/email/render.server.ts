import { render } from "@react-email/render";
import { createElement, type ComponentType } from "react";
import { emailTemplates, type EmailPropsByTemplate, type TemplateName } from "../../../emails/index";

export type RenderedEmail = { subject: string; html: string; text: string };

export async function renderEmail<T extends TemplateName>(template: T, props: EmailPropsByTemplate[T]): Promise<RenderedEmail> {
  const entry = emailTemplates[template];
  const element = createElement(entry.component as ComponentType<EmailPropsByTemplate[T]>, props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: (entry.subject as (p: EmailPropsByTemplate[T]) => string)(props), html, text };
}
