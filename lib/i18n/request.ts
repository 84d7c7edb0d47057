import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { LOCALE_COOKIE, visitorLocale, type Locale } from "./locales";

/** The account's language wins, then the cookie set by the switcher, then the browser's. */
async function resolveLocale(): Promise<Locale> {
  // Without a database (an outage) the page still speaks the visitor's language.
  const user = await getCurrentUser().catch(() => null);
  if (user) return user.locale;
  return visitorLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    timeZone: "Europe/Berlin",
  };
});
