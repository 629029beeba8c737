// The language switch (app/components/language-switch.tsx) posts here: works without JavaScript, remembers the
// choice in this browser and, for a signed-in customer, on their record.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { OFFERED_LOCALES } from "~/modules/i18n/catalogs.server";
import { setCustomerLanguage } from "~/modules/i18n/language.server";
import { getLanguageCookie } from "~/modules/i18n/locale.server";
import { localeSchema } from "~/modules/i18n/locales";
import { optionalCustomer } from "~/modules/portal-access/tokens.server";
import { readForm } from "~/utils/request.server";

const LanguageForm = z.object({
  language: localeSchema.refine((l) => OFFERED_LOCALES.includes(l), "That language is not offered yet"),
  // Back to the page the switch was on: a portal path only (never another site), in printable ASCII without "\"
  // (a path the browser sends is percent-encoded; a raw newline or byte above 0x7E made the redirect throw: wapiti).
  back: z
    .string()
    .regex(/^\/portal(?:[/?#][\x21-\x5b\x5d-\x7e]*)?$/, "back must be a portal path")
    .refine((path) => !path.startsWith("//"), "back must be a portal path")
    .catch("/portal"),
});

export async function loader() {
  return redirect("/portal");
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = LanguageForm.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw new Response(parsed.error.issues.map((i) => i.message).join("; "), { status: 400 });
  const { language, back } = parsed.data;
  const signedIn = await optionalCustomer(request);
  if (signedIn) await setCustomerLanguage(signedIn.customer, language);
  return redirect(back, { headers: { "Set-Cookie": await getLanguageCookie().serialize(language) } });
}
