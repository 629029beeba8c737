import type { Brand } from "../../../emails/components/layout";

export function brandOf(business: { name: string; brandColor: string; supportEmail: string; logoUrl?: string | null }): Brand {
  return { businessName: business.name, brandColor: business.brandColor, supportEmail: business.supportEmail, logoUrl: business.logoUrl ?? null };
}
