import type { Brand } from "../../../emails/components/layout";

export function brandOf(business: { name: string; brandColor: string; supportEmail: string }): Brand {
  return { businessName: business.name, brandColor: business.brandColor, supportEmail: business.supportEmail };
}
