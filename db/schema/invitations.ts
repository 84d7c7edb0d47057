import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cohorts } from "./courses";
import { emailStatus } from "./forum";
import { users } from "./users";

/**
 * A personal invitation to a cohort, sent by email from a roster import. One row per cohort and
 * address: importing an address again renews an expired or revoked one. The token in the link is
 * single-use (acceptedAt) and replaced on every resend, so an older email stops working. Its email
 * goes through the same outbox as the notifications (status, claim time, attempts).
 */
export const cohortInvitations = pgTable(
  "cohort_invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    email: text().notNull(),
    name: text().notNull(),
    token: text().notNull().unique(),
    invitedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp({ withTimezone: true }),
    emailStatus: emailStatus().notNull().default("pending"),
    emailedAt: timestamp({ withTimezone: true }),
    emailAttempts: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex("cohort_invitations_cohort_email_idx").on(t.cohortId, t.email),
    index("cohort_invitations_email_pending_idx").on(t.createdAt).where(sql`${t.emailStatus} = 'pending'`),
    check("cohort_invitations_email_lowercase", sql`${t.email} = lower(${t.email}) and length(${t.email}) between 3 and 254`),
    check("cohort_invitations_name_length", sql`length(${t.name}) between 1 and 120`),
  ],
);
