import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { postClock } from "@/db/schema";
import { addMember, createCohort, createCourse, createUser } from "@/lib/test/factories";
import { createThread, listThreads, markThreadRead, reply, threadForViewer } from "./store";

const as = (user: { id: string }) => ({ id: user.id, isAdmin: false });

describe("the read marker", () => {
  it("marks what the page showed as read, never a reply the page did not show (a replica behind the primary)", async () => {
    const db = getDb();
    const { course, lessons } = await createCourse(1);
    const cohort = await createCohort(course.id);
    const [author, reader] = [await createUser(), await createUser()];
    await addMember(cohort.id, author.id);
    await addMember(cohort.id, reader.id);
    const board = { cohortId: cohort.id, lessonId: lessons[0]!.id };
    const { threadId } = await createThread(db, as(author), { ...board, title: "Segmente", body: "Erster Entwurf." });
    const unread = async () => (await listThreads(db, { id: reader.id, role: "student" }, board, 1)).threads[0]!.unread;

    const shown = (await threadForViewer(db, reader.id, threadId))!.thread.lastActivityAt;
    expect(await unread()).toBe(true);
    await markThreadRead(db, reader.id, threadId, shown);
    expect(await unread()).toBe(false);

    // A reply the page did not show (it read the thread before the reply reached it): still unread.
    await db.update(postClock).set({ lastPostAt: new Date(Date.now() - 60_000) }).where(eq(postClock.userId, author.id));
    await reply(db, as(author), { threadId, body: "Neue Version." });
    await markThreadRead(db, reader.id, threadId, shown);
    expect(await unread()).toBe(true);

    const now = (await threadForViewer(db, reader.id, threadId))!.thread.lastActivityAt;
    await markThreadRead(db, reader.id, threadId, now);
    expect(await unread()).toBe(false);
  });
});
