import "server-only";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, type Locale } from "./locales";

/** Remembers the UI language in this browser (for the pages seen signed out). */
export async function rememberLocale(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
}
