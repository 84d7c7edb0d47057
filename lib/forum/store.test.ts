import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { forumPosts, postClock } from "@/db/schema";
import { listNotifications, unreadCount } from "@/lib/notifications/store";
import { addMember, createCohort, createCourse, createUser } from "@/lib/test/factories";
import { refusal } from "@/lib/test/refusal";
import {
  createThread,
  deletePost,
  editPost,
  getVisibleThread,
  listPosts,
  listThreads,
  moderateThread,
  reply,
  setPostHidden,
} from "./store";

const as = (user: { id: string }) => ({ id: user.id, isAdmin: false });

/** Lets the next post through: the post clock is the only thing between two posts of one member. */
async function rewindClock(userId: string) {
  await getDb().update(postClock).set({ lastPostAt: new Date(Date.now() - 60_000) }).where(eq(postClock.userId, userId));
}

async function board() {
  const { course, lessons } = await createCourse(1);
  const cohort = await createCohort(course.id);
  const other = await createCohort(course.id);
  const [owner, classmate, instructor, stranger, otherInstructor] = await Promise.all([
    createUser({ name: "Anna Berger" }),
    createUser({ name: "Ben Schulz" }),
    createUser({ name: "Lena Keller" }),
    createUser({ name: "Ida Roth" }),
    createUser({ name: "Jonas Frank" }),
  ]);
  await addMember(cohort.id, owner!.id);
  await addMember(cohort.id, classmate!.id);
  await addMember(cohort.id, instructor!.id, "instructor");
  await addMember(other.id, stranger!.id);
  await addMember(other.id, otherInstructor!.id, "instructor");
  const { threadId } = await createThread(getDb(), as(owner!), {
    cohortId: cohort.id,
    lessonId: lessons[0]!.id,
    title: "Wie findet ihr meine Segmente?",
    body: "Erster Entwurf.",
  });
  return { cohort, lesson: lessons[0]!, owner: owner!, classmate: classmate!, instructor: instructor!, stranger: stranger!, otherInstructor: otherInstructor!, threadId };
}

describe("forum", () => {
  it("members of the cohort read and reply; members of another cohort see nothing", async () => {
    const { owner, classmate, instructor, stranger, otherInstructor, threadId } = await board();
    const db = getDb();
    for (const member of [owner, classmate, instructor]) expect(await getVisibleThread(db, as(member), threadId)).not.toBeNull();
    for (const outsider of [stranger, otherInstructor]) {
      expect(await getVisibleThread(db, as(outsider), threadId)).toBeNull();
      expect(await refusal(reply(db, as(outsider), { threadId, body: "Hallo" }))).toBe("notFound");
    }
    await reply(db, as(classmate), { threadId, body: "Gefällt mir." });
    expect((await listPosts(db, threadId, "student")).map((p) => p.bodyMd)).toEqual(["Erster Entwurf.", "Gefällt mir."]);
  });

  it("only the author edits and deletes a post; deleting keeps its place without text", async () => {
    const { owner, classmate, instructor, threadId } = await board();
    const db = getDb();
    const [first] = await listPosts(db, threadId, "student");
    for (const other of [classmate, instructor]) {
      expect(await refusal(editPost(db, as(other), { postId: first!.id, body: "gekapert" }))).toBe("notFound");
      expect(await refusal(deletePost(db, as(other), first!.id))).toBe("notFound");
    }
    await editPost(db, as(owner), { postId: first!.id, body: "Zweiter Entwurf." });
    await deletePost(db, as(owner), first!.id);
    const [row] = await db.select().from(forumPosts).where(eq(forumPosts.id, first!.id));
    expect(row).toMatchObject({ bodyMd: "" });
    expect(row!.editedAt).not.toBeNull();
    expect(row!.deletedAt).not.toBeNull();
  });

  it("instructors pin, lock and hide; hidden things are invisible to students; a locked thread takes no student replies", async () => {
    const { cohort, lesson, owner, classmate, instructor, otherInstructor, threadId } = await board();
    const db = getDb();
    expect(await refusal(moderateThread(db, as(classmate), threadId, "pin"))).toBe("notFound");
    expect(await refusal(moderateThread(db, as(otherInstructor), threadId, "hide"))).toBe("notFound");
    await moderateThread(db, as(instructor), threadId, "lock");
    expect(await refusal(reply(db, as(classmate), { threadId, body: "Noch was" }))).toBe("threadLocked");
    await reply(db, as(instructor), { threadId, body: "Danke, ich schließe hier." });
    const posts = await listPosts(db, threadId, "instructor");
    await setPostHidden(db, as(instructor), posts[0]!.id, true);
    expect((await listPosts(db, threadId, "student")).map((p) => p.bodyMd)).toEqual(["Danke, ich schließe hier."]);
    await moderateThread(db, as(instructor), threadId, "hide");
    expect(await getVisibleThread(db, as(owner), threadId)).toBeNull();
    const boardOf = (role: "student" | "instructor", id: string) =>
      listThreads(db, { id, role }, { cohortId: cohort.id, lessonId: lesson.id }, 1);
    expect((await boardOf("student", classmate.id)).total).toBe(0);
    expect((await boardOf("instructor", instructor.id)).threads.map((t) => t.hidden)).toEqual([true]);
  });

  it("lets a member post at most once every 5 seconds, counted by the database", async () => {
    const { classmate, threadId } = await board();
    const db = getDb();
    await reply(db, as(classmate), { threadId, body: "Eins" });
    expect(await refusal(reply(db, as(classmate), { threadId, body: "Zwei" }))).toBe("postTooSoon");
    // Once the 5 seconds are over, ten parallel replies: exactly one gets through.
    await rewindClock(classmate.id);
    const parallel = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => db.transaction((tx) => reply(tx, as(classmate), { threadId, body: `Parallel ${i}` }))),
    );
    expect(parallel.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const mine = (await listPosts(db, threadId, "student")).filter((p) => p.authorId === classmate.id);
    expect(mine).toHaveLength(2);
  });

  it("notifies the thread's author of a reply and anyone @mentioned, never the writer", async () => {
    const { owner, classmate, instructor, threadId } = await board();
    const db = getDb();
    expect(await unreadCount(db, owner.id)).toBe(0);
    await reply(db, as(classmate), { threadId, body: "Schau mal, @Lena Keller, und @anna berger natürlich." });
    expect(await unreadCount(db, owner.id)).toBe(1);
    expect((await listNotifications(db, owner.id))[0]).toMatchObject({ kind: "reply", actorName: "Ben Schulz" });
    expect((await listNotifications(db, instructor.id)).map((n) => n.kind)).toEqual(["mention"]);
    expect(await unreadCount(db, classmate.id)).toBe(0);
  });
});
