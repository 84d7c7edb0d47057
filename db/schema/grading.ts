import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { FrozenCanvas } from "@/lib/assignments/types";
import type { ReviewScores } from "@/lib/pairing/types";
import { assignments, submissions } from "./assignments";
import { users } from "./users";

/**
 * An example submission the instructor assessed (Moodle Workshop's example assessments, ORA2's
 * training step): students review it before their first peer review and compare with these scores.
 */
export const calibrationExamples = pgTable(
  "calibration_examples",
  {
    id: uuid().primaryKey().defaultRandom(),
    assignmentId: uuid()
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    title: text().notNull(),
    canvases: jsonb().$type<FrozenCanvas[]>().notNull(),
    /** The instructor's own rubric scores and, per criterion, why. */
    scores: jsonb().$type<ReviewScores>().notNull(),
    standout: text().notNull().default(""),
    position: integer().notNull().default(0),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("calibration_examples_assignment_idx").on(t.assignmentId, t.position),
    check("calibration_examples_title_length", sql`length(${t.title}) between 1 and 200`),
    check("calibration_examples_standout_length", sql`length(${t.standout}) <= 5000`),
    check("calibration_examples_size", sql`octet_length(${t.canvases}::text) <= 2000000`),
  ],
);

/** A student's review of an example; `accuracy` (0…1) is how close their scores came to the instructor's. */
export const calibrationAttempts = pgTable(
  "calibration_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    exampleId: uuid()
      .notNull()
      .references(() => calibrationExamples.id, { onDelete: "cascade" }),
    assignmentId: uuid()
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    scores: jsonb().$type<ReviewScores>().notNull(),
    standout: text().notNull().default(""),
    accuracy: real().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("calibration_attempts_example_user_unique").on(t.exampleId, t.userId),
    index("calibration_attempts_assignment_user_idx").on(t.assignmentId, t.userId),
    check("calibration_attempts_accuracy_range", sql`${t.accuracy} between 0 and 1`),
    check("calibration_attempts_standout_length", sql`length(${t.standout}) <= 5000`),
  ],
);

/** The student's rubric scores for their own submission, given before they read the reviews they received. */
export const selfAssessments = pgTable(
  "self_assessments",
  {
    assignmentId: uuid()
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    submissionId: uuid()
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    scores: jsonb().$type<ReviewScores>().notNull(),
    comment: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.userId] }), check("self_assessments_comment_length", sql`length(${t.comment}) <= 5000`)],
);

/** The instructor's own assessment of a submission: when present it replaces the received scores in the grade. */
export const instructorAssessments = pgTable(
  "instructor_assessments",
  {
    submissionId: uuid()
      .primaryKey()
      .references(() => submissions.id, { onDelete: "cascade" }),
    assignmentId: uuid()
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    scores: jsonb().$type<ReviewScores>().notNull(),
    comment: text().notNull().default(""),
    byId: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("instructor_assessments_assignment_idx").on(t.assignmentId),
    check("instructor_assessments_comment_length", sql`length(${t.comment}) <= 5000`),
  ],
);

/** An instructor's grade (0–100) in place of the computed one, with the reason; the audit log keeps the history. */
export const gradeOverrides = pgTable(
  "grade_overrides",
  {
    assignmentId: uuid()
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    points: real().notNull(),
    reason: text().notNull(),
    byId: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.userId] }),
    index("grade_overrides_user_id_idx").on(t.userId),
    check("grade_overrides_points_range", sql`${t.points} between 0 and 100`),
    check("grade_overrides_reason_length", sql`length(${t.reason}) between 1 and 1000`),
  ],
);
