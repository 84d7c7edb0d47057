"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { JOIN_FAILURE_LIMIT } from "@/lib/auth/rate-limit";
import { joinByCode } from "@/lib/cohorts/store";
import { joinByCodeSchema } from "@/lib/validation/cohort";

/** Joins the cohort of the invite link as a student, then opens it. */
export const joinByLinkAction = defineAction({
  schema: joinByCodeSchema,
  failureLimit: { scope: "join", limit: JOIN_FAILURE_LIMIT },
  async handler({ inviteCode }, { user, tx }) {
    return joinByCode(tx, user!, inviteCode);
  },
  revalidate: () => ["/courses"],
  after: ({ cohortId }) => redirect(`/cohorts/${cohortId}`),
});
