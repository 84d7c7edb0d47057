import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, forumPosts, forumReads, forumThreads, memberships, postClock, reviews, submissions, users } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import { actorRole, type Actor } from "@/lib/cohorts/membership";
import { lessonInCohort } from "@/lib/courses/queries";
import { notify } from "@/lib/notifications/store";
import { hidesAuthors, hidesReviewers } from "@/lib/reviews/anonymity";

/**
 * The lesson boards: threads and posts of one lesson in one cohort. Every function authorises on the
 * row: members read and write, hidden things are for instructors' eyes only, a locked thread takes
 * replies from instructors only, and only the author edits or deletes a post.
 */

export const THREAD_PAGE_SIZE = 20;
export const POST_INTERVAL_SECONDS = 5;
const MENTIONS_MAX = 20;

export type ThreadRow = typeof forumThreads.$inferSelect;

async function requireMember(tx: DbOrTx, cohortId: string, actor: Actor) {
  const role = await actorRole(tx, cohortId, actor);
  if (!role) throw new ActionError("not_found", "notFound");
  return role;
}

/**
 * At most one post per member and cohort every 5 seconds. The database decides (a conditional
 * upsert on the post clock), so the limit holds across app servers and parallel requests.
 */
export async function takePostSlot(tx: DbOrTx, userId: string, cohortId: string): Promise<void> {
  const rows = await tx
    .insert(postClock)
    .values({ userId, cohortId, lastPostAt: sql`now()` })
    .onConflictDoUpdate({
      target: [postClock.userId, postClock.cohortId],
      set: { lastPostAt: sql`now()` },
      setWhere: sql`${postClock.lastPostAt} <= now() - make_interval(secs => ${POST_INTERVAL_SECONDS})`,
    })
    .returning({ at: postClock.lastPostAt });
  if (rows.length === 0) throw new ActionError("rate_limited", "postTooSoon");
}

/** Cohort members named with an @ in the text ("@Anna Berger"), the author left out. */
async function mentionedMembers(tx: DbOrTx, cohortId: string, authorId: string, text: string) {
  if (!text.includes("@")) return [];
  const members = await cohortMemberNames(tx, cohortId);
  const lower = text.toLocaleLowerCase();
  return members
    .filter((m) => m.id !== authorId && lower.includes(`@${m.name.toLocaleLowerCase()}`))
    .slice(0, MENTIONS_MAX);
}

async function notifyMentions(
  tx: DbOrTx,
  thread: ThreadRow,
  postId: string,
  actorId: string,
  body: string,
  skip: string[] = [],
  shownActorId: string | null = actorId,
) {
  const mentioned = (await mentionedMembers(tx, thread.cohortId, actorId, body)).filter((m) => !skip.includes(m.id));
  await notify(
    tx,
    mentioned.map((m) => ({
      userId: m.id,
      kind: "mention" as const,
      actorId: shownActorId,
      cohortId: thread.cohortId,
      threadId: thread.id,
      postId,
      subject: thread.title,
    })),
  );
}

export async function createThread(
  tx: DbOrTx,
  actor: Actor,
  input: { cohortId: string; lessonId: string; title: string; body: string },
): Promise<{ threadId: string }> {
  await requireMember(tx, input.cohortId, actor);
  if (!(await lessonInCohort(tx, input.cohortId, input.lessonId))) throw new ActionError("not_found", "notFound");
  await takePostSlot(tx, actor.id, input.cohortId);
  const [thread] = await tx
    .insert(forumThreads)
    .values({ cohortId: input.cohortId, lessonId: input.lessonId, authorId: actor.id, title: input.title })
    .returning();
  const [post] = await tx
    .insert(forumPosts)
    .values({ threadId: thread!.id, authorId: actor.id, bodyMd: input.body })
    .returning({ id: forumPosts.id });
  await notifyMentions(tx, thread!, post!.id, actor.id, `${input.title}\n${input.body}`);
  return { threadId: thread!.id };
}

/**
 * Whether a post by the actor in this thread must not name them: in a submission thread, a reviewer
 * of the submission when reviewers are anonymous, its author when authors are too (double-blind).
 */
async function actorHiddenIn(tx: DbOrTx, thread: ThreadRow, actorId: string): Promise<boolean> {
  if (thread.kind !== "submission") return false;
  const [row] = await tx
    .select({
      anonymity: assignments.anonymity,
      reviews: sql<boolean>`exists(select 1 from ${reviews} r where r.submission_id = ${submissions.id} and r.reviewer_id = ${actorId})`,
    })
    .from(submissions)
    .innerJoin(assignments, eq(assignments.id, submissions.assignmentId))
    .where(eq(submissions.threadId, thread.id))
    .limit(1);
  if (!row) return false;
  if (actorId === thread.authorId) return hidesAuthors(row.anonymity);
  return row.reviews && hidesReviewers(row.anonymity);
}

/** The thread, if the actor may see it (members; hidden ones only instructors), with the actor's role. */
export async function getVisibleThread(tx: DbOrTx, actor: Actor, threadId: string) {
  const [thread] = await tx.select().from(forumThreads).where(eq(forumThreads.id, threadId)).limit(1);
  if (!thread) return null;
  const role = await actorRole(tx, thread.cohortId, actor);
  if (!role || (thread.hidden && role !== "instructor")) return null;
  return { thread, role };
}

export async function reply(tx: DbOrTx, actor: Actor, input: { threadId: string; body: string }): Promise<{ postId: string }> {
  const found = await getVisibleThread(tx, actor, input.threadId);
  if (!found) throw new ActionError("not_found", "notFound");
  const { thread, role } = found;
  if (thread.locked && role !== "instructor") throw new ActionError("forbidden", "threadLocked");
  await takePostSlot(tx, actor.id, thread.cohortId);
  const [post] = await tx
    .insert(forumPosts)
    .values({ threadId: thread.id, authorId: actor.id, bodyMd: input.body })
    .returning({ id: forumPosts.id });
  await tx
    .update(forumThreads)
    .set({ replyCount: sql`${forumThreads.replyCount} + 1`, lastActivityAt: sql`now()` })
    .where(eq(forumThreads.id, thread.id));
  // Where the thread hides the actor's name (anonymous reviewers, double-blind authors), so do the notifications.
  const actorId = (await actorHiddenIn(tx, thread, actor.id)) ? null : actor.id;
  // The thread's author hears of replies; anyone named hears of the mention (once: a mention of the author is the reply).
  await notify(tx, [
    {
      userId: thread.authorId,
      kind: "reply",
      actorId,
      cohortId: thread.cohortId,
      threadId: thread.id,
      postId: post!.id,
      subject: thread.title,
    },
  ]);
  await notifyMentions(tx, thread, post!.id, actor.id, input.body, [thread.authorId], actorId);
  return { postId: post!.id };
}

async function ownPost(tx: DbOrTx, actor: Actor, postId: string) {
  const [row] = await tx
    .select({ post: forumPosts, thread: forumThreads, reviewId: reviews.id })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .leftJoin(reviews, eq(reviews.postId, forumPosts.id))
    .where(eq(forumPosts.id, postId))
    .limit(1);
  // Someone else's post, or one the actor cannot see any more, is not found for them.
  if (!row || row.post.authorId !== actor.id || row.post.deletedAt) throw new ActionError("not_found", "notFound");
  const role = await actorRole(tx, row.thread.cohortId, actor);
  if (!role || ((row.thread.hidden || row.post.hidden) && role !== "instructor")) throw new ActionError("not_found", "notFound");
  if (row.thread.locked && role !== "instructor") throw new ActionError("forbidden", "threadLocked");
  // A peer review's post is the review as submitted: it is not edited or deleted like a reply.
  if (row.reviewId) throw new ActionError("forbidden", "reviewPostFixed");
  return row;
}

export async function editPost(tx: DbOrTx, actor: Actor, input: { postId: string; body: string }): Promise<{ threadId: string }> {
  const { thread } = await ownPost(tx, actor, input.postId);
  await tx.update(forumPosts).set({ bodyMd: input.body, editedAt: sql`now()` }).where(eq(forumPosts.id, input.postId));
  return { threadId: thread.id };
}

/** Soft delete: the post stays in the thread as "deleted" so replies keep their context; its text is gone. */
export async function deletePost(tx: DbOrTx, actor: Actor, postId: string): Promise<{ threadId: string }> {
  const { thread } = await ownPost(tx, actor, postId);
  await tx.update(forumPosts).set({ bodyMd: "", deletedAt: sql`now()` }).where(eq(forumPosts.id, postId));
  return { threadId: thread.id };
}

export type Moderation = "pin" | "unpin" | "lock" | "unlock" | "hide" | "unhide";

export async function moderateThread(tx: DbOrTx, actor: Actor, threadId: string, action: Moderation) {
  const [thread] = await tx.select().from(forumThreads).where(eq(forumThreads.id, threadId)).limit(1);
  if (!thread) throw new ActionError("not_found", "notFound");
  const role = await actorRole(tx, thread.cohortId, actor);
  if (role !== "instructor") throw new ActionError("not_found", "notFound");
  const set = {
    pin: { pinned: true },
    unpin: { pinned: false },
    lock: { locked: true },
    unlock: { locked: false },
    hide: { hidden: true },
    unhide: { hidden: false },
  }[action];
  await tx.update(forumThreads).set(set).where(eq(forumThreads.id, threadId));
  return thread;
}

export async function setPostHidden(tx: DbOrTx, actor: Actor, postId: string, hidden: boolean) {
  const [row] = await tx
    .select({ thread: forumThreads })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(eq(forumPosts.id, postId))
    .limit(1);
  if (!row || (await actorRole(tx, row.thread.cohortId, actor)) !== "instructor") throw new ActionError("not_found", "notFound");
  await tx.update(forumPosts).set({ hidden }).where(eq(forumPosts.id, postId));
  return row.thread;
}

/** A page of the board: pinned first, then by last activity; unread = active since the viewer last read it. */
export async function listThreads(
  db: DbOrTx,
  viewer: { id: string; role: "student" | "instructor" },
  board: { cohortId: string; lessonId: string },
  page: number,
) {
  const visible = and(
    eq(forumThreads.cohortId, board.cohortId),
    eq(forumThreads.lessonId, board.lessonId),
    viewer.role === "instructor" ? undefined : eq(forumThreads.hidden, false),
  );
  // The count rides along as a window over the same rows: one statement for the page and the total.
  const rows = await db
    .select({
      id: forumThreads.id,
      title: forumThreads.title,
      kind: forumThreads.kind,
      pinned: forumThreads.pinned,
      locked: forumThreads.locked,
      hidden: forumThreads.hidden,
      replyCount: forumThreads.replyCount,
      lastActivityAt: forumThreads.lastActivityAt,
      createdAt: forumThreads.createdAt,
      authorId: forumThreads.authorId,
      authorName: users.name,
      unread: sql<boolean>`(${forumReads.readAt} is null or ${forumReads.readAt} < ${forumThreads.lastActivityAt})`,
      // The board hides a submission thread's author (its title names them) only under double-blind.
      anonymous: sql<boolean>`coalesce(${assignments.anonymity} = 'double', false)`,
      total: sql<number>`count(*) over ()`,
    })
    .from(forumThreads)
    .innerJoin(users, eq(users.id, forumThreads.authorId))
    .leftJoin(submissions, eq(submissions.threadId, forumThreads.id))
    .leftJoin(assignments, eq(assignments.id, submissions.assignmentId))
    .leftJoin(forumReads, and(eq(forumReads.threadId, forumThreads.id), eq(forumReads.userId, viewer.id)))
    .where(visible)
    .orderBy(desc(forumThreads.pinned), desc(forumThreads.lastActivityAt), desc(forumThreads.id))
    .limit(THREAD_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * THREAD_PAGE_SIZE);
  // Past the last page there is no row to carry the count: only then is it asked for on its own.
  const total = rows[0] ? Number(rows[0].total) : page > 1 ? ((await db.select({ n: count() }).from(forumThreads).where(visible))[0]?.n ?? 0) : 0;
  return { threads: rows.map(({ total: _, ...row }) => row), total, pages: Math.max(1, Math.ceil(total / THREAD_PAGE_SIZE)) };
}

/** The posts of a thread in order; hidden posts only for instructors; deleted ones keep their place without text. */
export async function listPosts(db: DbOrTx, threadId: string, role: "student" | "instructor") {
  return db
    .select({
      id: forumPosts.id,
      authorId: forumPosts.authorId,
      authorName: users.name,
      bodyMd: forumPosts.bodyMd,
      hidden: forumPosts.hidden,
      editedAt: forumPosts.editedAt,
      deletedAt: forumPosts.deletedAt,
      createdAt: forumPosts.createdAt,
    })
    .from(forumPosts)
    .innerJoin(users, eq(users.id, forumPosts.authorId))
    .where(and(eq(forumPosts.threadId, threadId), role === "instructor" ? undefined : eq(forumPosts.hidden, false)))
    .orderBy(asc(forumPosts.createdAt), asc(forumPosts.id));
}

/** Posts per page of a thread. */
export const POSTS_PER_PAGE = 50;

/**
 * A thread for a page: the row, its author's name and when the viewer last read it, in one
 * statement. Visibility (membership, hidden threads) is decided by the caller, on the row.
 */
export async function threadForViewer(db: DbOrTx, viewerId: string, threadId: string) {
  const [row] = await db
    .select({ thread: forumThreads, authorName: users.name, readAt: forumReads.readAt })
    .from(forumThreads)
    .innerJoin(users, eq(users.id, forumThreads.authorId))
    .leftJoin(forumReads, and(eq(forumReads.threadId, forumThreads.id), eq(forumReads.userId, viewerId)))
    .where(eq(forumThreads.id, threadId))
    .limit(1);
  return row ?? null;
}

/**
 * Marks the thread read for the viewer, unless it has had activity after `shown` (its last activity
 * as the page showed it, perhaps read from a replica that is behind): a post the viewer has not seen
 * stays unread. Timestamps reach JS cut to milliseconds, hence "after" = a millisecond later.
 */
export async function markThreadRead(db: DbOrTx, userId: string, threadId: string, shown: Date): Promise<void> {
  await db.execute(sql`
    insert into forum_reads (user_id, thread_id, read_at)
    select ${userId}::uuid, t.id, now() from forum_threads t
    where t.id = ${threadId}::uuid and t.last_activity_at < ${shown.toISOString()}::timestamptz + interval '1 millisecond'
    on conflict (user_id, thread_id) do update set read_at = excluded.read_at`);
}

/** Members of the cohort for @mention autocomplete. */
export async function cohortMemberNames(db: DbOrTx, cohortId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.cohortId, cohortId))
    .orderBy(users.name);
}
