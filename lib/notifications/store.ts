import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notifications, users } from "@/db/schema";

export type NotificationInput = typeof notifications.$inferInsert;

/**
 * The one sender: in-app rows, written in the caller's transaction (a notification exists exactly
 * when what it tells of does). Nobody is notified of their own doing.
 */
export async function notify(tx: DbOrTx, rows: NotificationInput[]): Promise<void> {
  const wanted = rows
    .filter((r) => r.userId !== r.actorId)
    .map((r) => ({ ...r, subject: (r.subject ?? "").slice(0, 300), emailStatus: EMAIL_KINDS.has(r.kind) ? ("pending" as const) : ("none" as const) }));
  // A pairing of thousands tells thousands at once: stay under the driver's parameter limit.
  for (let i = 0; i < wanted.length; i += 4000) await tx.insert(notifications).values(wanted.slice(i, i + 4000));
}

/** The kinds that are also sent as email (or land in the outbox without SMTP). */
export const EMAIL_KINDS: ReadonlySet<NotificationInput["kind"]> = new Set(["review_assigned", "review_received", "deadline"]);

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
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
      count: notifications.count,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      actorName: users.name,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
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
