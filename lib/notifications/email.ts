import { and, asc, desc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db, DbOrTx } from "@/db";
import { assignments, cohortInvitations, lessons, notifications, users } from "@/db/schema";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "use-intl";
import de from "@/lib/i18n/messages/de.json";
import en from "@/lib/i18n/messages/en.json";

type NotificationRow = typeof notifications.$inferSelect;

/**
 * What an email is made of: the notification, plus two facts its row does not hold, read by the
 * loaders below. `lessonSlug` (through assignmentId) makes the assignment link; `deadline` says which
 * deadline a "deadline" notification warns of (its deadlineKind). Without them the email links to the cohort.
 */
export type EmailNotification = Pick<NotificationRow, "kind" | "cohortId" | "threadId" | "postId" | "count" | "subject"> & {
  lessonSlug?: string | null;
  deadline?: "submission" | "review" | null;
};
export type EmailRecipient = { email: string; name: string; locale: string };
export type RenderedEmail = { to: string; subject: string; text: string };

const CATALOGS = { de, en };

/** A plain-text email in the recipient's language (from the app's catalogs). Never names the actor: reviews may be anonymous. */
export function renderEmail(n: EmailNotification, recipient: EmailRecipient, baseUrl: string): RenderedEmail {
  const locale = isLocale(recipient.locale) ? recipient.locale : DEFAULT_LOCALE;
  const t = createTranslator({ locale, messages: CATALOGS[locale], namespace: "email" });
  const base = baseUrl.replace(/\/+$/, "");
  const cohort = n.cohortId ? `${base}/cohorts/${n.cohortId}` : `${base}/notifications`;
  const p = { title: oneLine(n.subject), count: Math.max(1, n.count) };

  let key: "reviewAssigned" | "reviewReceived" | "submissionDue" | "reviewDue" | "reviewSentBack" | "gradesReleased";
  let url: string;
  if (n.kind === "review_assigned") {
    [key, url] = ["reviewAssigned", `${cohort}/reviews`];
  } else if (n.kind === "review_received") {
    [key, url] = ["reviewReceived", n.threadId ? `${cohort}/forum/${n.threadId}${n.postId ? `?post=${n.postId}#post-${n.postId}` : ""}` : cohort];
  } else if (n.kind === "review_sent_back") {
    [key, url] = ["reviewSentBack", `${cohort}/reviews`];
  } else if (n.kind === "grades_released") {
    [key, url] = ["gradesReleased", n.lessonSlug ? `${cohort}/lessons/${n.lessonSlug}` : cohort];
  } else if (n.kind === "deadline" && n.deadline === "review") {
    [key, url] = ["reviewDue", `${cohort}/reviews`];
  } else if (n.kind === "deadline") {
    // The lesson page holds the assignment and its submit form (…/assignment is the instructors' editor).
    [key, url] = ["submissionDue", n.lessonSlug ? `${cohort}/lessons/${n.lessonSlug}` : cohort];
  } else {
    throw new Error(`Notifications of kind "${n.kind}" are not sent as email`);
  }

  const text = [
    t("greeting", { name: oneLine(recipient.name) }),
    "",
    t(`${key}Body`, p),
    "",
    t(`${key}Cta`),
    url,
    "",
    t("signature"),
    "",
    t("footer", { url: `${base}/notifications` }),
  ];
  return { to: recipient.email, subject: t(`${key}Subject`, p), text: text.join("\n") + "\n" };
}

/** Titles are shown as they are, but a header line must stay one line. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** The extra facts of EmailNotification, as columns for a select over notifications. */
const emailContext = {
  lessonSlug: lessons.slug,
  deadline: notifications.deadlineKind,
};

/** The latest email notifications with everything renderEmail needs, newest first (the admins' outbox). */
export async function listOutbox(db: DbOrTx, limit = 100) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      cohortId: notifications.cohortId,
      threadId: notifications.threadId,
      postId: notifications.postId,
      count: notifications.count,
      subject: notifications.subject,
      emailStatus: notifications.emailStatus,
      emailedAt: notifications.emailedAt,
      emailAttempts: notifications.emailAttempts,
      createdAt: notifications.createdAt,
      recipient: { email: users.email, name: users.name, locale: users.locale },
      ...emailContext,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(assignments, eq(assignments.id, notifications.assignmentId))
    .leftJoin(lessons, eq(lessons.id, assignments.lessonId))
    .where(ne(notifications.emailStatus, "none"))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

/** Anything with nodemailer's promise-returning sendMail: a nodemailer Transporter, or a test double. */
export type MailTransport = {
  sendMail(mail: { from: string; to: string; subject: string; text: string; messageId: string }): Promise<unknown>;
};

export type DeliveryResult = { claimed: number; sent: number; failed: number };

/**
 * The Message-ID of a notification's email, the same on every attempt: a resend after a crash is
 * recognisably the same message, and a receiving server that deduplicates drops it. The domain is
 * the sender's (EMAIL_FROM), so the id stays unique beyond this installation.
 */
export function messageIdFor(notificationId: string, from: string): string {
  return `<notification-${notificationId}@${senderDomain(from)}>`;
}

/** The domain of the sender's address (EMAIL_FROM), for Message-IDs unique beyond this installation. */
export function senderDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim())?.[1]?.toLowerCase() || "werkbank.local";
}

const DEFAULT_LEASE_SECONDS = 600;

/**
 * How long a claim holds: WERKBANK_EMAIL_LEASE_SECONDS (read at call time), 10 minutes by default.
 * A claimed email stays "pending" with emailedAt = the claim time; a sweep that died mid-batch
 * leaves its claims behind, and they are taken again once this has passed.
 */
export function emailLeaseMs(env: Record<string, string | undefined> = process.env): number {
  const seconds = Number(env.WERKBANK_EMAIL_LEASE_SECONDS?.trim() || DEFAULT_LEASE_SECONDS);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_LEASE_SECONDS) * 1000;
}

/** A claimed email and which claim of it this is (its emailAttempts after the claim). */
type Claim = { id: string; attempt: number };

/** One claimed email, rendered: its row's id, what to send, and what a failure log line names. */
export type QueuedEmail = { id: string; mail: RenderedEmail; messageId: string; label: string };

/**
 * A table whose rows carry an email in the outbox's columns (emailStatus, emailedAt, emailAttempts,
 * createdAt): the notifications, and the cohort invitations, which have the same columns by design.
 */
export type EmailQueueTable = typeof notifications | typeof cohortInvitations;

/**
 * Sends the oldest pending emails of `table`, at most `limit`. Several app servers may run this at once: each
 * claims its batch in one statement (`FOR UPDATE SKIP LOCKED`, then stamping emailedAt and counting
 * the attempt in emailAttempts), so no two take the same email while its lease holds. Sending happens
 * after that statement has committed: a slow SMTP server holds no locks (marking a notification read
 * would wait on them) and, on PGlite, does not stall every other query. Each email is marked as soon
 * as it is sent or refused, by the claim that sent it only (a sweep whose lease was taken over marks
 * nothing). After a crash between sending and marking, the email is sent again when the lease
 * expires: delivery is at least once. Each claim sends at most once, so an email can have gone out
 * twice only where emailAttempts > 1, and every copy carries the same Message-ID (messageIdFor).
 * `load` renders the claimed rows (in the order to send them); a row it cannot render fails.
 */
export async function deliverQueue(
  db: Db,
  table: EmailQueueTable,
  load: (ids: string[]) => Promise<Array<QueuedEmail | { id: string; error: unknown; label: string }>>,
  opts: { transport: MailTransport; from: string; limit?: number; leaseSeconds?: number },
): Promise<DeliveryResult> {
  const leaseMs = opts.leaseSeconds !== undefined ? opts.leaseSeconds * 1000 : emailLeaseMs();
  const claims = await claimPending(db, table, opts.limit ?? 50, leaseMs);
  const result: DeliveryResult = { claimed: claims.length, sent: 0, failed: 0 };
  if (claims.length === 0) return result;
  const attemptOf = new Map(claims.map((c) => [c.id, c.attempt]));
  const claimOf = (id: string): Claim => ({ id, attempt: attemptOf.get(id)! });

  const rows = await load(claims.map((c) => c.id));
  const started = Date.now();
  for (const [i, row] of rows.entries()) {
    // Never send on a claim that may have run out: hand the rest back for the next sweep.
    if (Date.now() - started > leaseMs / 2) {
      await mark(db, table, rows.slice(i).map((r) => claimOf(r.id)), "pending");
      break;
    }
    try {
      if ("error" in row) throw row.error;
      await opts.transport.sendMail({ from: opts.from, ...row.mail, messageId: row.messageId });
    } catch (error) {
      console.error(`[email] ${row.label} failed`, error);
      await mark(db, table, [claimOf(row.id)], "failed");
      result.failed++;
      continue;
    }
    await mark(db, table, [claimOf(row.id)], "sent");
    result.sent++;
  }
  return result;
}

/** Sends the oldest pending notification emails (deliverQueue over the notifications). */
export async function deliverPendingEmails(
  db: Db,
  opts: { transport: MailTransport; from: string; baseUrl: string; limit?: number; leaseSeconds?: number },
): Promise<DeliveryResult> {
  return deliverQueue(
    db,
    notifications,
    async (ids) => {
      const rows = await db
        .select({ notification: notifications, recipient: { email: users.email, name: users.name, locale: users.locale }, ...emailContext })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .leftJoin(assignments, eq(assignments.id, notifications.assignmentId))
        .leftJoin(lessons, eq(lessons.id, assignments.lessonId))
        .where(inArray(notifications.id, ids))
        .orderBy(asc(notifications.createdAt));
      return rows.map((row) => {
        const n = row.notification;
        const label = `notification ${n.id} (${n.kind}) to user ${n.userId}`;
        try {
          const mail = renderEmail({ ...n, lessonSlug: row.lessonSlug, deadline: row.deadline }, row.recipient, opts.baseUrl);
          return { id: n.id, mail, messageId: messageIdFor(n.id, opts.from), label };
        } catch (error) {
          return { id: n.id, error, label };
        }
      });
    },
    opts,
  );
}

/** Table and column references for the claim statements. cohortInvitations has the same email columns, so one shape serves both. */
function queueColumns(table: EmailQueueTable) {
  return table as typeof notifications;
}

async function claimPending(db: Db, table: EmailQueueTable, limit: number, leaseMs: number): Promise<Claim[]> {
  const q = queueColumns(table);
  const claimable = db.$with("claimable").as(
    db
      .select({ id: q.id })
      .from(q)
      .where(
        and(
          eq(q.emailStatus, "pending"),
          or(isNull(q.emailedAt), lt(q.emailedAt, sql`now() - ${`${leaseMs} milliseconds`}::interval`)),
        ),
      )
      .orderBy(asc(q.createdAt))
      .limit(limit)
      .for("update", { skipLocked: true }),
  );
  return db
    .with(claimable)
    .update(q)
    .set({ emailedAt: sql`now()`, emailAttempts: sql`${q.emailAttempts} + 1` })
    .from(claimable)
    .where(eq(q.id, claimable.id))
    .returning({ id: q.id, attempt: q.emailAttempts });
}

/** sent / failed: emailedAt is the attempt's time. pending: releases the claim. Only while the claim is still the latest. */
async function mark(db: Db, table: EmailQueueTable, claims: Claim[], status: "sent" | "failed" | "pending"): Promise<void> {
  const q = queueColumns(table);
  await db
    .update(q)
    .set({ emailStatus: status, emailedAt: status === "pending" ? null : sql`now()` })
    .where(
      and(
        eq(q.emailStatus, "pending"),
        or(...claims.map((c) => and(eq(q.id, c.id), eq(q.emailAttempts, c.attempt)))),
      ),
    );
}

/** A nodemailer SMTP transport from SMTP_URL (smtp://user:pass@host:587, smtps://…), or null when unset. */
export function emailTransportFromEnv(env: Record<string, string | undefined> = process.env) {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  // Short timeouts keep one unreachable server from holding a batch near its lease (nodemailer waits minutes by default).
  return nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
}

/** Sender and link base of the emails: EMAIL_FROM, and AUTH_URL (without next-auth's /api/auth) or localhost:PORT. */
export function emailSettingsFromEnv(env: Record<string, string | undefined> = process.env): { from: string; baseUrl: string; smtp: boolean } {
  const authUrl = env.AUTH_URL?.trim().replace(/\/+$/, "").replace(/\/api\/auth$/, "");
  return {
    from: env.EMAIL_FROM?.trim() || "Werkbank <no-reply@werkbank.local>",
    baseUrl: authUrl || `http://localhost:${env.PORT?.trim() || 3000}`,
    smtp: Boolean(env.SMTP_URL?.trim()),
  };
}
