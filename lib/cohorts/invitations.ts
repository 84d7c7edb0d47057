import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { createTranslator } from "use-intl";
import type { Db, DbOrTx } from "@/db";
import { cohortInvitations, cohorts, courses, memberships, users } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import { hashPassword } from "@/lib/auth/password";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import de from "@/lib/i18n/messages/de.json";
import en from "@/lib/i18n/messages/en.json";
import { deliverQueue, senderDomain, type DeliveryResult, type MailTransport, type RenderedEmail } from "@/lib/notifications/email";
import { recordAudit } from "./audit";
import { actorRole, type Actor } from "./membership";
import { parseRoster, type RosterRejection } from "./roster";

/**
 * Personal invitations by email (the roster import): one row per cohort and address, a single-use
 * link that expires, resend (a new link; the old one stops working) and revoke. Instructors act on
 * their own cohorts only; the invited person needs nothing but the link.
 */

export const INVITATION_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export type InvitationStatus = "invited" | "joined" | "expired" | "revoked";

function newToken(): string {
  return randomBytes(24).toString("base64url");
}

/** Tokens are 32 base64url characters; anything else is not looked up. */
export function isInvitationToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{32}$/.test(token);
}

function statusOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (row.acceptedAt) return "joined";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "invited";
}

async function requireInstructor(tx: DbOrTx, actor: Actor, cohortId: string): Promise<void> {
  if ((await actorRole(tx, cohortId, actor)) !== "instructor") throw new ActionError("not_found", "notFound");
}

/** The columns that (re)issue an invitation: a fresh link, a new expiry, an email waiting in the outbox. */
function issued(now: Date) {
  return {
    token: newToken(),
    sentAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS),
    acceptedAt: null,
    acceptedBy: null,
    revokedAt: null,
    emailStatus: "pending" as const,
    emailedAt: null,
    emailAttempts: 0,
  };
}

export type ImportResult = { invited: number; renewed: number; rejected: RosterRejection[] };

/**
 * Invites everyone on a pasted or uploaded list. Rows the parser refuses, members of the cohort
 * and addresses with an open invitation come back with their reason; an expired, revoked or
 * used-but-left invitation is issued again. One statement writes them all: two imports at once
 * cannot invite an address twice (the unique key decides, the loser reports it as invited).
 */
export async function importRoster(tx: DbOrTx, actor: Actor, cohortId: string, text: string, now = new Date()): Promise<ImportResult> {
  await requireInstructor(tx, actor, cohortId);
  const { rows, rejected } = parseRoster(text);
  if (rows.length === 0) return { invited: 0, renewed: 0, rejected };

  const emails = rows.map((r) => r.email);
  const [members, existing] = await Promise.all([
    tx
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.cohortId, cohortId), inArray(users.email, emails))),
    tx
      .select({ email: cohortInvitations.email, acceptedAt: cohortInvitations.acceptedAt, revokedAt: cohortInvitations.revokedAt, expiresAt: cohortInvitations.expiresAt })
      .from(cohortInvitations)
      .where(and(eq(cohortInvitations.cohortId, cohortId), inArray(cohortInvitations.email, emails))),
  ]);
  const memberSet = new Set(members.map((m) => m.email));
  const openSet = new Set(existing.filter((e) => statusOf(e, now) === "invited").map((e) => e.email));
  const known = new Set(existing.map((e) => e.email));

  const toWrite = [];
  for (const row of rows) {
    if (memberSet.has(row.email)) rejected.push({ line: row.line, text: `${row.name} <${row.email}>`, reason: "alreadyMember" });
    else if (openSet.has(row.email)) rejected.push({ line: row.line, text: `${row.name} <${row.email}>`, reason: "alreadyInvited" });
    else toWrite.push(row);
  }
  let written: { email: string }[] = [];
  if (toWrite.length > 0) {
    const fresh = issued(now);
    written = await tx
      .insert(cohortInvitations)
      .values(toWrite.map((r) => ({ cohortId, email: r.email, name: r.name, invitedBy: actor.id, createdAt: now, ...issued(now) })))
      .onConflictDoUpdate({
        target: [cohortInvitations.cohortId, cohortInvitations.email],
        set: {
          name: sql`excluded.name`,
          token: sql`excluded.token`,
          invitedBy: actor.id,
          sentAt: fresh.sentAt,
          expiresAt: fresh.expiresAt,
          acceptedAt: null,
          acceptedBy: null,
          revokedAt: null,
          emailStatus: "pending",
          emailedAt: null,
          emailAttempts: 0,
        },
        // Only an invitation nobody can use any more is issued again.
        setWhere: or(isNotNull(cohortInvitations.acceptedAt), isNotNull(cohortInvitations.revokedAt), lte(cohortInvitations.expiresAt, now)),
      })
      .returning({ email: cohortInvitations.email });
    const writtenSet = new Set(written.map((w) => w.email));
    for (const row of toWrite) {
      if (!writtenSet.has(row.email)) rejected.push({ line: row.line, text: `${row.name} <${row.email}>`, reason: "alreadyInvited" });
    }
    await recordAudit(tx, { cohortId, actorId: actor.id, action: "invitations_sent", details: { count: written.length } }, now);
  }
  rejected.sort((a, b) => a.line - b.line);
  const renewed = written.filter((w) => known.has(w.email)).length;
  return { invited: written.length - renewed, renewed, rejected };
}

export type InvitationRow = {
  id: string;
  name: string;
  email: string;
  status: InvitationStatus;
  emailStatus: "none" | "pending" | "sent" | "failed";
  sentAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
};

export const INVITATIONS_SHOWN = 200;

/** The cohort's invitations, open ones first, then newest first; at most INVITATIONS_SHOWN, with the counts per status. */
export async function listInvitations(db: DbOrTx, actor: Actor, cohortId: string, now = new Date()) {
  await requireInstructor(db, actor, cohortId);
  const open = sql`(${and(isNull(cohortInvitations.acceptedAt), isNull(cohortInvitations.revokedAt), gt(cohortInvitations.expiresAt, now))})`;
  const rows = await db
    .select({
      id: cohortInvitations.id,
      name: cohortInvitations.name,
      email: cohortInvitations.email,
      emailStatus: cohortInvitations.emailStatus,
      sentAt: cohortInvitations.sentAt,
      expiresAt: cohortInvitations.expiresAt,
      acceptedAt: cohortInvitations.acceptedAt,
      revokedAt: cohortInvitations.revokedAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
      open: sql<number>`count(*) filter (where ${open}) over ()`.mapWith(Number),
    })
    .from(cohortInvitations)
    .where(eq(cohortInvitations.cohortId, cohortId))
    .orderBy(desc(open), desc(cohortInvitations.sentAt), asc(cohortInvitations.email))
    .limit(INVITATIONS_SHOWN);
  return {
    total: rows[0]?.total ?? 0,
    open: rows[0]?.open ?? 0,
    rows: rows.map(({ total: _t, open: _o, revokedAt, ...r }): InvitationRow => ({ ...r, status: statusOf({ ...r, revokedAt }, now) })),
  };
}

async function lockInvitation(tx: DbOrTx, cohortId: string, invitationId: string) {
  const [row] = await tx
    .select({ id: cohortInvitations.id, email: cohortInvitations.email, acceptedAt: cohortInvitations.acceptedAt })
    .from(cohortInvitations)
    .where(and(eq(cohortInvitations.id, invitationId), eq(cohortInvitations.cohortId, cohortId)))
    .for("update");
  if (!row) throw new ActionError("not_found", "notFound");
  if (row.acceptedAt) throw new ActionError("conflict", "invitations.alreadyJoined");
  return row;
}

/** A new link by email (the old one stops working) and a new expiry; also revives a revoked invitation. */
export async function resendInvitation(tx: DbOrTx, actor: Actor, cohortId: string, invitationId: string, now = new Date()) {
  await requireInstructor(tx, actor, cohortId);
  const row = await lockInvitation(tx, cohortId, invitationId);
  await tx.update(cohortInvitations).set({ ...issued(now), invitedBy: actor.id }).where(eq(cohortInvitations.id, row.id));
  await recordAudit(tx, { cohortId, actorId: actor.id, action: "invitation_resent", details: { email: row.email } }, now);
  return { email: row.email };
}

/** The link stops working at once; an email not yet sent is not sent. */
export async function revokeInvitation(tx: DbOrTx, actor: Actor, cohortId: string, invitationId: string, now = new Date()) {
  await requireInstructor(tx, actor, cohortId);
  const row = await lockInvitation(tx, cohortId, invitationId);
  await tx
    .update(cohortInvitations)
    .set({
      revokedAt: now,
      emailStatus: sql`case when ${cohortInvitations.emailStatus} = 'pending' then 'none'::email_status else ${cohortInvitations.emailStatus} end`,
    })
    .where(eq(cohortInvitations.id, row.id));
  await recordAudit(tx, { cohortId, actorId: actor.id, action: "invitation_revoked", details: { email: row.email } }, now);
  return { email: row.email };
}

/**
 * What the invitation page shows: the cohort, the invited address, the link's state, whether an
 * account with that address exists (sign in rather than sign up) and the viewer's role there.
 * Null for an unknown or revoked link (both read the same to a stranger).
 */
export async function findInvitation(db: DbOrTx, token: string, viewerId: string | null, now = new Date()) {
  if (!isInvitationToken(token)) return null;
  const [row] = await db
    .select({
      cohortId: cohorts.id,
      cohortName: cohorts.name,
      courseTitle: courses.title,
      email: cohortInvitations.email,
      name: cohortInvitations.name,
      expiresAt: cohortInvitations.expiresAt,
      acceptedAt: cohortInvitations.acceptedAt,
      revokedAt: cohortInvitations.revokedAt,
      acceptedBy: cohortInvitations.acceptedBy,
      hasAccount: sql<boolean>`exists (select 1 from ${users} u where u.email = ${cohortInvitations.email})`,
      role: memberships.role,
    })
    .from(cohortInvitations)
    .innerJoin(cohorts, eq(cohorts.id, cohortInvitations.cohortId))
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .leftJoin(memberships, and(eq(memberships.cohortId, cohorts.id), sql`${memberships.userId} = ${viewerId}`))
    .where(eq(cohortInvitations.token, token))
    .limit(1);
  if (!row || row.revokedAt) return null;
  const { revokedAt: _r, ...rest } = row;
  return { ...rest, status: statusOf(row, now) };
}

/** The invitation behind a link, locked, if it can still be used; otherwise the reason as an ActionError. */
async function usableInvitation(tx: DbOrTx, token: string, now: Date) {
  if (!isInvitationToken(token)) throw new ActionError("not_found", "invitations.unknown");
  const [row] = await tx
    .select({
      id: cohortInvitations.id,
      cohortId: cohortInvitations.cohortId,
      email: cohortInvitations.email,
      name: cohortInvitations.name,
      acceptedAt: cohortInvitations.acceptedAt,
      revokedAt: cohortInvitations.revokedAt,
      expiresAt: cohortInvitations.expiresAt,
    })
    .from(cohortInvitations)
    .where(eq(cohortInvitations.token, token))
    .for("update");
  if (!row || row.revokedAt) throw new ActionError("not_found", "invitations.unknown");
  if (row.acceptedAt) throw new ActionError("conflict", "invitations.used");
  if (row.expiresAt <= now) throw new ActionError("conflict", "invitations.expired");
  return row;
}

async function spendInvitation(tx: DbOrTx, invitation: { id: string; cohortId: string }, userId: string, now: Date) {
  await tx.insert(memberships).values({ cohortId: invitation.cohortId, userId, role: "student", joinedAt: now }).onConflictDoNothing();
  await tx.update(cohortInvitations).set({ acceptedAt: now, acceptedBy: userId }).where(eq(cohortInvitations.id, invitation.id));
}

/**
 * The signed-in viewer takes the invitation: they join as a student (staying what they are if
 * already a member) and the link is used up. Any account may take it: the link went to the
 * invited address, and whoever holds it was given it.
 */
export async function acceptInvitation(tx: DbOrTx, actor: Actor, token: string, now = new Date()): Promise<{ cohortId: string }> {
  const invitation = await usableInvitation(tx, token, now);
  await spendInvitation(tx, invitation, actor.id, now);
  return { cohortId: invitation.cohortId };
}

/**
 * A new account from an invitation: the address is the invited one (the link proved it reaches
 * its owner, so it counts as verified), the name and password the person's own. Account, membership
 * and the used link in the caller's transaction. An address that has an account signs in instead.
 */
export async function registerByInvitation(
  tx: DbOrTx,
  input: { token: string; name: string; password: string },
  locale: Locale,
  now = new Date(),
): Promise<{ cohortId: string; email: string }> {
  const invitation = await usableInvitation(tx, input.token, now);
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email)).limit(1);
  if (taken) throw new ActionError("conflict", "invitations.signInInstead");
  const passwordHash = await hashPassword(input.password);
  const [user] = await tx
    .insert(users)
    .values({ email: invitation.email, name: input.name, passwordHash, locale, emailVerified: now })
    .returning({ id: users.id });
  await spendInvitation(tx, invitation, user!.id, now);
  return { cohortId: invitation.cohortId, email: invitation.email };
}

const CATALOGS = { de, en };

export type InvitationEmail = {
  id: string;
  token: string;
  email: string;
  name: string;
  cohortName: string;
  courseTitle: string;
  inviterName: string | null;
  expiresAt: Date;
};

/** The invitation email, in the inviting instructor's language (the invited person has none yet). */
export function renderInvitationEmail(row: InvitationEmail, locale: string, baseUrl: string): RenderedEmail {
  const lang = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const t = createTranslator({ locale: lang, messages: CATALOGS[lang], namespace: "email" });
  const base = baseUrl.replace(/\/+$/, "");
  const one = (s: string) => s.replace(/\s+/g, " ").trim();
  const expires = new Intl.DateTimeFormat(lang === "de" ? "de-DE" : "en-GB", { dateStyle: "long", timeZone: "Europe/Berlin" }).format(row.expiresAt);
  const text = [
    t("greeting", { name: one(row.name) }),
    "",
    t("invitationBody", { inviter: one(row.inviterName ?? t("invitationSomeone")), cohort: one(row.cohortName), course: one(row.courseTitle) }),
    "",
    t("invitationCta"),
    `${base}/join/invitation/${row.token}`,
    "",
    t("invitationExpires", { date: expires }),
    "",
    t("signature"),
  ];
  return { to: row.email, subject: t("invitationSubject", { cohort: one(row.cohortName) }), text: text.join("\n") + "\n" };
}

/** The invitation emails of the given rows, ready for the outbox page and for sending. */
export async function loadInvitationEmails(db: DbOrTx, where: { ids?: string[]; limit?: number }) {
  const inviter = sql<string | null>`(select u.name from ${users} u where u.id = ${cohortInvitations.invitedBy})`;
  const inviterLocale = sql<string | null>`(select u.locale from ${users} u where u.id = ${cohortInvitations.invitedBy})`;
  const query = db
    .select({
      id: cohortInvitations.id,
      token: cohortInvitations.token,
      email: cohortInvitations.email,
      name: cohortInvitations.name,
      cohortName: cohorts.name,
      courseTitle: courses.title,
      inviterName: inviter,
      locale: inviterLocale,
      expiresAt: cohortInvitations.expiresAt,
      sentAt: cohortInvitations.sentAt,
      emailStatus: cohortInvitations.emailStatus,
      emailedAt: cohortInvitations.emailedAt,
      emailAttempts: cohortInvitations.emailAttempts,
    })
    .from(cohortInvitations)
    .innerJoin(cohorts, eq(cohorts.id, cohortInvitations.cohortId))
    .innerJoin(courses, eq(courses.id, cohorts.courseId));
  if (where.ids) return query.where(inArray(cohortInvitations.id, where.ids)).orderBy(asc(cohortInvitations.sentAt));
  return query
    .where(sql`${cohortInvitations.emailStatus} <> 'none'`)
    .orderBy(desc(cohortInvitations.sentAt))
    .limit(where.limit ?? 100);
}

/** The Message-ID of one sending of an invitation: a resend is a new message (a new link), a retry of the same sending is not. */
function invitationMessageId(id: string, sentAt: Date, from: string): string {
  return `<invitation-${id}-${sentAt.getTime()}@${senderDomain(from)}>`;
}

/** Sends the waiting invitation emails (the same claim-and-lease delivery as the notifications). */
export async function deliverPendingInvitations(
  db: Db,
  opts: { transport: MailTransport; from: string; baseUrl: string; limit?: number; leaseSeconds?: number },
): Promise<DeliveryResult> {
  return deliverQueue(
    db,
    cohortInvitations,
    async (ids) =>
      (await loadInvitationEmails(db, { ids })).map((row) => ({
        id: row.id,
        mail: renderInvitationEmail(row, row.locale ?? DEFAULT_LOCALE, opts.baseUrl),
        messageId: invitationMessageId(row.id, row.sentAt, opts.from),
        label: `invitation ${row.id}`,
      })),
    opts,
  );
}
