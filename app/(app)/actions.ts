"use server";

import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { lessonProgress, sessions } from "@/db/schema";
import { ActionError, defineAction } from "@/lib/actions";
import { signOut } from "@/lib/auth";
import { currentSessionToken } from "@/lib/auth/session";
import { lessonInCohort } from "@/lib/courses/queries";
import { rememberLocale } from "@/lib/i18n/cookie";
import { membershipRole } from "@/lib/cohorts/membership";
import { JOIN_FAILURE_LIMIT } from "@/lib/auth/rate-limit";
import { joinByCode } from "@/lib/cohorts/store";
import { joinByCodeSchema } from "@/lib/validation/cohort";

/** Deletes this browser's session row, so a copy of the cookie stops working too. */
export const signOutAction = defineAction({
  schema: z.object({}),
  async handler(_input, { user, tx }) {
    const token = await currentSessionToken();
    if (token) await tx.delete(sessions).where(eq(sessions.sessionToken, token));
    return { locale: user!.locale };
  },
  async after({ locale }) {
    await rememberLocale(locale);
    await signOut({ redirectTo: "/sign-in" });
  },
});

export const joinCohortAction = defineAction({
  schema: joinByCodeSchema,
  failureLimit: { scope: "join", limit: JOIN_FAILURE_LIMIT },
  handler: ({ inviteCode }, { user, tx }) => joinByCode(tx, user!, inviteCode),
  revalidate: () => ["/courses"],
});

export const setLessonDoneAction = defineAction({
  schema: z.object({
    cohortId: z.uuid(),
    lessonId: z.uuid(),
    done: z.enum(["true", "false"]).transform((v) => v === "true"),
  }),
  async handler({ cohortId, lessonId, done }, { user, tx }) {
    // Progress is a student's own: only members of the cohort, and only lessons of its course.
    const member = await membershipRole(tx, cohortId, user!.id);
    if (!member || !(await lessonInCohort(tx, cohortId, lessonId))) throw new ActionError("not_found", "notFound");
    if (done) {
      await tx.insert(lessonProgress).values({ cohortId, lessonId, userId: user!.id }).onConflictDoNothing();
    } else {
      await tx
        .delete(lessonProgress)
        .where(
          and(
            eq(lessonProgress.cohortId, cohortId),
            eq(lessonProgress.lessonId, lessonId),
            eq(lessonProgress.userId, user!.id),
          ),
        );
    }
    return { done };
  },
  revalidate: (_d, { cohortId }) => [`/cohorts/${cohortId}`, "/courses"],
});

