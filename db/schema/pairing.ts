import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ReviewAnchor, ReviewScores } from "@/lib/pairing/types";
import { assignments, submissions } from "./assignments";
import { forumPosts, reminderKind } from "./forum";
import { users } from "./users";

export const pairingTrigger = pgEnum("pairing_trigger", ["deadline", "instructor", "rolling"]);

/**
 * The kept cycle of an assignment's peer reviews (DESIGN.md, Peer-feedback pairing). One row per
 * assignment: its existence is what "paired" means, so twenty simultaneous triggers meet at the
 * primary key (and at the per-assignment advisory lock before it).
 */
export const pairings = pgTable(
  "pairings",
  {
    assignmentId: uuid()
      .primaryKey()
      .references(() => assignments.id, { onDelete: "cascade" }),
    seed: text().notNull(),
    /** Submitters' user ids in cycle order: position i reviews i+1..i+k. */
    cycle: jsonb().$type<string[]>().notNull(),
    /** Late submitters who found no free place in the cycle: they review, their submission is reviewed from the pool. */
    outside: jsonb().$type<string[]>().notNull().default([]),
    /** Pairs that met again although earlier assignments paired them already (0 where avoidable). */
    repeats: integer().notNull().default(0),
    trigger: pairingTrigger().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("pairings_repeats_nonnegative", sql`${t.repeats} >= 0`)],
);

export const reviewKind = pgEnum("review_kind", ["duty", "extra"]);
/** assigned → draft (started) → submitted; assigned/draft → expired after the review deadline plus grace. */
export const reviewStatus = pgEnum("review_status", ["assigned", "draft", "submitted", "expired"]);

/** One reviewer's review of one submission: the assignment of the task, its draft and the result. */
export const reviews = pgTable(
  "reviews",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Assignment, cohort and author are the submission's own (one composite key below checks all
    // three): copied here so that the database can refuse a self-review and queries need no join.
    assignmentId: uuid().notNull(),
    cohortId: uuid().notNull(),
    submissionId: uuid().notNull(),
    authorId: uuid().notNull(),
    reviewerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: reviewKind().notNull().default("duty"),
    status: reviewStatus().notNull().default("assigned"),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    /** Grows with every draft save: a stale save (another tab) is a conflict. */
    version: integer().notNull().default(1),
    scores: jsonb().$type<ReviewScores>().notNull().default({}),
    standout: text().notNull().default(""),
    anchors: jsonb().$type<ReviewAnchor[]>().notNull().default([]),
    /** The submission version the reviewer saw when submitting. */
    reviewedVersion: integer(),
    postId: uuid().references(() => forumPosts.id, { onDelete: "set null" }),
    helpfulness: integer(),
    /** The recipient's optional word on the rating: what helped, what was missing. */
    helpfulnessComment: text().notNull().default(""),
    /** An instructor sent the review back for revision: it is a draft again and counts once resubmitted. */
    sentBackAt: timestamp({ withTimezone: true }),
    sentBackNote: text(),
    sentBackById: uuid().references(() => users.id, { onDelete: "set null" }),
    sentBackCount: integer().notNull().default(0),
    assignedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    submittedAt: timestamp({ withTimezone: true }),
    expiredAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("reviews_reviewer_submission_unique").on(t.reviewerId, t.submissionId),
    // Partial: a review has a post only once submitted.
    uniqueIndex("reviews_post_unique").on(t.postId).where(sql`${t.postId} is not null`),
    check("reviews_not_self", sql`${t.reviewerId} <> ${t.authorId}`),
    check("reviews_helpfulness_range", sql`${t.helpfulness} is null or ${t.helpfulness} between 1 and 5`),
    check("reviews_version_positive", sql`${t.version} > 0`),
    check("reviews_standout_length", sql`length(${t.standout}) <= 5000`),
    check("reviews_helpfulness_comment_length", sql`length(${t.helpfulnessComment}) <= 1000`),
    check("reviews_sent_back_note_length", sql`${t.sentBackNote} is null or length(${t.sentBackNote}) <= 2000`),
    check("reviews_submitted_has_time", sql`${t.status} <> 'submitted' or ${t.submittedAt} is not null`),
    // A review cannot point past its submission: one key checks submission, assignment, cohort and author.
    foreignKey({
      name: "reviews_submission_fk",
      columns: [t.submissionId, t.assignmentId, t.cohortId, t.authorId],
      foreignColumns: [submissions.id, submissions.assignmentId, submissions.cohortId, submissions.authorId],
    }).onDelete("cascade"),
    // Few indexes on purpose (a pairing writes 20,000 rows at once): by submission, by assignment, and
    // by reviewer through the unique key above; the open ones by due time for the sweep.
    index("reviews_submission_id_idx").on(t.submissionId),
    index("reviews_assignment_status_idx").on(t.assignmentId, t.status),
    index("reviews_due_open_idx").on(t.dueAt).where(sql`${t.status} in ('assigned', 'draft')`),
  ],
);

/** A student excused from an assignment: out of the cycle, owes no reviews, needs none. */
export const excusals = pgTable(
  "excusals",
  {
    assignmentId: uuid()
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    byId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.userId] }), index("excusals_user_id_idx").on(t.userId)],
);

/** "Due in 24 hours" sent once per person, assignment and deadline: the sweep's insert decides. */
export const reminders = pgTable(
  "reminders",
  {
    assignmentId: uuid()
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: reminderKind().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.userId, t.kind] }), index("reminders_user_id_idx").on(t.userId)],
);
