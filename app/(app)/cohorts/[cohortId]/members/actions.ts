"use server";

import { after } from "next/server";
import { defineAction } from "@/lib/actions";
import { importRoster, resendInvitation, revokeInvitation } from "@/lib/cohorts/invitations";
import { addInstructor, removeInstructor, removeStudent } from "@/lib/cohorts/store";
import { getDb } from "@/db";
import { syncRoster } from "@/lib/lti/roster-sync";
import { deliverEmails } from "@/lib/scheduler";
import { addInstructorSchema, cohortIdSchema, importRosterSchema, invitationSchema, removeMemberSchema } from "@/lib/validation/cohort";

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

/** With SMTP_URL set, the waiting invitations go out right after the response (the scheduler retries failures). */
function sendSoon() {
  after(async () => {
    try {
      await deliverEmails();
    } catch (error) {
      console.error("[email] sending invitations failed; the scheduler retries", error);
    }
  });
}

/** Invites a pasted or uploaded class list by email; the rows it could not use come back with their reasons. */
export const importRosterAction = defineAction({
  schema: importRosterSchema,
  async handler({ cohortId, roster }, { user, tx }) {
    return importRoster(tx, user!, cohortId, roster);
  },
  revalidate: (_d, { cohortId }) => [`/cohorts/${cohortId}/members`],
  after: sendSoon,
});

/** A new link for one invitation (the old one stops working), sent again. */
export const resendInvitationAction = defineAction({
  schema: invitationSchema,
  async handler({ cohortId, invitationId }, { user, tx }) {
    return resendInvitation(tx, user!, cohortId, invitationId);
  },
  revalidate: (_d, { cohortId }) => [`/cohorts/${cohortId}/members`],
  after: sendSoon,
});

/** The invitation's link stops working. */
export const revokeInvitationAction = defineAction({
  schema: invitationSchema,
  async handler({ cohortId, invitationId }, { user, tx }) {
    return revokeInvitation(tx, user!, cohortId, invitationId);
  },
  revalidate: (_d, { cohortId }) => [`/cohorts/${cohortId}/members`],
});

/** Names and roles from the linked LMS course: joiners in, leavers out (their reviews handed on). */
export const syncLmsRosterAction = defineAction({
  schema: cohortIdSchema,
  // The LMS is asked outside any transaction; the changes are written in one afterwards.
  transaction: false,
  async handler({ cohortId }, { user }) {
    return syncRoster(getDb(), user!, cohortId);
  },
  revalidate: (_d, { cohortId }) => [`/cohorts/${cohortId}/*`],
});
