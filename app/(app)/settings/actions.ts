"use server";

import { and, eq, ne, sql } from "drizzle-orm";
import { sessions, users } from "@/db/schema";
import { ActionError, defineAction } from "@/lib/actions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { currentSessionToken } from "@/lib/auth/session";
import { changePasswordSchema, profileSchema } from "@/lib/validation/auth";

export const updateProfileAction = defineAction({
  schema: profileSchema,
  async handler({ name }, { user, tx }) {
    await tx.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, user!.id));
    return { name };
  },
  revalidate: () => ["/settings"],
});

/**
 * Bumps the user's session version: every other browser is signed out at once. This browser's
 * session row moves to the new version, so it stays signed in; the other rows are removed.
 */
export const changePasswordAction = defineAction({
  schema: changePasswordSchema,
  async handler({ currentPassword, newPassword }, { user, tx }) {
    const [row] = await tx
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, user!.id))
      .for("update");
    if (!(await verifyPassword(row?.passwordHash, currentPassword))) {
      throw new ActionError("invalid", "checkFields", { currentPassword: "currentPasswordWrong" });
    }
    const [updated] = await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(newPassword),
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, user!.id))
      .returning({ sessionVersion: users.sessionVersion });
    const current = (await currentSessionToken()) ?? "";
    await tx.delete(sessions).where(and(eq(sessions.userId, user!.id), ne(sessions.sessionToken, current)));
    await tx.update(sessions).set({ sessionVersion: updated!.sessionVersion }).where(eq(sessions.sessionToken, current));
    return null;
  },
});
