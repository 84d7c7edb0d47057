"use server";

import { z } from "zod";
import { ActionError, defineAction } from "@/lib/actions";
import type { SessionUser } from "@/lib/auth/session";
import { rotateKeys } from "@/lib/lti/keys";
import { createPlatform, deletePlatform, platformSchema } from "@/lib/lti/platforms";

function requireAdmin(user: SessionUser | null): void {
  if (!user?.isAdmin) throw new ActionError("not_found", "notFound");
}

/** Registers an LMS with the values it shows for Werkbank as an LTI 1.3 tool. */
export const registerPlatformAction = defineAction({
  schema: platformSchema,
  async handler(input, { user, tx }) {
    requireAdmin(user);
    return createPlatform(tx, input);
  },
  revalidate: () => ["/admin/lti"],
});

/** Removes a registration: its launches stop working; accounts and cohorts stay. */
export const deletePlatformAction = defineAction({
  schema: z.object({ platformId: z.uuid() }),
  async handler({ platformId }, { user, tx }) {
    requireAdmin(user);
    await deletePlatform(tx, platformId);
    return null;
  },
  revalidate: () => ["/admin/lti"],
});

/** A new signing key; the old one stays published for the grace period, so no platform breaks. */
export const rotateKeysAction = defineAction({
  schema: z.object({}),
  async handler(_input, { user, tx }) {
    requireAdmin(user);
    return rotateKeys(tx);
  },
  revalidate: () => ["/admin/lti"],
});
