import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { cohorts, lessons } from "./courses";
import { users } from "./users";

export const threadKind = pgEnum("thread_kind", ["discussion", "submission"]);

/** A thread of a lesson's board in one cohort. The first post holds the opening text. */
export const forumThreads = pgTable(
  "forum_threads",
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    authorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: threadKind().notNull().default("discussion"),
    title: text().notNull(),
    pinned: boolean().notNull().default(false),
    locked: boolean().notNull().default(false),
    hidden: boolean().notNull().default(false),
    replyCount: integer().notNull().default(0),
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The board's order: pinned first, then by last activity.
    index("forum_threads_board_idx").on(t.cohortId, t.lessonId, t.pinned, t.lastActivityAt),
    index("forum_threads_author_id_idx").on(t.authorId),
    check("forum_threads_title_length", sql`length(${t.title}) between 1 and 200`),
    check("forum_threads_reply_count_nonnegative", sql`${t.replyCount} >= 0`),
  ],
);

export const forumPosts = pgTable(
  "forum_posts",
  {
    id: uuid().primaryKey().defaultRandom(),
    threadId: uuid()
      .notNull()
      .references(() => forumThreads.id, { onDelete: "cascade" }),
    authorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    bodyMd: text().notNull(),
    hidden: boolean().notNull().default(false),
    editedAt: timestamp({ withTimezone: true }),
    // Soft delete: the post stays in the thread as "deleted", its text is gone.
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("forum_posts_thread_created_idx").on(t.threadId, t.createdAt),
    index("forum_posts_author_id_idx").on(t.authorId),
    check("forum_posts_body_length", sql`length(${t.bodyMd}) <= 20000`),
  ],
);

/** When a member last read a thread: the unread markers of the board. */
export const forumReads = pgTable(
  "forum_reads",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    threadId: uuid()
      .notNull()
      .references(() => forumThreads.id, { onDelete: "cascade" }),
    readAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] }), index("forum_reads_thread_id_idx").on(t.threadId)],
);

/**
 * The post clock: one row per member and cohort, moved forward by a conditional upsert. At most one
 * post per 5 seconds holds across app servers because the database decides.
 */
export const postClock = pgTable(
  "post_clock",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    lastPostAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.cohortId] })],
);

export const notificationKind = pgEnum("notification_kind", [
  "reply",
  "mention",
  "review_assigned",
  "review_received",
  "deadline",
  "review_sent_back",
  "review_revising",
  "pool_offer",
  "grades_released",
]);

/**
 * none: in-app only; pending: also an email, waiting in the outbox (delivered when SMTP_URL is set,
 * otherwise readable by admins); sent / failed: what delivery made of it.
 */
/** Which deadline a "deadline" notification (and its dedupe row in `reminders`) is about. */
export const reminderKind = pgEnum("reminder_kind", ["submission", "review"]);

export const emailStatus = pgEnum("email_status", ["none", "pending", "sent", "failed"]);

/** In-app notifications (the bell); those of the email kinds are the email outbox too. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    cohortId: uuid().references(() => cohorts.id, { onDelete: "cascade" }),
    threadId: uuid().references(() => forumThreads.id, { onDelete: "cascade" }),
    postId: uuid().references(() => forumPosts.id, { onDelete: "cascade" }),
    // Review and deadline notifications lead to the assignment's lesson or the review list.
    assignmentId: uuid(),
    /** How many things it tells of ("2 reviews assigned"). */
    count: integer().notNull().default(1),
    deadlineKind: reminderKind(),
    emailStatus: emailStatus().notNull().default("none"),
    emailedAt: timestamp({ withTimezone: true }),
    /** How often a delivery sweep claimed the email: each claim sends it at most once, so more than one may mean a duplicate. */
    emailAttempts: integer().notNull().default(0),
    // Shown as is: a thread title or assignment name at the time of sending.
    subject: text().notNull().default(""),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_user_unread_idx").on(t.userId, t.readAt, t.createdAt),
    index("notifications_email_pending_idx").on(t.createdAt).where(sql`${t.emailStatus} = 'pending'`),
    // Deleting a thread or post (cascades) must not scan every notification.
    // Partial: most notifications (review tasks, reminders) name no thread or post, and a pairing writes thousands.
    index("notifications_thread_id_idx").on(t.threadId).where(sql`${t.threadId} is not null`),
    index("notifications_post_id_idx").on(t.postId).where(sql`${t.postId} is not null`),
    // The admins' outbox: every email notification, newest first.
    index("notifications_email_idx").on(t.createdAt).where(sql`${t.emailStatus} <> 'none'`),
    check("notifications_deadline_kind", sql`(${t.kind} = 'deadline') = (${t.deadlineKind} is not null)`),
    check("notifications_subject_length", sql`length(${t.subject}) <= 300`),
    check("notifications_email_attempts", sql`${t.emailAttempts} >= 0`),
  ],
);
