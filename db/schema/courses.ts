import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users";

export const courses = pgTable(
  "courses",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    title: text().notNull(),
    summary: text().notNull().default(""),
    locale: text().notNull().default("de"),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("courses_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${t.slug}) <= 80`),
    check("courses_title_length", sql`length(${t.title}) between 1 and 200`),
    check("courses_summary_length", sql`length(${t.summary}) <= 2000`),
    check("courses_locale_known", sql`${t.locale} in ('de', 'en')`),
    index("courses_created_by_idx").on(t.createdBy),
  ],
);

export const lessons = pgTable(
  "lessons",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    slug: text().notNull(),
    title: text().notNull(),
    bodyMd: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("lessons_course_position_unique").on(t.courseId, t.position),
    unique("lessons_course_slug_unique").on(t.courseId, t.slug),
    check("lessons_position_nonnegative", sql`${t.position} >= 0`),
    check("lessons_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${t.slug}) <= 80`),
    check("lessons_title_length", sql`length(${t.title}) between 1 and 200`),
    check("lessons_body_length", sql`length(${t.bodyMd}) <= 100000`),
  ],
);

export const cohorts = pgTable(
  "cohorts",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "restrict" }),
    name: text().notNull(),
    startsOn: timestamp({ withTimezone: true }).notNull(),
    endsOn: timestamp({ withTimezone: true }).notNull(),
    timeZone: text().notNull().default("Europe/Berlin"),
    // Null when joining by code is switched off.
    inviteCode: text().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cohorts_course_id_idx").on(t.courseId),
    check("cohorts_name_length", sql`length(${t.name}) between 1 and 120`),
    check("cohorts_dates_ordered", sql`${t.endsOn} > ${t.startsOn}`),
    check("cohorts_invite_code_format", sql`${t.inviteCode} is null or ${t.inviteCode} ~ '^[A-Z0-9]{6,16}$'`),
  ],
);

export const membershipRole = pgEnum("membership_role", ["student", "instructor"]);

export const memberships = pgTable(
  "memberships",
  {
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: membershipRole().notNull(),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index("memberships_user_id_idx").on(t.userId)],
);

/** A student marks a lesson as worked through, per cohort (the same course can run twice). */
export const lessonProgress = pgTable(
  "lesson_progress",
  {
    cohortId: uuid().notNull(),
    userId: uuid().notNull(),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    completedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cohortId, t.userId, t.lessonId] }),
    // Progress exists only for members: removing the membership removes it.
    foreignKey({ columns: [t.cohortId, t.userId], foreignColumns: [memberships.cohortId, memberships.userId] }).onDelete(
      "cascade",
    ),
    index("lesson_progress_lesson_id_idx").on(t.lessonId),
    index("lesson_progress_user_id_idx").on(t.userId),
  ],
);
