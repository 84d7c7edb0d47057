import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, excusals, notifications, reviews } from "@/db/schema";
import { excuse, expireOverdue, loadAssignment, pairAssignment, pairingSummary, type PairingAssignment } from "@/lib/pairing/store";
import { REVIEW_GRACE_MS } from "@/lib/pairing/types";
import { addMember, createUser } from "@/lib/test/factories";
import { pairingCohort, submitEmpathyMap, type Person } from "@/lib/test/pairing-fixtures";
import { refusal, refusalOf } from "@/lib/test/refusal";
import { reservePool } from "@/lib/reviews/queries";
import { reservePoolSlots, waitedFor, waitingSince } from "./pool";
import { assignPoolSlot, offerPoolSlot, poolCandidates, takePoolSlot } from "./pool-overrides";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function reviewsOf(assignmentId: string) {
  return getDb().select().from(reviews).where(eq(reviews.assignmentId, assignmentId));
}

/** Submits every review the given students have, straight in the table (the review form has its own tests). */
async function giveAll(a: PairingAssignment, who: Person[], at: Date) {
  await getDb()
    .update(reviews)
    .set({ status: "submitted", submittedAt: at })
    .where(and(eq(reviews.assignmentId, a.id), inArray(reviews.reviewerId, who.map((p) => p.id))));
}

/** DESIGN.md 1 on the database: nobody reviews their own submission, no reviewer has a submission twice. */
async function expectPairingHolds(a: PairingAssignment) {
  const rows = await reviewsOf(a.id);
  expect(rows.filter((r) => r.reviewerId === r.authorId)).toEqual([]);
  const keys = rows.map((r) => `${r.reviewerId}>${r.submissionId}`);
  expect(new Set(keys).size).toBe(keys.length);
}

/**
 * Seven students: s0–s4 submit on time and are paired at T0; everyone starts their reviews, so s5,
 * submitting late at T1, finds no free place in the cycle (reviews two, and its submission waits for
 * 2 reviews); at T2 one review of s2–s4 expires (its author, not one s5 reviews, waits for 1). s6
 * never submits.
 */
async function seeded() {
  const world = await pairingCohort(7);
  const { cohort, students } = world;
  const db = getDb();
  const due = world.assignment.submissionDue.getTime();
  const t0 = new Date(due - DAY + HOUR);
  const t1 = new Date(due + HOUR);
  const t2 = new Date(due + 2 * DAY);
  for (const s of students.slice(0, 5)) await submitEmpathyMap(cohort.id, world.assignment.id, s, new Date(due - DAY));
  await db.transaction((tx) => pairAssignment(tx, world.assignment, "instructor", t0));
  await db.update(reviews).set({ status: "draft", startedAt: t0 }).where(eq(reviews.assignmentId, world.assignment.id));
  const late = students[5]!;
  const { submissionId: lateSubmission } = await submitEmpathyMap(cohort.id, world.assignment.id, late, t1);
  const a = (await loadAssignment(db, world.assignment.id))!;
  const rows = await reviewsOf(a.id);
  const lateReviews = rows.filter((r) => r.reviewerId === late.id).map((r) => r.authorId);
  const noShow = rows.find((r) => [students[2]!.id, students[3]!.id, students[4]!.id].includes(r.reviewerId) && !lateReviews.includes(r.authorId))!;
  await db.update(reviews).set({ dueAt: new Date(t2.getTime() - REVIEW_GRACE_MS - HOUR) }).where(eq(reviews.id, noShow.id));
  expect(await db.transaction((tx) => expireOverdue(tx, a, new Date(t2.getTime() - REVIEW_GRACE_MS), t2))).toBe(1);
  const shortOne = students.find((s) => s.id === noShow.authorId)!;
  /** Students of s2–s4 other than the no-show: they still owe reviews, none expired. */
  const idle = students.slice(2, 5).filter((s) => s.id !== noShow.reviewerId);
  return { ...world, assignment: a, due, t0, t1, t2, late, lateSubmission, shortOne, shortSubmission: noShow.submissionId, noShow, idle, now: new Date(due + 3 * DAY) };
}

describe("waiting since", () => {
  const at = (h: number) => new Date(Date.UTC(2030, 0, 1) + h * HOUR);
  it("is the last time the count fell below k and stayed there", () => {
    // Paired at 0 with two reviews; one expires at 10, someone takes it at 12, another expires at 20.
    const reviews = [
      { assignedAt: at(0), expiredAt: at(10) },
      { assignedAt: at(0), expiredAt: at(20) },
      { assignedAt: at(12), expiredAt: null },
    ];
    expect(waitingSince(at(0), 2, reviews)).toEqual(at(20));
    // Two expire and only one is taken: short since the first expiry.
    expect(waitingSince(at(0), 2, [{ assignedAt: at(0), expiredAt: at(10) }, { assignedAt: at(0), expiredAt: at(11) }, { assignedAt: at(12), expiredAt: null }])).toEqual(at(10));
    // Joined short (a late submitter outside the cycle, or n ≤ k): since it joined, whatever was taken since.
    expect(waitingSince(at(5), 2, [{ assignedAt: at(7), expiredAt: null }])).toEqual(at(5));
    // A reassignment expires one and assigns another at the same moment: no gap.
    expect(waitingSince(at(0), 2, [{ assignedAt: at(0), expiredAt: at(3) }, { assignedAt: at(3), expiredAt: null }, { assignedAt: at(0), expiredAt: at(9) }])).toEqual(at(9));
  });

  it("is said in minutes, hours up to two days, then days", () => {
    expect(waitedFor(at(0), new Date(at(0).getTime() + 30_000))).toEqual({ unit: "minutes", count: 0 });
    expect(waitedFor(at(0), at(47))).toEqual({ unit: "hours", count: 47 });
    expect(waitedFor(at(0), at(24 * 5 + 3))).toEqual({ unit: "days", count: 5 });
    expect(waitedFor(at(5), at(0))).toEqual({ unit: "minutes", count: 0 });
  });
});

describe("the reserve pool on the dashboard", () => {
  it("lists each submission short of reviewers with its author, reviews x/k and since when it waits, oldest first", async () => {
    const { cohort, assignment: a, late, shortOne, t1, t2, lessons } = await seeded();
    const slots = await reservePoolSlots(getDb(), cohort.id);
    expect(slots.map((s) => ({ author: s.authorName, have: s.have, k: s.k, since: s.since, lesson: s.lessonTitle, assignmentId: s.assignmentId }))).toEqual([
      { author: late.name, have: 0, k: 2, since: t1, lesson: lessons[0]!.title, assignmentId: a.id },
      { author: shortOne.name, have: 1, k: 2, since: t2, lesson: lessons[0]!.title, assignmentId: a.id },
    ]);
    // The same pool the pairing core derives.
    expect(slots.reduce((n, s) => n + s.k - s.have, 0)).toBe((await pairingSummary(getDb(), a))!.poolSlots);
    // Students see the same slots dated the same way (the late submitter since it submitted, not since the pairing).
    const { items } = await reservePool(getDb(), "00000000-0000-0000-0000-000000000000", cohort.id);
    expect(items.map((i) => [i.authorId, i.since])).toEqual(slots.map((s) => [s.authorId, s.since]));
    // An excused author's submission needs nobody.
    await getDb().insert(excusals).values({ assignmentId: a.id, userId: shortOne.id });
    expect((await reservePoolSlots(getDb(), cohort.id)).map((s) => s.authorId)).toEqual([late.id]);
  });

  it("with n ≤ k the slots wait since the pairing", async () => {
    const { cohort, assignment, students } = await pairingCohort(2);
    const t0 = new Date(assignment.submissionDue.getTime() - HOUR);
    for (const s of students) await submitEmpathyMap(cohort.id, assignment.id, s, new Date(t0.getTime() - DAY));
    await getDb().transaction((tx) => pairAssignment(tx, assignment, "instructor", t0));
    const slots = await reservePoolSlots(getDb(), cohort.id);
    expect(slots.map((s) => [s.have, s.k, s.since])).toEqual([
      [1, 2, t0],
      [1, 2, t0],
    ]);
  });

  it("'take it' gives the instructor exactly one extra review; the filled slot leaves the pool, a second take is a conflict", async () => {
    const { cohort, assignment: a, instructor, shortSubmission, shortOne, late, lateSubmission, now } = await seeded();
    const db = getDb();
    const before = (await reviewsOf(a.id)).length;
    const taken = await db.transaction((tx) => takePoolSlot(tx, instructor, { assignmentId: a.id, submissionId: shortSubmission }, now));
    const after = await reviewsOf(a.id);
    expect(after).toHaveLength(before + 1);
    const review = after.find((r) => r.id === taken.reviewId)!;
    expect(review).toMatchObject({ reviewerId: instructor.id, authorId: shortOne.id, kind: "extra", status: "assigned" });
    expect(review.dueAt.getTime()).toBe(Math.max(a.reviewDue.getTime(), now.getTime() + 48 * HOUR));
    expect(taken.author).toBe(shortOne.name);
    // Not told of what they did themselves.
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, instructor.id), eq(notifications.kind, "review_assigned")))).toEqual([]);
    expect((await reservePoolSlots(db, cohort.id)).map((s) => s.authorId)).toEqual([late.id]);
    await expectPairingHolds(a);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.cohortId, cohort.id));
    expect(entry).toMatchObject({ action: "pool_taken", actorId: instructor.id, subjectId: shortOne.id, assignmentId: a.id });
    expect(entry!.details).toMatchObject({ author: shortOne.name, to: instructor.name, submissionId: shortSubmission });

    // A second instructor, a moment later: taken.
    const colleague = await createUser({ name: "Jonas Berg" });
    await addMember(cohort.id, colleague.id, "instructor");
    const second = { id: colleague.id, isAdmin: false };
    expect(await refusalOf(db.transaction((tx) => takePoolSlot(tx, second, { assignmentId: a.id, submissionId: shortSubmission }, now)))).toMatchObject({
      code: "conflict",
      messageKey: "poolTaken",
    });
    // The late one misses two: both instructors at once each get one, and the first instructor cannot take a second.
    const both = await Promise.allSettled([
      db.transaction((tx) => takePoolSlot(tx, instructor, { assignmentId: a.id, submissionId: lateSubmission }, now)),
      db.transaction((tx) => takePoolSlot(tx, second, { assignmentId: a.id, submissionId: lateSubmission }, now)),
    ]);
    expect(both.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await reservePoolSlots(db, cohort.id)).toEqual([]);
    expect(await refusal(db.transaction((tx) => takePoolSlot(tx, instructor, { assignmentId: a.id, submissionId: lateSubmission }, now)))).toBe("poolTaken");
    expect((await reviewsOf(a.id)).filter((r) => r.authorId === late.id).map((r) => r.reviewerId).sort()).toEqual([instructor.id, colleague.id].sort());
    await expectPairingHolds(a);
  });

  it("two takes of a slot at the same moment fill it once", async () => {
    const { cohort, assignment: a, instructor, shortSubmission, now } = await seeded();
    const colleague = await createUser();
    await addMember(cohort.id, colleague.id, "instructor");
    const results = await Promise.allSettled(
      [instructor, { id: colleague.id, isAdmin: false }].map((who) => getDb().transaction((tx) => takePoolSlot(tx, who, { assignmentId: a.id, submissionId: shortSubmission }, now))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await reviewsOf(a.id)).filter((r) => r.submissionId === shortSubmission && r.kind === "extra")).toHaveLength(1);
  });

  it("'assign to' gives one member an extra review due as usual and tells them; the author, a reviewer, an outsider or an excused student are refused at the field", async () => {
    const { cohort, assignment: a, instructor, students, late, lateSubmission, idle, now } = await seeded();
    const db = getDb();
    const s6 = students[6]!; // never submitted: still a student of the cohort who may be asked
    const fieldOf = async (userId: string) => (await refusalOf(db.transaction((tx) => assignPoolSlot(tx, instructor, { assignmentId: a.id, submissionId: lateSubmission, userId }, now)))).fieldErrorKeys;
    expect(await fieldOf(late.id)).toEqual({ userId: "poolAssigneeInvalid" });
    const outsider = await createUser();
    expect(await fieldOf(outsider.id)).toEqual({ userId: "poolAssigneeInvalid" });
    await db.transaction((tx) => excuse(tx, instructor, a.id, idle[0]!.id, now));
    expect(await fieldOf(idle[0]!.id)).toEqual({ userId: "poolAssigneeInvalid" });

    const before = (await reviewsOf(a.id)).length;
    const done = await db.transaction((tx) => assignPoolSlot(tx, instructor, { assignmentId: a.id, submissionId: lateSubmission, userId: s6.id }, now));
    expect(done).toMatchObject({ to: s6.name, author: late.name });
    const after = await reviewsOf(a.id);
    expect(after).toHaveLength(before + 1);
    expect(after.find((r) => r.id === done.reviewId)).toMatchObject({ reviewerId: s6.id, authorId: late.id, kind: "extra", status: "assigned", dueAt: new Date(Math.max(a.reviewDue.getTime(), now.getTime() + 48 * HOUR)) });
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, s6.id), eq(notifications.kind, "review_assigned")));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ assignmentId: a.id, cohortId: cohort.id, subject: a.lessonTitle, count: 1 });
    expect(await fieldOf(s6.id)).toEqual({ userId: "poolAssigneeReviews" });
    expect((await reservePoolSlots(db, cohort.id)).find((s) => s.authorId === late.id)?.have).toBe(1);
    // The instructor can be chosen too; then the slot is filled.
    await db.transaction((tx) => assignPoolSlot(tx, instructor, { assignmentId: a.id, submissionId: lateSubmission, userId: instructor.id }, now));
    expect((await reservePoolSlots(db, cohort.id)).some((s) => s.authorId === late.id)).toBe(false);
    expect(await refusal(db.transaction((tx) => assignPoolSlot(tx, instructor, { assignmentId: a.id, submissionId: lateSubmission, userId: students[0]!.id }, now)))).toBe("poolTaken");
    await expectPairingHolds(a);
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.cohortId, cohort.id), eq(auditLog.action, "pool_assigned")));
    expect(entries.map((e) => e.details.to).sort()).toEqual([instructor.name, s6.name].sort());
  });

  it("lists as candidates the members who may take it, volunteers marked", async () => {
    const { assignment: a, instructor, students, late, lateSubmission, shortOne, shortSubmission, noShow, t2 } = await seeded();
    await giveAll(a, [students[0]!], t2);
    const ids = (list: { id: string }[]) => list.map((c) => c.id).sort();
    const forLate = await getDb().transaction((tx) => poolCandidates(tx, instructor, { assignmentId: a.id, submissionId: lateSubmission }));
    expect(ids(forLate)).toEqual([instructor, ...students].filter((p) => p.id !== late.id).map((p) => p.id).sort());
    expect(forLate.filter((c) => c.volunteer).map((c) => c.id)).toEqual([students[0]!.id]);
    expect(forLate.find((c) => c.id === instructor.id)).toMatchObject({ role: "instructor", volunteer: false });
    const reviewers = (await reviewsOf(a.id)).filter((r) => r.authorId === shortOne.id).map((r) => r.reviewerId);
    expect(reviewers).toContain(noShow.reviewerId); // the no-show's expired review still counts as "reviews it"
    const forShort = await getDb().transaction((tx) => poolCandidates(tx, instructor, { assignmentId: a.id, submissionId: shortSubmission }));
    expect(ids(forShort)).toEqual([instructor, ...students].filter((p) => p.id !== shortOne.id && !reviewers.includes(p.id)).map((p) => p.id).sort());
  });

  it("'offer to volunteers' tells exactly the students who may take it, and not the same ones twice within a day", async () => {
    const { cohort, assignment: a, instructor, students, late, lateSubmission, idle, now, t2 } = await seeded();
    const db = getDb();
    const offer = (at: Date) => db.transaction((tx) => offerPoolSlot(tx, instructor, { assignmentId: a.id, submissionId: lateSubmission }, at));
    const offered = async () =>
      (await db.select().from(notifications).where(and(eq(notifications.assignmentId, a.id), eq(notifications.kind, "pool_offer")))).map((n) => n.userId).sort();
    // Nobody has given all their reviews yet.
    expect(await refusal(offer(now))).toBe("poolNoVolunteers");
    await giveAll(a, [students[0]!, students[1]!], t2);
    // s0 already reviews the late submission (assigned to it): s1 is the only one who may take it.
    await db.transaction((tx) => assignPoolSlot(tx, instructor, { assignmentId: a.id, submissionId: lateSubmission, userId: students[0]!.id }, now));
    expect(await offer(now)).toEqual({ notified: 1, skipped: 0 });
    const [note] = await db.select().from(notifications).where(and(eq(notifications.assignmentId, a.id), eq(notifications.kind, "pool_offer")));
    expect(note).toMatchObject({ userId: students[1]!.id, actorId: null, cohortId: cohort.id, subject: a.lessonTitle });
    // At once again: everyone who may take it was told.
    expect(await refusal(offer(new Date(now.getTime() + HOUR)))).toBe("poolOfferedRecently");
    // Another student gives all theirs: only they are told now.
    const more = idle[0]!;
    await giveAll(a, [more], t2);
    expect(await offer(new Date(now.getTime() + 2 * HOUR))).toEqual({ notified: 1, skipped: 1 });
    expect(await offered()).toEqual([students[1]!.id, more.id].sort());
    // A day later both are reminded.
    expect(await offer(new Date(now.getTime() + 26 * HOUR))).toEqual({ notified: 2, skipped: 0 });
    expect(await offered()).toEqual([students[1]!.id, students[1]!.id, more.id, more.id].sort());
    const log = await db.select().from(auditLog).where(and(eq(auditLog.cohortId, cohort.id), eq(auditLog.action, "pool_offered")));
    expect(log.map((e) => e.details.offered).sort()).toEqual([1, 1, 2]);
    expect(log.every((e) => e.subjectId === late.id && e.details.author === late.name)).toBe(true);
    // Nothing of the pairing changed by offering.
    expect((await reservePoolSlots(db, cohort.id)).find((s) => s.authorId === late.id)?.have).toBe(1);
  });

  it("refuses students and another cohort's instructor (not found) and writes nothing", async () => {
    const { cohort, assignment: a, students, lateSubmission, shortSubmission, now, t2 } = await seeded();
    const db = getDb();
    await giveAll(a, [students[0]!], t2);
    const other = await pairingCohort(1);
    const count = async () => ({
      reviews: (await reviewsOf(a.id)).length,
      audit: (await db.select().from(auditLog).where(eq(auditLog.cohortId, cohort.id))).length,
      notes: (await db.select().from(notifications).where(eq(notifications.assignmentId, a.id))).length,
    });
    const before = await count();
    for (const who of [students[0]!, other.instructor]) {
      const slot = { assignmentId: a.id, submissionId: lateSubmission };
      expect(await refusal(db.transaction((tx) => takePoolSlot(tx, who, slot, now)))).toBe("notFound");
      expect(await refusal(db.transaction((tx) => offerPoolSlot(tx, who, slot, now)))).toBe("notFound");
      expect(await refusal(db.transaction((tx) => assignPoolSlot(tx, who, { ...slot, userId: who.id }, now)))).toBe("notFound");
      expect(await refusal(db.transaction((tx) => assignPoolSlot(tx, who, { assignmentId: a.id, submissionId: shortSubmission, userId: students[0]!.id }, now)))).toBe("notFound");
      expect(await refusal(db.transaction((tx) => poolCandidates(tx, who, slot)))).toBe("notFound");
    }
    // A slot of another cohort's assignment named with this one's: not in this pool.
    expect(await refusal(db.transaction((tx) => takePoolSlot(tx, other.instructor, { assignmentId: other.assignment.id, submissionId: lateSubmission }, now)))).toBe("poolTaken");
    expect(await count()).toEqual(before);
  });

  it("a fix that fails half-way leaves neither the review nor its record", async () => {
    const { cohort, assignment: a, instructor, shortSubmission, now } = await seeded();
    const db = getDb();
    const before = (await reviewsOf(a.id)).length;
    await expect(
      db.transaction(async (tx) => {
        await takePoolSlot(tx, instructor, { assignmentId: a.id, submissionId: shortSubmission }, now);
        throw new Error("injected");
      }),
    ).rejects.toThrow("injected");
    expect(await reviewsOf(a.id)).toHaveLength(before);
    expect(await db.select().from(auditLog).where(eq(auditLog.cohortId, cohort.id))).toEqual([]);
    expect((await reservePoolSlots(db, cohort.id)).some((s) => s.submissionId === shortSubmission)).toBe(true);
  });
});
