import { eq, inArray, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { assignments, forumThreads, notifications } from "@/db/schema";
import { addMember, createCohort, createCourse, createUser } from "@/lib/test/factories";
import { deliverPendingEmails, emailLeaseMs, emailSettingsFromEnv, listOutbox, messageIdFor, renderEmail, type MailTransport } from "./email";
import { sendDeadlineReminders } from "./reminders";
import { notify } from "./store";

const BASE = "https://werkbank.example/";
const COHORT = "11111111-1111-4111-8111-111111111111";
const THREAD = "22222222-2222-4222-8222-222222222222";
const anna = (locale: string) => ({ email: "anna@example.test", name: "Anna Berger", locale });
const row = (over: Partial<Parameters<typeof renderEmail>[0]>): Parameters<typeof renderEmail>[0] => ({
  kind: "review_assigned",
  cohortId: COHORT,
  threadId: null,
  postId: null,
  count: 1,
  subject: "Wertversprechen",
  ...over,
});

/** nodemailer's JSON transport, keeping what it would have sent. */
function recordingTransport() {
  const json = nodemailer.createTransport({ jsonTransport: true });
  const sent: { to: { address: string }[]; from: { address: string }; subject: string; text: string; messageId: string }[] = [];
  const transport: MailTransport = {
    async sendMail(mail) {
      const info = await json.sendMail(mail);
      sent.push(JSON.parse(info.message));
      return info;
    },
  };
  return { transport, sent };
}

async function cohortWithPeople() {
  const { course, lessons } = await createCourse(1);
  const cohort = await createCohort(course.id);
  const student = await createUser({ name: "Anna Berger", locale: "en" });
  const reviewer = await createUser({ name: "Rita Reviewer" });
  for (const u of [student, reviewer]) await addMember(cohort.id, u.id);
  const [thread] = await getDb()
    .insert(forumThreads)
    .values({ cohortId: cohort.id, lessonId: lessons[0]!.id, authorId: student.id, kind: "submission", title: "Anna's canvas" })
    .returning();
  return { cohort, lesson: lessons[0]!, student, reviewer, thread: thread! };
}

const statusOf = async (ids: string[]) =>
  new Map(
    (await getDb().select().from(notifications).where(inArray(notifications.id, ids))).map((n) => [n.id, n] as const),
  );

describe("messageIdFor and emailLeaseMs", () => {
  it("derives one Message-ID per notification, in the sender's domain", () => {
    const id = "33333333-3333-4333-8333-333333333333";
    expect(messageIdFor(id, "Werkbank <no-reply@Werkbank.Example>")).toBe(`<notification-${id}@werkbank.example>`);
    expect(messageIdFor(id, "mail@school.test")).toBe(`<notification-${id}@school.test>`);
    expect(messageIdFor(id, "Werkbank")).toBe(`<notification-${id}@werkbank.local>`);
  });

  it("reads the lease from WERKBANK_EMAIL_LEASE_SECONDS, 10 minutes when unset or invalid", () => {
    expect(emailLeaseMs({})).toBe(600_000);
    expect(emailLeaseMs({ WERKBANK_EMAIL_LEASE_SECONDS: "3" })).toBe(3_000);
    expect(emailLeaseMs({ WERKBANK_EMAIL_LEASE_SECONDS: "0" })).toBe(600_000);
    expect(emailLeaseMs({ WERKBANK_EMAIL_LEASE_SECONDS: "soon" })).toBe(600_000);
  });
});

describe("renderEmail", () => {
  it("writes review assignments in German by default and in English on request, with plurals and the reviews link", () => {
    const de = renderEmail(row({ count: 3 }), anna("de"), BASE);
    expect(de.to).toBe("anna@example.test");
    expect(de.subject).toBe("3 neue Feedbacks zu geben: „Wertversprechen“");
    expect(de.text).toContain("Hallo Anna Berger,");
    expect(de.text).toContain(`https://werkbank.example/cohorts/${COHORT}/reviews\n`);
    expect(renderEmail(row({}), anna("fr"), BASE).subject).toBe("Neues Feedback zu geben: „Wertversprechen“");

    const en = renderEmail(row({ count: 1 }), anna("en"), BASE);
    expect(en.subject).toBe("A new review to give: “Wertversprechen”");
    expect(en.text).toContain("you have a new review to give for “Wertversprechen”.");
    expect(renderEmail(row({ count: 2 }), anna("en"), BASE).text).toContain("you have 2 new reviews to give");
  });

  it("links a received review to the submission's thread and post", () => {
    const email = renderEmail(row({ kind: "review_received", threadId: THREAD, postId: THREAD }), anna("en"), BASE);
    expect(email.subject).toBe("New review of your submission “Wertversprechen”");
    expect(email.text).toContain(`/cohorts/${COHORT}/forum/${THREAD}?post=${THREAD}#post-${THREAD}`);
    expect(renderEmail(row({ kind: "review_received", threadId: THREAD }), anna("de"), BASE).subject).toBe(
      "Neues Feedback zu deiner Abgabe „Wertversprechen“",
    );
  });

  it("tells the submission deadline from the review deadline, and keeps subjects on one line", () => {
    const submission = renderEmail(row({ kind: "deadline", deadline: "submission", lessonSlug: "lesson-1" }), anna("de"), BASE);
    expect(submission.subject).toBe("Abgabefrist für „Wertversprechen“ endet in 24 Stunden");
    expect(submission.text).toContain(`/cohorts/${COHORT}/lessons/lesson-1\n`);
    const review = renderEmail(row({ kind: "deadline", deadline: "review", count: 2 }), anna("en"), BASE);
    expect(review.subject).toBe("Your reviews for “Wertversprechen” are due in 24 hours");
    expect(review.text).toContain("2 of your reviews");
    expect(renderEmail(row({ kind: "deadline", deadline: "submission", subject: "Evil\r\nBcc: x@y" }), anna("en"), BASE).subject).toBe(
      "“Evil Bcc: x@y” is due in 24 hours",
    );
  });

  it("refuses kinds that are in-app only", () => {
    expect(() => renderEmail(row({ kind: "reply" }), anna("de"), BASE)).toThrow(/not sent as email/);
  });
});

describe("deliverPendingEmails", () => {
  it("sends pending emails once, marks them sent and leaves in-app notifications alone", async () => {
    const db = getDb();
    const { cohort, student, reviewer, thread } = await cohortWithPeople();
    await notify(db, [
      { userId: student.id, kind: "review_received", actorId: reviewer.id, cohortId: cohort.id, threadId: thread.id, subject: "Lektion 1" },
      { userId: student.id, kind: "reply", actorId: reviewer.id, cohortId: cohort.id, threadId: thread.id, subject: "Anna's canvas" },
    ]);
    const { transport, sent } = recordingTransport();

    const result = await deliverPendingEmails(db, { transport, from: "Werkbank <no-reply@werkbank.test>", baseUrl: BASE });
    expect(result).toEqual({ claimed: 1, sent: 1, failed: 0 });
    expect(await deliverPendingEmails(db, { transport, from: "x@y.test", baseUrl: BASE })).toEqual({ claimed: 0, sent: 0, failed: 0 });

    expect(sent).toHaveLength(1);
    expect(sent[0]!.to[0]!.address).toBe(student.email);
    expect(sent[0]!.from.address).toBe("no-reply@werkbank.test");
    expect(sent[0]!.subject).toBe("New review of your submission “Lektion 1”");
    expect(sent[0]!.text).toContain(`/cohorts/${cohort.id}/forum/${thread.id}`);
    expect(sent[0]!.text).not.toContain("Rita");

    const rows = await db.select().from(notifications).where(eq(notifications.userId, student.id));
    const email = rows.find((r) => r.kind === "review_received")!;
    const reply = rows.find((r) => r.kind === "reply")!;
    expect(email.emailStatus).toBe("sent");
    expect(email.emailedAt).toBeInstanceOf(Date);
    expect(email.emailAttempts).toBe(1);
    expect(sent[0]!.messageId).toBe(`<notification-${email.id}@werkbank.test>`);
    expect(reply).toMatchObject({ emailStatus: "none", emailedAt: null, emailAttempts: 0 });
  });

  it("marks an email failed when the transport throws, and goes on with the next", async () => {
    const db = getDb();
    const { cohort, student, reviewer } = await cohortWithPeople();
    await notify(db, [
      { userId: reviewer.id, kind: "review_assigned", cohortId: cohort.id, count: 2, subject: "Lektion 1", createdAt: new Date(Date.now() - 2000) },
      { userId: student.id, kind: "review_assigned", cohortId: cohort.id, count: 1, subject: "Lektion 1", createdAt: new Date(Date.now() - 1000) },
    ]);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    let calls = 0;
    const transport: MailTransport = {
      async sendMail() {
        if (calls++ === 0) throw new Error("550 mailbox unavailable");
        return {};
      },
    };

    expect(await deliverPendingEmails(db, { transport, from: "x@y.test", baseUrl: BASE })).toEqual({ claimed: 2, sent: 1, failed: 1 });
    expect(log).toHaveBeenCalledWith(expect.stringContaining("failed"), expect.any(Error));
    log.mockRestore();
    const rows = await db.select().from(notifications).where(eq(notifications.cohortId, cohort.id));
    expect(rows.find((r) => r.userId === reviewer.id)!.emailStatus).toBe("failed");
    expect(rows.find((r) => r.userId === student.id)!.emailStatus).toBe("sent");
  });

  it("takes over a claim only after its lease has run out", async () => {
    const db = getDb();
    const { cohort, student, reviewer } = await cohortWithPeople();
    await notify(db, [
      { userId: student.id, kind: "review_assigned", cohortId: cohort.id, subject: "stale" },
      { userId: reviewer.id, kind: "review_assigned", cohortId: cohort.id, subject: "fresh" },
    ]);
    // Two claims of sweeps that never finished: one 11 minutes ago, one a minute ago.
    const claimedAgo = (interval: string) => ({ emailedAt: sql`now() - ${interval}::interval`, emailAttempts: 1 });
    await db.update(notifications).set(claimedAgo("11 minutes")).where(eq(notifications.userId, student.id));
    await db.update(notifications).set(claimedAgo("1 minute")).where(eq(notifications.userId, reviewer.id));
    const { transport, sent } = recordingTransport();

    expect(await deliverPendingEmails(db, { transport, from: "x@y.test", baseUrl: BASE })).toMatchObject({ sent: 1 });
    expect(sent.map((m) => m.to[0]!.address)).toEqual([student.email]);
    // The resend is on record (a second attempt) and carries the first attempt's Message-ID.
    const [taken] = await db.select().from(notifications).where(eq(notifications.userId, student.id));
    expect(taken).toMatchObject({ emailStatus: "sent", emailAttempts: 2 });
    expect(sent[0]!.messageId).toBe(messageIdFor(taken!.id, "x@y.test"));

    // A shorter lease (the option, or WERKBANK_EMAIL_LEASE_SECONDS) takes the minute-old claim too.
    expect(await deliverPendingEmails(db, { transport, from: "x@y.test", baseUrl: BASE, leaseSeconds: 120 })).toMatchObject({ claimed: 0 });
    expect(await deliverPendingEmails(db, { transport, from: "x@y.test", baseUrl: BASE, leaseSeconds: 30 })).toMatchObject({ sent: 1 });
    const [reviewers] = await db.select().from(notifications).where(eq(notifications.userId, reviewer.id));
    expect(reviewers).toMatchObject({ emailStatus: "sent", emailAttempts: 2 });
  });

  it("lets only the latest claim mark an email: a sweep whose lease was taken over leaves it to the new one", async () => {
    const db = getDb();
    const { cohort, student } = await cohortWithPeople();
    await notify(db, [{ userId: student.id, kind: "review_assigned", cohortId: cohort.id, subject: "Lektion 1" }]);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const transport: MailTransport = {
      async sendMail() {
        // While this sweep waits on SMTP, its lease runs out and another sweep claims the email.
        await db.update(notifications).set({ emailAttempts: sql`${notifications.emailAttempts} + 1` }).where(eq(notifications.userId, student.id));
        throw new Error("socket timeout");
      },
    };
    expect(await deliverPendingEmails(db, { transport, from: "x@y.test", baseUrl: BASE })).toEqual({ claimed: 1, sent: 0, failed: 1 });
    log.mockRestore();
    // Not "failed": the newer claim is still sending it.
    expect((await db.select().from(notifications).where(eq(notifications.userId, student.id)))[0]).toMatchObject({
      emailStatus: "pending",
      emailAttempts: 2,
    });
  });

  it("sends every email exactly once when several servers deliver at the same time", async () => {
    const db = getDb();
    const { cohort } = await cohortWithPeople();
    const people = await Promise.all(Array.from({ length: 24 }, (_, i) => createUser({ name: `Person ${i}` })));
    await notify(
      db,
      people.map((p) => ({ userId: p.id, kind: "review_assigned" as const, cohortId: cohort.id, subject: "Lektion 1" })),
    );
    const sentTo: string[] = [];
    const transport: MailTransport = {
      async sendMail(mail) {
        await new Promise((r) => setTimeout(r, 5));
        sentTo.push(mail.to);
        return {};
      },
    };
    // Each "server" keeps taking small batches until nothing is left.
    const server = async () => {
      for (;;) {
        const { claimed } = await deliverPendingEmails(db, { transport, from: "x@y.test", baseUrl: BASE, limit: 3 });
        if (claimed === 0) return;
      }
    };
    await Promise.all([server(), server(), server(), server()]);

    expect(sentTo.sort()).toEqual(people.map((p) => p.email).sort());
    const rows = await statusOf((await db.select({ id: notifications.id }).from(notifications).where(eq(notifications.cohortId, cohort.id))).map((r) => r.id));
    expect([...rows.values()].every((n) => n.emailStatus === "sent")).toBe(true);
  });
});

describe("deadline emails and the outbox", () => {
  it("renders what the reminder sweep wrote: the submission deadline with the assignment's link", async () => {
    const db = getDb();
    const { cohort, lesson, student } = await cohortWithPeople();
    const now = new Date();
    await db.insert(assignments).values({
      cohortId: cohort.id,
      lessonId: lesson.id,
      requirements: [],
      rubric: [],
      submissionDue: new Date(now.getTime() + 3_600_000),
      reviewDue: new Date(now.getTime() + 48 * 3_600_000),
    });
    await sendDeadlineReminders(db, now);

    const outbox = await listOutbox(db);
    const mine = outbox.find((r) => r.recipient.email === student.email)!;
    expect(mine).toMatchObject({ kind: "deadline", deadline: "submission", lessonSlug: lesson.slug, emailStatus: "pending", emailAttempts: 0 });
    const email = renderEmail(mine, mine.recipient, BASE);
    expect(email.subject).toBe(`“${lesson.title}” is due in 24 hours`);
    expect(email.text).toContain(`/cohorts/${cohort.id}/lessons/${lesson.slug}\n`);
  });

  it("reads its settings from the environment", () => {
    expect(emailSettingsFromEnv({})).toEqual({ from: "Werkbank <no-reply@werkbank.local>", baseUrl: "http://localhost:3000", smtp: false });
    expect(
      emailSettingsFromEnv({ AUTH_URL: "https://werkbank.example/api/auth", EMAIL_FROM: "W <w@x.test>", SMTP_URL: "smtp://h:25", PORT: "4000" }),
    ).toEqual({ from: "W <w@x.test>", baseUrl: "https://werkbank.example", smtp: true });
  });
});
