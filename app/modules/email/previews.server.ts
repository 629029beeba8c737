import { emailTemplates, type TemplateName } from "../../../emails/index";
import { brandOf } from "~/modules/business/brand";
import { renderEmail } from "./render.server";

/** Every template rendered with its sample data in the business's own branding, for the owner to preview. */
export async function previewAllEmails(business: { name: string; brandColor: string; supportEmail: string }) {
  const brand = brandOf(business);
  return Promise.all(
    (Object.keys(emailTemplates) as TemplateName[]).map(async (template) => {
      const entry = emailTemplates[template];
      const sample = { ...(entry.component as unknown as { PreviewProps: Record<string, unknown> }).PreviewProps, brand };
      const rendered = await renderEmail(template, sample as never);
      return { template, title: entry.title, ...rendered };
    }),
  );
}
