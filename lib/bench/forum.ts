import autocannon from "autocannon";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { cohorts, forumPosts, forumThreads, lessons, memberships, users } from "@/db/schema";
import { demoAssignment } from "@/db/seed/course-content";
import { demoCohorts } from "@/db/seed/demo-accounts";

export const THREADS = 500;
export const REPLIES = 200;

/**
 * The forum's bench data, written straight into the database before the server starts: 500 threads
 * on the value-proposition lesson's board of the demo cohort, one of them with 200 replies by the
 * cohort's members.
 */
export async function seedForum(db: Db): Promise<void> {
  const [cohort] = await db.select({ id: cohorts.id, courseId: cohorts.courseId }).from(cohorts).where(eq(cohorts.inviteCode, demoCohorts.main.inviteCode));
  const [lesson] = await db
    .select({ id: lessons.id })
    .from(lessons)
    .where(and(eq(lessons.courseId, cohort!.courseId), eq(lessons.slug, demoAssignment.lessonSlug)));
  const members = await db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.cohortId, cohort!.id));
  const [anna] = await db.select({ id: users.id }).from(users).where(eq(users.email, "anna.berger@werkbank.test"));
  const start = Date.now() - THREADS * 60_000;
  const threads = await db
    .insert(forumThreads)
    .values(
      Array.from({ length: THREADS }, (_, i) => ({
        cohortId: cohort!.id,
        lessonId: lesson!.id,
        authorId: members[i % members.length]!.id,
        title: `Frage ${i + 1}: Wie grenze ich meine Kundensegmente sauber voneinander ab?`,
        lastActivityAt: new Date(start + i * 60_000),
        createdAt: new Date(start + i * 60_000),
      })),
    )
    .returning({ id: forumThreads.id });
  await db.insert(forumPosts).values(
    threads.map((t, i) => ({ threadId: t.id, authorId: members[i % members.length]!.id, bodyMd: "Ich bin unsicher, ob **Pendler** und **Studierende** wirklich zwei Segmente sind." })),
  );
  // The newest thread, by Anna, gets the long discussion.
  const big = threads[threads.length - 1]!;
  await db.update(forumThreads).set({ authorId: anna!.id, replyCount: REPLIES, lastActivityAt: sql`now()` }).where(eq(forumThreads.id, big.id));
  await db.insert(forumPosts).values(
    Array.from({ length: REPLIES }, (_, i) => ({
      threadId: big.id,
      authorId: members[i % members.length]!.id,
      bodyMd: `Antwort ${i + 1}: Ein Segment ist eine Gruppe mit *eigenen* Jobs, Pains und Gains.\n\n- Unterschiedliche Kanäle?\n- Andere Zahlungsbereitschaft?\n\nDann sind es zwei.`,
      createdAt: new Date(Date.now() - (REPLIES - i) * 1000),
    })),
  );
}

/** The board's first page and the 200-reply thread under 50 connections. */
export async function benchForum(baseUrl: string, cookie: string, seconds: number) {
  const courses = await (await fetch(`${baseUrl}/courses`, { headers: { cookie } })).text();
  const cohortPath = courses.match(/\/cohorts\/[0-9a-f-]{36}/)![0];
  const boardUrl = `${baseUrl}${cohortPath}/lessons/${demoAssignment.lessonSlug}/forum`;
  const board = await (await fetch(boardUrl, { headers: { cookie } })).text();
  const threadPath = board.match(/\/cohorts\/[0-9a-f-]{36}\/forum\/[0-9a-f-]{36}/)?.[0];
  if (!threadPath) throw new Error("no thread link on the board");
  const run = async (url: string) => {
    await autocannon({ url, headers: { cookie }, connections: 5, duration: 2 });
    return autocannon({ url, headers: { cookie }, connections: 50, duration: seconds });
  };
  return { list: await run(boardUrl), thread: await run(`${baseUrl}${threadPath}`) };
}
