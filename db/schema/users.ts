import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    name: text().notNull(),
    emailVerified: timestamp({ withTimezone: true, mode: "date" }),
    image: text(),
    passwordHash: text(),
    isAdmin: boolean().notNull().default(false),
    locale: text().notNull().default("de"),
    // Bumped on password change: every session made under an older version stops working at once.
    sessionVersion: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("users_email_lowercase", sql`${t.email} = lower(${t.email}) and length(${t.email}) between 3 and 254`),
    check("users_name_length", sql`length(${t.name}) between 1 and 120`),
    check("users_locale_known", sql`${t.locale} in ('de', 'en')`),
    check("users_session_version_positive", sql`${t.sessionVersion} > 0`),
  ],
);

// next-auth adapter tables (OAuth accounts, email tokens), kept in the shape @auth/drizzle-adapter expects.
export const accounts = pgTable(
  "accounts",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("accounts_user_id_idx").on(t.userId)],
);

/**
 * One row per signed-in browser. The JWT carries the row's token; signing out deletes the row,
 * so a copied cookie dies with it. Same shape as the next-auth adapter's sessions table.
 */
export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    // Must equal users.session_version: bumping the user's version ends every other session at once.
    sessionVersion: integer().notNull().default(1),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: timestamp({ withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** Failed-sign-in counters per account and per IP; one row per key, updated atomically. */
export const authRateLimits = pgTable(
  "auth_rate_limits",
  {
    key: text().primaryKey(),
    attempts: integer().notNull().default(0),
    windowStart: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("auth_rate_limits_attempts_nonnegative", sql`${t.attempts} >= 0`)],
);
