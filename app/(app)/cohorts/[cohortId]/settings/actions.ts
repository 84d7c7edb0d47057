"use server";

import { defineAction } from "@/lib/actions";
import { regenerateInvite, setInviteEnabled, updateCohort } from "@/lib/cohorts/store";
import { cohortIdSchema, setInviteSchema, updateCohortSchema } from "@/lib/validation/cohort";

// The cohort's name, dates and code show on its pages and on "My courses".
const everywhere = (cohortId: string) => [`/cohorts/${cohortId}/*`, "/courses"];

export const updateCohortAction = defineAction({
  schema: updateCohortSchema,
  async handler({ cohortId, name, startsOn, endsOn, timeZone }, { user, tx }) {
    await updateCohort(tx, user!, cohortId, { name, startsOn, endsOn, timeZone });
    return null;
  },
  revalidate: (_d, { cohortId }) => everywhere(cohortId),
});

export const regenerateInviteAction = defineAction({
  schema: cohortIdSchema,
  async handler({ cohortId }, { user, tx }) {
    return { ...(await regenerateInvite(tx, user!, cohortId)), change: "regenerated" as const };
  },
  revalidate: (_d, { cohortId }) => everywhere(cohortId),
});

export const setInviteEnabledAction = defineAction({
  schema: setInviteSchema,
  async handler({ cohortId, enabled }, { user, tx }) {
    const result = await setInviteEnabled(tx, user!, cohortId, enabled);
    return { ...result, change: enabled ? ("enabled" as const) : ("disabled" as const) };
  },
  revalidate: (_d, { cohortId }) => everywhere(cohortId),
});
