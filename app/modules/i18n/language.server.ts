// A customer's own choice of language, from the portal's language switch: remembered for them (emails and PDFs
// follow it) and logged, as every change a customer makes is.
import { logActivity } from "~/modules/activity/activity.server";
import { db } from "~/utils/db.server";
import { LOCALE_NAMES, type Locale } from "./locales";

export async function setCustomerLanguage(customer: { id: string; businessId: string; language: string | null }, language: Locale) {
  if (customer.language === language) return;
  // "Not this language" in SQL is unknown for a customer with none yet: null is asked for by name.
  await db.$transaction(async (tx) => {
    const changed = await tx.customer.updateMany({ where: { id: customer.id, businessId: customer.businessId, OR: [{ language: null }, { language: { not: language } }] }, data: { language } });
    if (changed.count === 0) return;
    await logActivity(tx, {
      businessId: customer.businessId,
      customerId: customer.id,
      actor: "CUSTOMER",
      type: "customer.language_chosen",
      summary: `Chose ${LOCALE_NAMES[language]} (${language}) as their language`,
      data: { language, previous: customer.language },
    });
  });
}
