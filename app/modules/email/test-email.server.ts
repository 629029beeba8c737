import { logActivity } from "~/modules/activity/activity.server";
import { brandOf } from "~/modules/business/brand";
import { formatInstant } from "~/modules/dates/calendar";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { enqueueEmail } from "./outbox.server";

type Owner = { id: string; name: string; email: string };
type Business = { id: string; name: string; brandColor: string; supportEmail: string; timeZone: string };

/** The owner's "send me a test email": proves delivery end to end. */
export async function sendOwnerTestEmail(user: Owner, business: Business) {
  return db.$transaction(async (tx) => {
    const email = await enqueueEmail(tx, {
      template: "owner-test",
      to: user.email,
      businessId: business.id,
      props: { brand: brandOf(business), ownerName: user.name, sentAtText: formatInstant(now(), business.timeZone) },
    });
    await logActivity(tx, {
      businessId: business.id,
      actor: "OWNER",
      actorUserId: user.id,
      type: "email.test_requested",
      summary: `Test email queued to ${user.email}`,
      data: { outboxEmailId: email.id },
    });
    return email;
  });
}
