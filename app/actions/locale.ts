"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { users } from "@/db/schema";
import { defineAction } from "@/lib/actions";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { localeSchema } from "@/lib/validation/auth";

/** Switches the UI language: kept on the account when signed in, in a cookie always. */
export const setLocale = defineAction({
  schema: localeSchema,
  auth: "none",
  async handler({ locale }, { user, tx }) {
    if (user) await tx.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, user.id));
    return { locale };
  },
  async after({ locale }) {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
    revalidatePath("/", "layout");
  },
});
