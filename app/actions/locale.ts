"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { users } from "@/db/schema";
import { defineAction } from "@/lib/actions";
import { rememberLocale } from "@/lib/i18n/cookie";
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
    await rememberLocale(locale);
    revalidatePath("/", "layout");
  },
});
