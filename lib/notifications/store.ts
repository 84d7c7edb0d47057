import { and, desc, eq, isNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "@/db";
import { assignments, lessons, notifications, users } from "@/db/schema";

export type NotificationInput = typeof notifications.$inferInsert;

/**
 * The one sender: in-app rows, written in the caller's transaction (a notification exists exactly
 * when what it tells of does). Nobody is notified of their own doing.
 */
export async function notify(tx: DbOrTx, rows: NotificationInput[]): Promise<void> {
  const wanted = rows
    .filter((r) => r.userId !== r.actorId)
    .map((r) => ({ ...r, subject: (r.subject ?? "").slice(0, 300), emailStatus: EMAIL_KINDS.has(r.kind) ? ("pending" as const) : ("none" as const) }));
  if (wanted.length === 0) return;
  // One statement however many: a pairing of thousands tells thousands at once (no parameter limit; bench: 0.9 s → 0.2 s for 10,000).
  const payload = JSON.stringify(
    wanted.map((r) => ({
      user_id: r.userId,
      kind: r.kind,
      actor_id: r.actorId ?? null,
      cohort_id: r.cohortId ?? null,
      thread_id: r.threadId ?? null,
      post_id: r.postId ?? null,
      assignment_id: r.assignmentId ?? null,
      count: r.count ?? 1,
      subject: r.subject,
      deadline_kind: r.deadlineKind ?? null,
      email_status: r.emailStatus,
      created_at: r.createdAt instanceof Date ? r.createdAt.toISOString() : null,
    })),
  );
  await tx.execute(sql`
    insert into ${notifications} (user_id, kind, actor_id, cohort_id, thread_id, post_id, assignment_id, count, subject, deadline_kind, email_status, created_at)
    select user_id, kind::notification_kind, actor_id, cohort_id, thread_id, post_id, assignment_id, count, subject,
           deadline_kind::reminder_kind, email_status::email_status, coalesce(created_at, now())
    from json_to_recordset(${payload}::json) as x(user_id uuid, kind text, actor_id uuid, cohort_id uuid, thread_id uuid, post_id uuid,
      assignment_id uuid, count int, subject text, deadline_kind text, email_status text, created_at timestamptz)`);
}

/** The kinds that are also sent as email (or land in the outbox without SMTP). */
export const EMAIL_KINDS: ReadonlySet<NotificationInput["kind"]> = new Set(["review_assigned", "review_received", "deadline", "review_sent_back", "grades_released"]);

/** A user's unread notifications as a scalar subquery: the header reads it inside the session's statement. */
export function unreadCountSql(userId: SQL | SQLWrapper | string): SQL<number> {
  return sql<number>`(select count(*)::int from ${notifications} n where n.user_id = ${userId} and n.read_at is null)`;
}

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select ${unreadCountSql(userId)} as n`));
  return Number(row?.n ?? 0);
}

export async function listNotifications(db: DbOrTx, userId: string, limit = 50) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      subject: notifications.subject,
      cohortId: notifications.cohortId,
      threadId: notifications.threadId,
      postId: notifications.postId,
      assignmentId: notifications.assignmentId,
      deadlineKind: notifications.deadlineKind,
      count: notifications.count,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      actorName: users.name,
      lessonSlug: lessons.slug,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .leftJoin(assignments, eq(assignments.id, notifications.assignmentId))
    .leftJoin(lessons, eq(lessons.id, assignments.lessonId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

/** Marks the user's notifications read: all, or one. */
export async function markRead(db: DbOrTx, userId: string, id?: string): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined));
}
