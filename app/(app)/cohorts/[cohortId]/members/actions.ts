"use server";

import { defineAction } from "@/lib/actions";
import { addInstructor, removeInstructor, removeStudent } from "@/lib/cohorts/store";
import { addInstructorSchema, removeMemberSchema } from "@/lib/validation/cohort";

/** A second instructor by email: a student of the cohort is promoted, anyone else with an account added. */
export const addInstructorAction = defineAction({
  schema: addInstructorSchema,
  async handler({ cohortId, email }, { user, tx }) {
    return addInstructor(tx, user!, cohortId, email);
  },
  revalidate: (_d, { cohortId }) => [`/cohorts/${cohortId}/*`],
});

/** Removes a student (the pairing is repaired) or another instructor (never the last one). */
export const removeMemberAction = defineAction({
  schema: removeMemberSchema,
  async handler({ cohortId, userId, role }, { user, tx }) {
    return role === "student" ? removeStudent(tx, user!, cohortId, userId) : removeInstructor(tx, user!, cohortId, userId);
  },
  revalidate: (_d, { cohortId }) => [`/cohorts/${cohortId}/*`],
});
