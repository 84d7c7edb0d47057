import { z } from "zod";
import { COHORT_NAME_MAX } from "./limits";
import { userText } from "./text";
import { isValidTimeZone, zonedToInstant } from "@/lib/time";
import { ROSTER_MAX_CHARS } from "@/lib/cohorts/roster";
import { emailSchema, inviteCodeSchema, nameSchema, passwordSchema } from "./auth";

// Messages are catalog keys under `errors.`; the action wrapper translates them.

export { COHORT_NAME_MAX, DEFAULT_TIME_ZONE, MEMBERS_PER_PAGE, TIME_ZONES } from "./limits";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const fields = {
  name: userText().trim().min(1, "cohortAdmin.nameRequired").max(COHORT_NAME_MAX, "cohortAdmin.nameTooLong"),
  startDate: z.string().trim().regex(DATE, "cohortAdmin.dateRequired"),
  endDate: z.string().trim().regex(DATE, "cohortAdmin.dateRequired"),
  timeZone: z.string().trim().max(64).refine(isValidTimeZone, "cohortAdmin.timeZoneInvalid"),
};

/**
 * A cohort runs from the first minute of its start date to the last minute of its end date, both in
 * its own time zone: the stored instants then show the chosen days wherever they are read.
 */
function instants(input: { startDate: string; endDate: string; timeZone: string }) {
  return {
    startsOn: zonedToInstant(`${input.startDate}T00:00`, input.timeZone),
    endsOn: zonedToInstant(`${input.endDate}T23:59`, input.timeZone),
  };
}

const datesOnly = z.object({ startDate: fields.startDate, endDate: fields.endDate, timeZone: fields.timeZone });

/** The order of the dates is checked even when another field (the name) failed: every error at once. */
function checkDates(input: { startDate: string; endDate: string; timeZone: string }, ctx: z.RefinementCtx) {
  const { startsOn, endsOn } = instants(input);
  if (!startsOn) ctx.addIssue({ code: "custom", path: ["startDate"], message: "cohortAdmin.dateInvalid" });
  if (!endsOn) ctx.addIssue({ code: "custom", path: ["endDate"], message: "cohortAdmin.dateInvalid" });
  if (startsOn && endsOn && input.endDate <= input.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "cohortAdmin.endBeforeStart" });
  }
}
const whenDatesParse = { when: (payload: { value: unknown }) => datesOnly.safeParse(payload.value).success };

// Runs only when every check passed: both instants exist.
const withInstants = <T extends { startDate: string; endDate: string; timeZone: string }>(input: T) => {
  const { startsOn, endsOn } = instants(input);
  return { ...input, startsOn: startsOn!, endsOn: endsOn! };
};

export const createCohortSchema = z
  .object({ courseId: z.uuid("cohortAdmin.courseRequired"), ...fields })
  .superRefine(checkDates, whenDatesParse)
  .transform(withInstants);

export const updateCohortSchema = z
  .object({ cohortId: z.uuid(), ...fields })
  .superRefine(checkDates, whenDatesParse)
  .transform(withInstants);

export const cohortIdSchema = z.object({ cohortId: z.uuid() });

export const setInviteSchema = z.object({
  cohortId: z.uuid(),
  enabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const joinByCodeSchema = z.object({ inviteCode: inviteCodeSchema });

export const addInstructorSchema = z.object({ cohortId: z.uuid(), email: emailSchema });

export const removeMemberSchema = z.object({
  cohortId: z.uuid(),
  userId: z.uuid(),
  role: z.enum(["student", "instructor"]),
});

/** The members page's search parameters; anything malformed falls back to the first page of everyone. */
export const membersQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** A pasted or uploaded class list (read by lib/cohorts/roster.ts); the file is read into the text field in the browser. */
export const importRosterSchema = z.object({
  cohortId: z.uuid(),
  roster: userText()
    .max(ROSTER_MAX_CHARS, "invitations.rosterTooLarge")
    .refine((text) => text.trim().length > 0, "invitations.rosterEmpty"),
});

export const invitationSchema = z.object({ cohortId: z.uuid(), invitationId: z.uuid() });

const invitationToken = z.string().regex(/^[A-Za-z0-9_-]{32}$/, "invitations.unknown");

export const acceptInvitationSchema = z.object({ token: invitationToken });

export const registerByInvitationSchema = z.object({ token: invitationToken, name: nameSchema, password: passwordSchema });
