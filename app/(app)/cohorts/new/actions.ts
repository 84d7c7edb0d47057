"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { createCohort } from "@/lib/cohorts/store";
import { createCohortSchema } from "@/lib/validation/cohort";

/** Opens a cohort of a course (admins, the course's creator, instructors of one of its cohorts). */
export const createCohortAction = defineAction({
  schema: createCohortSchema,
  async handler({ courseId, name, startsOn, endsOn, timeZone }, { user, tx }) {
    return createCohort(tx, user!, { courseId, name, startsOn, endsOn, timeZone });
  },
  revalidate: () => ["/courses"],
  after: ({ id }) => redirect(`/cohorts/${id}/settings?created=1`),
});
