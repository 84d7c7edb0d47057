import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { assignments, excusals, forumThreads, notifications, reminders, reviews, submissions } from "@/db/schema";
import { addMember, createCohort, createCourse, createUser } from "@/lib/test/factories";
import { sendDeadlineReminders } from "./reminders";

const HOUR = 3_600_000;
const NOW = new Date("2030-03-01T09:00:00Z");
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

async function cohortWithAssignment(submissionDue: Date, reviewDue: Date) {
  const db = getDb();
  const { course, lessons } = await createCourse(1);
  const cohort = await createCohort(course.id);
  const [assignment] = await db
    .insert(assignments)
    .values({ cohortId: cohort.id, lessonId: lessons[0]!.id, requirements: [], rubric: [], submissionDue, reviewDue })
    .returning();
  const member = async (name: string, role: "student" | "instructor" = "student") => {
    const user = await createUser({ name });
    await addMember(cohort.id, user.id, role);
    return user;
  };
  return { cohort, lesson: lessons[0]!, assignment: assignment!, member };
}

async function submit(a: { id: string; cohortId: string; lessonId: string }, authorId: string) {
  const db = getDb();
  const [thread] = await db
    .insert(forumThreads)
    .values({ cohortId: a.cohortId, lessonId: a.lessonId, authorId, kind: "submission", title: "Abgabe" })
    .returning();
  const [submission] = await db
    .insert(submissions)
    .values({ assignmentId: a.id, cohortId: a.cohortId, authorId, threadId: thread!.id })
    .returning();
  return submission!;
}

async function deadlineNotifications(userId: string) {
  return getDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, "deadline")));
}

describe("sendDeadlineReminders: submissions", () => {
  it("reminds a student who has not submitted exactly once, however often and however concurrently it runs", async () => {
    const { assignment, lesson, member } = await cohortWithAssignment(at(20), at(72));
    const [late, done, excused, instructor] = [await member("Anna"), await member("Ben"), await member("Clara"), await member("Lena", "instructor")];
    await submit(assignment, done.id);
    await getDb().insert(excusals).values({ assignmentId: assignment.id, userId: excused.id });

    const results = await Promise.all([sendDeadlineReminders(getDb(), NOW), sendDeadlineReminders(getDb(), NOW)]);
    const later = await sendDeadlineReminders(getDb(), at(1));

    expect(results.map((r) => r.submission).sort()).toEqual([0, 1]);
    expect(later).toEqual({ submission: 0, review: 0 });
    const [sent, ...more] = await deadlineNotifications(late.id);
    expect(more).toHaveLength(0);
    expect(sent).toMatchObject({
      cohortId: assignment.cohortId,
      assignmentId: assignment.id,
      threadId: null,
      subject: lesson.title,
      count: 1,
      emailStatus: "pending",
      createdAt: NOW,
    });
    for (const user of [done, excused, instructor]) expect(await deadlineNotifications(user.id)).toHaveLength(0);
    const rows = await getDb().select().from(reminders).where(eq(reminders.assignmentId, assignment.id));
    expect(rows).toEqual([expect.objectContaining({ userId: late.id, kind: "submission", sentAt: NOW })]);
  });

  it("stays quiet outside the 24 hours before the deadline", async () => {
    const { member } = await cohortWithAssignment(at(25), at(72));
    const past = await cohortWithAssignment(at(-1), at(72));
    const anna = await member("Anna");
    const ben = await past.member("Ben");

    expect(await sendDeadlineReminders(getDb(), NOW)).toEqual({ submission: 0, review: 0 });
    expect(await deadlineNotifications(anna.id)).toHaveLength(0);
    // An hour and a bit later the first deadline is inside the window; the passed one never is.
    expect(await sendDeadlineReminders(getDb(), at(1.5))).toEqual({ submission: 1, review: 0 });
    expect(await deadlineNotifications(anna.id)).toHaveLength(1);
    expect(await deadlineNotifications(ben.id)).toHaveLength(0);
  });
});

describe("sendDeadlineReminders: reviews", () => {
  it("reminds a reviewer with open reviews due within 24 hours once per assignment, counting them", async () => {
    const { assignment, lesson, member } = await cohortWithAssignment(at(-2), at(10));
    const [anna, ben, clara, deniz] = [await member("Anna"), await member("Ben"), await member("Clara"), await member("Deniz")];
    const subs = new Map<string, { id: string; authorId: string }>();
    for (const u of [anna, ben, clara, deniz]) subs.set(u.id, await submit(assignment, u.id));
    const review = (reviewerId: string, authorId: string, over: Partial<typeof reviews.$inferInsert> = {}) => ({
      assignmentId: assignment.id,
      cohortId: assignment.cohortId,
      submissionId: subs.get(authorId)!.id,
      authorId,
      reviewerId,
      dueAt: at(10),
      ...over,
    });
    await getDb()
      .insert(reviews)
      .values([
        review(anna.id, ben.id), // anna: two open, one started
        review(anna.id, clara.id, { status: "draft" }),
        review(ben.id, clara.id, { status: "submitted", submittedAt: NOW }), // ben: done
        review(clara.id, deniz.id, { dueAt: at(30) }), // clara: due later
        review(deniz.id, anna.id, { status: "expired", dueAt: at(-1) }), // deniz: past
      ]);

    const results = await Promise.all([sendDeadlineReminders(getDb(), NOW), sendDeadlineReminders(getDb(), NOW)]);
    await sendDeadlineReminders(getDb(), at(2));

    expect(results.map((r) => r.review).sort()).toEqual([0, 1]);
    expect(results.every((r) => r.submission === 0)).toBe(true);
    const annas = await deadlineNotifications(anna.id);
    expect(annas).toEqual([
      expect.objectContaining({ assignmentId: assignment.id, subject: lesson.title, count: 2, threadId: null, actorId: null }),
    ]);
    for (const user of [ben, clara, deniz]) expect(await deadlineNotifications(user.id)).toHaveLength(0);

    // Clara's review comes within 24 hours later on: she is reminded then, once.
    expect(await sendDeadlineReminders(getDb(), at(7))).toEqual({ submission: 0, review: 1 });
    expect(await sendDeadlineReminders(getDb(), at(8))).toEqual({ submission: 0, review: 0 });
    expect(await deadlineNotifications(clara.id)).toHaveLength(1);
  });
});
