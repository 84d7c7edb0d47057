"use server";

import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { getDb } from "@/db";
import { ltiLaunches } from "@/db/schema";
import { ActionError, defineAction } from "@/lib/actions";
import { signIn } from "@/lib/auth";
import { originOf } from "@/lib/http-origin";
import { deepLinkResponse, linkContext, loadLaunch } from "@/lib/lti/contexts";

/** Starts the Werkbank session from a launch's one-time ticket, then continues the launch. */
export async function startLtiSessionAction(formData: FormData): Promise<void> {
  const ticket = String(formData.get("ticket") ?? "");
  const [launch] = /^[A-Za-z0-9_-]{32}$/.test(ticket)
    ? await getDb().select({ id: ltiLaunches.id }).from(ltiLaunches).where(eq(ltiLaunches.ticket, ticket)).limit(1)
    : [];
  if (!launch) redirect("/lti/error?reason=ticket");
  try {
    await signIn("lti", { ticket, redirectTo: `/lti/continue/${launch.id}` });
  } catch (error) {
    if (error instanceof AuthError) redirect("/lti/error?reason=ticket");
    throw error;
  }
}

const CHOICE = /^(cohort|course):([0-9a-f-]{36})$/;

/** The instructor's first launch: the LMS course linked to a cohort they teach, or to a new cohort of a course. */
export const linkContextAction = defineAction({
  schema: z.object({ launchId: z.uuid(), choice: z.string().regex(CHOICE, "lti.pickOne") }),
  async handler({ launchId, choice }, { user, tx }) {
    const [, kind, id] = CHOICE.exec(choice)!;
    return linkContext(tx, user!, launchId, kind === "cohort" ? { cohortId: id! } : { courseId: id! });
  },
  after: (_d, { launchId }) => redirect(`/lti/continue/${launchId}`),
});

const PICK = /^(lesson:[a-z0-9-]{1,80}|assignment:[0-9a-f-]{36})$/;

/** Deep linking: the signed response for the picked lesson or assignment; the page posts it to the LMS. */
export const deepLinkAction = defineAction({
  schema: z.object({ launchId: z.uuid(), pick: z.string().regex(PICK, "lti.pickOne") }),
  async handler({ launchId, pick }, { user, tx }) {
    const loaded = await loadLaunch(tx, launchId, user!.id);
    if (!loaded) throw new ActionError("not_found", "notFound");
    const [kind, value] = [pick.slice(0, pick.indexOf(":")), pick.slice(pick.indexOf(":") + 1)];
    const origin = originOf(await headers());
    return deepLinkResponse(tx, loaded, kind === "lesson" ? { lesson: value } : { assignment: value }, origin);
  },
});
