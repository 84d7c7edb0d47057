import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { ltiContexts, ltiPlatforms } from "@/db/schema";
import { ActionError, isUniqueViolation } from "@/lib/actions-core";
import { userText } from "@/lib/validation/text";

/** The admin's registration of an LMS: the values the LMS shows for Werkbank as an LTI 1.3 tool. */

const url = (message: string) =>
  z
    .string()
    .trim()
    .max(2000, message)
    .refine((v) => {
      try {
        const u = new URL(v);
        // http only for this machine (the test platform); an LMS is reached over https.
        return u.protocol === "https:" || (u.protocol === "http:" && ["localhost", "127.0.0.1"].includes(u.hostname));
      } catch {
        return false;
      }
    }, message);

export const platformSchema = z.object({
  name: userText().trim().min(1, "lti.platformName").max(120, "lti.platformName"),
  issuer: url("lti.issuer"),
  clientId: userText().trim().min(1, "lti.clientId").max(255, "lti.clientId"),
  deploymentIds: z
    .string()
    .max(5000, "lti.deployments")
    .transform((v) => [...new Set(v.split(/[\s,]+/).map((d) => d.trim()).filter(Boolean))])
    .refine((list) => list.length > 0 && list.length <= 50 && list.every((d) => d.length <= 255), "lti.deployments"),
  authLoginUrl: url("lti.url"),
  authTokenUrl: url("lti.url"),
  jwksUrl: url("lti.url"),
});

export type PlatformInput = z.output<typeof platformSchema>;

export async function createPlatform(tx: DbOrTx, input: PlatformInput): Promise<{ id: string }> {
  try {
    const [row] = await tx.insert(ltiPlatforms).values(input).returning({ id: ltiPlatforms.id });
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ActionError("conflict", "checkFields", { clientId: "lti.platformExists" });
    throw error;
  }
}

export async function deletePlatform(tx: DbOrTx, platformId: string): Promise<void> {
  const deleted = await tx.delete(ltiPlatforms).where(eq(ltiPlatforms.id, platformId)).returning({ id: ltiPlatforms.id });
  if (deleted.length === 0) throw new ActionError("not_found", "notFound");
}

/** The registered platforms with how many LMS courses each has linked. */
export async function listPlatforms(db: DbOrTx) {
  const [platforms, contexts] = await Promise.all([
    db.select().from(ltiPlatforms).orderBy(asc(ltiPlatforms.name)),
    db.select({ platformId: ltiContexts.platformId, cohortId: ltiContexts.cohortId }).from(ltiContexts),
  ]);
  return platforms.map((p) => {
    const mine = contexts.filter((c) => c.platformId === p.id);
    return { ...p, contexts: mine.length, linked: mine.filter((c) => c.cohortId).length };
  });
}
