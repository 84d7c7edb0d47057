import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import type { FrozenCanvas, GradeWeights, Requirement, RubricCriterion } from "@/lib/assignments/types";
import { cohorts, lessons, memberships } from "./courses";
import { forumThreads } from "./forum";
import { users } from "./users";

export const pairingMode = pgEnum("pairing_mode", ["deadline", "rolling"]);
/** Who sees whose name: everyone; authors only (reviewers hidden); nobody (double-blind). Instructors always see names. */
export const anonymityMode = pgEnum("anonymity_mode", ["named", "reviewers", "double"]);
/** Whether students review an instructor-assessed example before their first peer review. */
export const calibrationMode = pgEnum("calibration_mode", ["off", "optional", "required"]);
/** How the received rubric scores of a submission are combined. */
export const gradeAggregate = pgEnum("grade_aggregate", ["mean", "median"]);

/**
 * A lesson's assignment in one cohort (each run of a course has its own deadlines). `version` grows
 * with every edit, so two instructors editing at once get a conflict instead of a silent overwrite.
 */
export const assignments = pgTable(
  "assignments",
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    instructionsMd: text().notNull().default(""),
    requirements: jsonb().$type<Requirement[]>().notNull(),
    rubric: jsonb().$type<RubricCriterion[]>().notNull(),
    reviewsPerStudent: integer().notNull().default(2),
    submissionDue: timestamp({ withTimezone: true }).notNull(),
    reviewDue: timestamp({ withTimezone: true }).notNull(),
    anonymity: anonymityMode().notNull().default("named"),
    /** The least each criterion comment and the summary ("what stands out") must say, in characters. */
    minCommentChars: integer().notNull().default(20),
    minSummaryChars: integer().notNull().default(60),
    calibration: calibrationMode().notNull().default("off"),
    /** Students score their own submission before they read the reviews they received. */
    selfAssessment: boolean().notNull().default(false),
    gradeAggregate: gradeAggregate().notNull().default("mean"),
    gradeWeights: jsonb().$type<GradeWeights>().notNull().default({ submission: 60, reviewing: 20, calibration: 10, helpfulness: 10 }),
    /** Students see their grades from then on; null while the instructor is still grading. */
    gradesReleasedAt: timestamp({ withTimezone: true }),
    hideReceivedUntilGiven: boolean().notNull().default(true),
    pairingMode: pairingMode().notNull().default("deadline"),
    version: integer().notNull().default(1),
    /** Set by the pairing transaction: pages check it for free before running an overdue pairing. */
    pairedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("assignments_cohort_lesson_unique").on(t.cohortId, t.lessonId),
    index("assignments_lesson_id_idx").on(t.lessonId),
    check("assignments_reviews_range", sql`${t.reviewsPerStudent} between 1 and 4`),
    check("assignments_deadlines_ordered", sql`${t.reviewDue} > ${t.submissionDue}`),
    check("assignments_instructions_length", sql`length(${t.instructionsMd}) <= 20000`),
    check("assignments_version_positive", sql`${t.version} > 0`),
    check("assignments_min_comment_range", sql`${t.minCommentChars} between 0 and 1000`),
    check("assignments_min_summary_range", sql`${t.minSummaryChars} between 0 and 2000`),
  ],
);

/** One student's submission of an assignment; its snapshots are the versions. */
export const submissions = pgTable(
  "submissions",
  {
    id: uuid().primaryKey().defaultRandom(),
    assignmentId: uuid()
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    cohortId: uuid().notNull(),
    authorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    threadId: uuid()
      .notNull()
      .references(() => forumThreads.id, { onDelete: "restrict" }),
    currentVersion: integer().notNull().default(1),
    /** The first version came after the (student's) deadline: the dashboard's "late". */
    late: boolean().notNull().default(false),
    /** Mean fit score (0…1) of the current version's Value Proposition Canvases; null without one. */
    fitScore: real(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One submission per student and assignment: double clicks, retries and two tabs meet here.
    unique("submissions_assignment_author_unique").on(t.assignmentId, t.authorId),
    unique("submissions_thread_unique").on(t.threadId),
    // Lets a review name its submission with assignment, cohort and author, and the database check that they belong together.
    unique("submissions_review_key").on(t.id, t.assignmentId, t.cohortId, t.authorId),
    foreignKey({ columns: [t.cohortId, t.authorId], foreignColumns: [memberships.cohortId, memberships.userId] }).onDelete(
      "cascade",
    ),
    index("submissions_author_id_idx").on(t.authorId),
    check("submissions_version_positive", sql`${t.currentVersion} > 0`),
  ],
);

/** A frozen snapshot of the submitted canvases. Older versions stay readable. */
export const submissionVersions = pgTable(
  "submission_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    submissionId: uuid()
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    canvases: jsonb().$type<FrozenCanvas[]>().notNull(),
    late: boolean().notNull().default(false),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("submission_versions_submission_version_unique").on(t.submissionId, t.version),
    check("submission_versions_version_positive", sql`${t.version} > 0`),
    check("submission_versions_size", sql`octet_length(${t.canvases}::text) <= 2000000`),
  ],
);
