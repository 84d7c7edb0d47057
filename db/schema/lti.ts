import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { assignments } from "./assignments";
import { cohorts } from "./courses";
import { users } from "./users";

/**
 * LTI 1.3: the platforms (LMSs) an admin registered, the tool's own signing keys, the state of
 * logins in flight, the nonces already used, the LMS courses (contexts) linked to cohorts, and the
 * verified launches a browser session is started from.
 */

/** One LMS registration: what the LMS showed the admin when Werkbank was added as a tool. */
export const ltiPlatforms = pgTable(
  "lti_platforms",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    issuer: text().notNull(),
    clientId: text().notNull(),
    deploymentIds: jsonb().$type<string[]>().notNull().default([]),
    authLoginUrl: text().notNull(),
    authTokenUrl: text().notNull(),
    jwksUrl: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("lti_platforms_issuer_client_idx").on(t.issuer, t.clientId),
    check("lti_platforms_name_length", sql`length(${t.name}) between 1 and 120`),
  ],
);

/**
 * The tool's RSA key pairs (JWK). The newest active key signs; every key not retired is published
 * in /.well-known/jwks.json, so a platform that cached the old set still verifies during a rotation.
 */
export const ltiKeys = pgTable("lti_keys", {
  kid: text().primaryKey(),
  publicJwk: jsonb().$type<Record<string, unknown>>().notNull(),
  privateJwk: jsonb().$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** Set when a newer key took over signing; published until retiredAt. */
  supersededAt: timestamp({ withTimezone: true }),
  retiredAt: timestamp({ withTimezone: true }),
});

/** A third-party login in flight: the state (also in the browser's cookie) and the nonce the id_token must carry. */
export const ltiLoginStates = pgTable(
  "lti_login_states",
  {
    state: text().primaryKey(),
    nonce: text().notNull(),
    platformId: uuid()
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("lti_login_states_expires_idx").on(t.expiresAt)],
);

/** Nonces of accepted id_tokens, kept until the token could no longer be valid: a replay is refused. */
export const ltiNonces = pgTable(
  "lti_nonces",
  {
    platformId: uuid()
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: "cascade" }),
    nonce: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("lti_nonces_platform_nonce_idx").on(t.platformId, t.nonce), index("lti_nonces_expires_idx").on(t.expiresAt)],
);

/** An LMS course (LTI context) and the cohort it is linked to (null until an instructor picks one). */
export const ltiContexts = pgTable(
  "lti_contexts",
  {
    id: uuid().primaryKey().defaultRandom(),
    platformId: uuid()
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: "cascade" }),
    contextId: text().notNull(),
    deploymentId: text().notNull(),
    title: text().notNull().default(""),
    cohortId: uuid().references(() => cohorts.id, { onDelete: "set null" }),
    /** Names and Role Provisioning Services: the context's membership URL, from the last launch. */
    membershipsUrl: text(),
    /** Assignment and Grade Services: the line items URL and the scopes the platform grants. */
    lineItemsUrl: text(),
    agsScopes: jsonb().$type<string[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("lti_contexts_platform_context_idx").on(t.platformId, t.contextId), index("lti_contexts_cohort_idx").on(t.cohortId)],
);

/**
 * A verified launch. Its ticket starts the browser's Werkbank session once (a launch may arrive in
 * the LMS's iframe, where the session cookie cannot be set: the ticket then opens in a new window);
 * deep linking reads its return URL and data from here.
 */
export const ltiLaunches = pgTable(
  "lti_launches",
  {
    id: uuid().primaryKey().defaultRandom(),
    ticket: text().notNull().unique(),
    platformId: uuid()
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: "cascade" }),
    contextRowId: uuid().references(() => ltiContexts.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text().notNull(),
    messageType: text().notNull(),
    deploymentId: text().notNull(),
    /** Where the launch leads inside the cohort: a lesson slug or an assignment id from the custom claim. */
    target: jsonb().$type<{ lesson?: string; assignment?: string }>().notNull().default({}),
    deepLinkReturnUrl: text(),
    deepLinkData: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ticketUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("lti_launches_expires_idx").on(t.expiresAt), check("lti_launches_role_known", sql`${t.role} in ('student', 'instructor')`)],
);

/** The LMS gradebook column (AGS line item) of an assignment in a linked LMS course. */
export const ltiLineItems = pgTable(
  "lti_line_items",
  {
    contextRowId: uuid()
      .notNull()
      .references(() => ltiContexts.id, { onDelete: "cascade" }),
    assignmentId: uuid()
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    url: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contextRowId, t.assignmentId] })],
);

/**
 * A released grade on its way to the LMS: queued at release (and again after an override),
 * sent by the scheduler, retried with a growing pause after a failure, which the gradebook shows.
 */
export const ltiScoreSyncs = pgTable(
  "lti_score_syncs",
  {
    assignmentId: uuid()
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    scoreSent: real(),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.userId] }),
    index("lti_score_syncs_due_idx").on(t.nextAttemptAt).where(sql`${t.status} <> 'sent'`),
    check("lti_score_syncs_status_known", sql`${t.status} in ('pending', 'sent', 'failed')`),
  ],
);
