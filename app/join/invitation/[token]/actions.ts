"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { signIn } from "@/lib/auth";
import { JOIN_FAILURE_LIMIT } from "@/lib/auth/rate-limit";
import { acceptInvitation, registerByInvitation } from "@/lib/cohorts/invitations";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/locales";
import { acceptInvitationSchema, registerByInvitationSchema } from "@/lib/validation/cohort";

/** The signed-in viewer takes the invitation and opens the cohort. */
export const acceptInvitationAction = defineAction({
  schema: acceptInvitationSchema,
  failureLimit: { scope: "join", limit: JOIN_FAILURE_LIMIT },
  async handler({ token }, { user, tx }) {
    return acceptInvitation(tx, user!, token);
  },
  revalidate: () => ["/courses"],
  after: ({ cohortId }) => redirect(`/cohorts/${cohortId}`),
});

/** A new account with the invited address, joined to the cohort, then signed in. */
export const registerByInvitationAction = defineAction({
  schema: registerByInvitationSchema,
  auth: "none",
  failureLimit: { scope: "join", limit: JOIN_FAILURE_LIMIT },
  async handler(input, { tx }) {
    const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
    return registerByInvitation(tx, input, isLocale(cookieLocale) ? cookieLocale : "de");
  },
  async after({ cohortId, email }, { password }) {
    await signIn("credentials", { email, password, redirectTo: `/cohorts/${cohortId}` });
  },
});
