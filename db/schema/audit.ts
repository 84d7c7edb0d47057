import { sql } from "drizzle-orm";
import { check, index, jsonb, pgEnum, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { assignments } from "./assignments";
import { cohorts } from "./courses";
import { users } from "./users";

export const auditAction = pgEnum("audit_action", [
  "review_reassigned",
  "reviews_repaired",
  "deadline_extended",
  "student_excused",
  "member_removed",
  "instructor_added",
  "role_changed",
  "invite_regenerated",
  "invite_disabled",
  "invite_enabled",
  "cohort_created",
  "cohort_updated",
  "paired_now",
  "review_sent_back",
  "grade_overridden",
  "grade_override_removed",
  "grades_released",
  "grades_withdrawn",
  "submission_assessed",
  "calibration_example_saved",
  "calibration_example_deleted",
  "pool_taken",
  "pool_assigned",
  "pool_offered",
  "invitations_sent",
  "invitation_resent",
  "invitation_revoked",
]);

/**
 * Every instructor override of a cohort, in the same transaction as the override itself: the
 * dashboard shows it, so a second instructor sees who moved what. Rows outlive the people they name.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: auditAction().notNull(),
    subjectId: uuid().references(() => users.id, { onDelete: "set null" }),
    assignmentId: uuid().references(() => assignments.id, { onDelete: "set null" }),
    /** What the entry needs to be read later (names at the time, counts, dates); small by construction. */
    details: jsonb().$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_cohort_created_idx").on(t.cohortId, t.createdAt.desc()),
    check("audit_log_details_size", sql`octet_length(${t.details}::text) <= 4000`),
  ],
);

/** One student's own deadline for an assignment, set by an instructor: submission and open reviews are due then. */
export const deadlineExtensions = pgTable(
  "deadline_extensions",
  {
    assignmentId: uuid()
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    until: timestamp({ withTimezone: true }).notNull(),
    byId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.userId] }), index("deadline_extensions_user_id_idx").on(t.userId)],
);
