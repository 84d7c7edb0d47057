import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { assignments, notifications, pairings, reviews, submissions } from "@/db/schema";
import { reply } from "@/lib/forum/store";
import { addStudent, pairingCohort, submitEmpathyMap, type Person } from "@/lib/test/pairing-fixtures";
import { refusal } from "@/lib/test/refusal";
import { reservePool } from "@/lib/reviews/queries";
import { excuse, pairAssignment, pairNow, removeMember, takeFromPool, type PairingAssignment } from "./store";
import { sweepPairing } from "./sweep";

const HOUR = 3_600_000;

async function reviewRows(assignmentId: string) {
  return getDb().select().from(reviews).where(eq(reviews.assignmentId, assignmentId));
}

/** DESIGN.md 1–2 on the database: no self-review, no pair twice, every active submitter owes k and has ≥ k (counting pool slots). */
async function expectGuarantees(a: PairingAssignment, active: string[]) {
  const rows = await reviewRows(a.id);
  const live = rows.filter((r) => active.includes(r.authorId));
  expect(live.filter((r) => r.reviewerId === r.authorId)).toEqual([]);
  const keys = live.map((r) => `${r.reviewerId}>${r.submissionId}`);
  expect(new Set(keys).size).toBe(keys.length);
  const k = Math.min(a.reviewsPerStudent, active.length - 1);
  for (const id of active) {
    const duties = rows.filter((r) => r.reviewerId === id && r.kind === "duty" && r.status !== "expired").length;
    expect(duties, `duties of ${id}`).toBeGreaterThanOrEqual(k);
  }
  const { items } = await reservePool(getDb(), "00000000-0000-0000-0000-000000000000", a.cohortId, 1000);
  for (const id of active) {
    const have = live.filter((r) => r.authorId === id && r.status !== "expired").length;
    const slots = items.filter((p) => p.authorId === id && p.assignmentId === a.id).reduce((n, p) => n + p.missing, 0);
    expect(have + slots, `reviews of ${id}`).toBeGreaterThanOrEqual(a.reviewsPerStudent);
  }
}

async function submitAll(cohortId: string, a: PairingAssignment, students: Person[]) {
  for (const s of students) await submitEmpathyMap(cohortId, a.id, s);
}

describe("pairing on the database", () => {
  it("pairs four submitters: two tasks each, two reviewers each, one notification per reviewer", async () => {
    const { cohort, instructor, students, assignment } = await pairingCohort(5);
    await submitAll(cohort.id, assignment, students.slice(0, 4));
    const result = await getDb().transaction((tx) => pairNow(tx, instructor, assignment.id));
    expect(result).toMatchObject({ created: true, submitters: 4, reviews: 8, poolSlots: 0 });
    await expectGuarantees(assignment, students.slice(0, 4).map((s) => s.id));
    const told = await getDb()
      .select()
      .from(notifications)
      .where(and(eq(notifications.assignmentId, assignment.id), eq(notifications.kind, "review_assigned")));
    expect(told).toHaveLength(4);
    expect(told.every((n) => n.count === 2 && n.emailStatus === "pending")).toBe(true);
    // The one who did not submit reviews nobody.
    expect((await reviewRows(assignment.id)).some((r) => r.reviewerId === students[4]!.id)).toBe(false);
  });

  it("20 simultaneous 'pair now' make one allocation", async () => {
    const { cohort, instructor, students, assignment } = await pairingCohort(6);
    await submitAll(cohort.id, assignment, students);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => getDb().transaction((tx) => pairNow(tx, instructor, assignment.id))),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await getDb().select().from(pairings).where(eq(pairings.assignmentId, assignment.id))).toHaveLength(1);
    expect(await reviewRows(assignment.id)).toHaveLength(12);
  });

  it("only the cohort's instructors pair", async () => {
    const { cohort, students, assignment } = await pairingCohort(3);
    await submitAll(cohort.id, assignment, students);
    expect(await refusal(getDb().transaction((tx) => pairNow(tx, students[0]!, assignment.id)))).toBe("notFound");
    const other = await pairingCohort(1);
    expect(await refusal(getDb().transaction((tx) => pairNow(tx, other.instructor, assignment.id)))).toBe("notFound");
    expect(await reviewRows(assignment.id)).toHaveLength(0);
  });

  it("an error half-way through pairing leaves no rows", async () => {
    const { cohort, students, assignment } = await pairingCohort(4);
    await submitAll(cohort.id, assignment, students);
    const db = getDb();
    // The reviews are written before the notifications: make the notifications fail.
    await db.execute(sql`create function fail_notify() returns trigger language plpgsql as $$ begin raise exception 'injected'; end $$`);
    await db.execute(sql`create trigger fail_notify before insert on notifications for each row execute function fail_notify()`);
    await expect(db.transaction((tx) => pairAssignment(tx, assignment, "deadline"))).rejects.toThrow();
    await db.execute(sql`drop trigger fail_notify on notifications`);
    expect(await reviewRows(assignment.id)).toHaveLength(0);
    expect(await db.select().from(pairings).where(eq(pairings.assignmentId, assignment.id))).toHaveLength(0);
    const [row] = await db.select({ pairedAt: assignments.pairedAt }).from(assignments).where(eq(assignments.id, assignment.id));
    expect(row!.pairedAt).toBeNull();
    // And it works once the fault is gone.
    expect((await db.transaction((tx) => pairAssignment(tx, assignment, "deadline"))).reviews).toBe(8);
  });

  it("the deadline sweep pairs overdue assignments once, however often it runs", async () => {
    const { cohort, students, assignment } = await pairingCohort(4);
    await submitAll(cohort.id, assignment, students);
    const after = new Date(assignment.submissionDue.getTime() + HOUR);
    // Other tests' assignments are due by then too: count this one's pairings.
    await Promise.all([sweepPairing(getDb(), after), sweepPairing(getDb(), after), sweepPairing(getDb(), after)]);
    expect(await getDb().select().from(pairings).where(eq(pairings.assignmentId, assignment.id))).toHaveLength(1);
    expect(await reviewRows(assignment.id)).toHaveLength(8);
    const [p] = await getDb().select().from(pairings).where(eq(pairings.assignmentId, assignment.id));
    expect(p!.trigger).toBe("deadline");
  });

  it("a late submitter is inserted into the cycle when the displaced reviews have not started", async () => {
    const { cohort, instructor, students, assignment } = await pairingCohort(6);
    await submitAll(cohort.id, assignment, students.slice(0, 5));
    await getDb().transaction((tx) => pairNow(tx, instructor, assignment.id));
    await submitEmpathyMap(cohort.id, assignment.id, students[5]!);
    const rows = await reviewRows(assignment.id);
    expect(rows.filter((r) => r.reviewerId === students[5]!.id)).toHaveLength(2);
    expect(rows.filter((r) => r.authorId === students[5]!.id)).toHaveLength(2);
    expect(rows).toHaveLength(12);
    await expectGuarantees(assignment, students.map((s) => s.id));
    const [p] = await getDb().select().from(pairings).where(eq(pairings.assignmentId, assignment.id));
    expect(p!.cycle).toContain(students[5]!.id);
  });

  it("with every review started, a late submitter still reviews k and waits in the reserve pool", async () => {
    const { cohort, instructor, students, assignment } = await pairingCohort(5);
    await submitAll(cohort.id, assignment, students.slice(0, 4));
    await getDb().transaction((tx) => pairNow(tx, instructor, assignment.id));
    await getDb().update(reviews).set({ status: "draft", startedAt: new Date() }).where(eq(reviews.assignmentId, assignment.id));
    const before = (await reviewRows(assignment.id)).map((r) => r.id).sort();
    await submitEmpathyMap(cohort.id, assignment.id, students[4]!);
    const rows = await reviewRows(assignment.id);
    // Started work is never taken away.
    expect(before.every((id) => rows.some((r) => r.id === id))).toBe(true);
    expect(rows.filter((r) => r.reviewerId === students[4]!.id)).toHaveLength(2);
    const { items } = await reservePool(getDb(), instructor.id, cohort.id);
    expect(items.find((p) => p.authorId === students[4]!.id)?.missing).toBe(2);
    const [p] = await getDb().select().from(pairings).where(eq(pairings.assignmentId, assignment.id));
    expect(p!.outside).toEqual([students[4]!.id]);
    // The instructor covers one from the pool.
    await getDb().transaction((tx) => takeFromPool(tx, instructor, { assignmentId: assignment.id, submissionId: items.find((i) => i.authorId === students[4]!.id)!.submissionId }));
    const { items: after } = await reservePool(getDb(), students[0]!.id, cohort.id);
    expect(after.find((p) => p.authorId === students[4]!.id)?.missing).toBe(1);
  });

  it("excusing a student closes the gap; their submitted review stays on record", async () => {
    const { cohort, instructor, students, assignment } = await pairingCohort(6);
    await submitAll(cohort.id, assignment, students);
    await getDb().transaction((tx) => pairNow(tx, instructor, assignment.id));
    const leaving = students[2]!;
    const [done] = (await reviewRows(assignment.id)).filter((r) => r.reviewerId === leaving.id);
    await getDb().update(reviews).set({ status: "submitted", submittedAt: new Date() }).where(eq(reviews.id, done!.id));
    await getDb().transaction((tx) => excuse(tx, instructor, assignment.id, leaving.id));
    const rows = await reviewRows(assignment.id);
    expect(rows.filter((r) => r.reviewerId === leaving.id).map((r) => r.id)).toEqual([done!.id]);
    expect(rows.filter((r) => r.authorId === leaving.id)).toEqual([]);
    await expectGuarantees(assignment, students.filter((s) => s !== leaving).map((s) => s.id));
    // Only instructors excuse.
    expect(await refusal(getDb().transaction((tx) => excuse(tx, students[0]!, assignment.id, students[1]!.id)))).toBe("notFound");
  });

  it("removing a member from the cohort repairs every paired assignment first", async () => {
    const { cohort, instructor, students, assignment } = await pairingCohort(5);
    await submitAll(cohort.id, assignment, students);
    await getDb().transaction((tx) => pairNow(tx, instructor, assignment.id));
    await getDb().transaction((tx) => removeMember(tx, instructor, cohort.id, students[0]!.id));
    expect((await reviewRows(assignment.id)).some((r) => r.reviewerId === students[0]!.id || r.authorId === students[0]!.id)).toBe(false);
    await expectGuarantees(assignment, students.slice(1).map((s) => s.id));
  });

  it("an expired review sends its submission to the pool; only students who finished their own may help", async () => {
    const { cohort, instructor, students, assignment } = await pairingCohort(5);
    await submitAll(cohort.id, assignment, students);
    await getDb().transaction((tx) => pairNow(tx, instructor, assignment.id));
    const rows = await reviewRows(assignment.id);
    const noShow = rows[0]!;
    await getDb().update(reviews).set({ dueAt: new Date(Date.now() - 30 * HOUR) }).where(eq(reviews.id, noShow.id));
    const { expired } = await sweepPairing(getDb());
    expect(expired).toBe(1);
    const [after] = await getDb().select().from(reviews).where(eq(reviews.id, noShow.id));
    expect(after!.status).toBe("expired");

    const helper = students.find((s) => s.id !== noShow.authorId && !rows.some((r) => r.reviewerId === s.id && r.authorId === noShow.authorId))!;
    const { items } = await reservePool(getDb(), helper.id, cohort.id);
    const slot = items.find((p) => p.authorId === noShow.authorId)!;
    expect(slot.missing).toBe(1);
    const take = () => getDb().transaction((tx) => takeFromPool(tx, helper, { assignmentId: assignment.id, submissionId: slot.submissionId }));
    expect(await refusal(take())).toBe("poolFinishOwnFirst");
    await getDb()
      .update(reviews)
      .set({ status: "submitted", submittedAt: new Date() })
      .where(and(eq(reviews.reviewerId, helper.id), eq(reviews.assignmentId, assignment.id)));
    const { reviewId } = await take();
    const [extra] = await getDb().select().from(reviews).where(eq(reviews.id, reviewId));
    expect(extra).toMatchObject({ kind: "extra", status: "assigned", authorId: noShow.authorId });
    // The slot is filled: a second helper finds it taken.
    expect(await refusal(getDb().transaction((tx) => takeFromPool(tx, instructor, { assignmentId: assignment.id, submissionId: slot.submissionId })))).toBe(
      "poolTaken",
    );
  });

  it("rolling mode starts the cycle with the first k + 1 submissions and inserts each later one", async () => {
    const { cohort, students, assignment } = await pairingCohort(5, { pairingMode: "rolling" });
    await submitAll(cohort.id, assignment, students.slice(0, 2));
    expect(await reviewRows(assignment.id)).toHaveLength(0);
    await submitEmpathyMap(cohort.id, assignment.id, students[2]!);
    expect(await reviewRows(assignment.id)).toHaveLength(6);
    await submitAll(cohort.id, assignment, students.slice(3));
    expect(await reviewRows(assignment.id)).toHaveLength(10);
    await expectGuarantees(assignment, students.map((s) => s.id));
    const [p] = await getDb().select().from(pairings).where(eq(pairings.assignmentId, assignment.id));
    expect(p!.trigger).toBe("rolling");
  });

  it("with n ≤ k the missing reviews wait for instructors or volunteers", async () => {
    const { cohort, instructor, students, assignment } = await pairingCohort(2);
    await submitAll(cohort.id, assignment, students);
    const result = await getDb().transaction((tx) => pairNow(tx, instructor, assignment.id));
    expect(result).toMatchObject({ reviews: 2, poolSlots: 2 });
    const { items } = await reservePool(getDb(), instructor.id, cohort.id);
    expect(items.map((i) => i.missing)).toEqual([1, 1]);
    // A third student arriving late joins the small cycle.
    const third = await addStudent(cohort.id, "Späte Clara");
    await submitEmpathyMap(cohort.id, assignment.id, third);
    await expectGuarantees(assignment, [...students, third].map((s) => s.id));
  });

  it("the database itself refuses a self-review, a pair twice, and a review that disagrees with its submission", async () => {
    const { cohort, instructor, students, assignment } = await pairingCohort(3);
    await submitAll(cohort.id, assignment, students);
    await getDb().transaction((tx) => pairNow(tx, instructor, assignment.id));
    const [row] = await reviewRows(assignment.id);
    const other = await pairingCohort(1);
    const insert = (over: Partial<typeof reviews.$inferInsert>) =>
      getDb()
        .insert(reviews)
        .values({ ...row!, id: undefined, postId: null, ...over });
    await expect(insert({ reviewerId: row!.authorId })).rejects.toThrow(); // reviewer = author
    await expect(insert({})).rejects.toThrow(); // the same (reviewer, submission) again
    await expect(insert({ reviewerId: instructor.id, assignmentId: other.assignment.id })).rejects.toThrow(); // another assignment
    await expect(insert({ reviewerId: instructor.id, cohortId: other.cohort.id })).rejects.toThrow(); // another cohort
    await expect(insert({ reviewerId: instructor.id, authorId: students.find((s) => s.id !== row!.authorId)!.id })).rejects.toThrow(); // not its author
    // The same row with a fresh reviewer is fine: the refusals above were the constraints, not the fixture.
    await insert({ reviewerId: instructor.id });
  });
});

describe("anonymous submission threads", () => {
  it("a reviewer's ordinary reply notifies the author without naming the reviewer unless the assignment is named; the author's reply names them except under double-blind", async () => {
    for (const anonymity of ["double", "reviewers", "named"] as const) {
      const { cohort, instructor, students, assignment } = await pairingCohort(3, { anonymity });
      await submitAll(cohort.id, assignment, students);
      await getDb().transaction((tx) => pairNow(tx, instructor, assignment.id));
      const [task] = await reviewRows(assignment.id);
      const [sub] = await getDb().select().from(submissions).where(eq(submissions.id, task!.submissionId));
      const reviewer = students.find((s) => s.id === task!.reviewerId)!;
      await getDb().transaction((tx) => reply(tx, reviewer, { threadId: sub!.threadId, body: "Eine Rückfrage zu deinen Pains." }));
      const [told] = await getDb()
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, task!.authorId), eq(notifications.kind, "reply")));
      expect(told!.actorId, `reviewer's reply, ${anonymity}`).toBe(anonymity === "named" ? reviewer.id : null);
      // The author answers, mentioning the reviewer's post by replying: the reviewer hears of it through a mention.
      const author = students.find((s) => s.id === task!.authorId)!;
      await getDb().transaction((tx) => reply(tx, author, { threadId: sub!.threadId, body: `Danke! @${reviewer.name}` }));
      const [mentioned] = await getDb()
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, reviewer.id), eq(notifications.kind, "mention")));
      expect(mentioned!.actorId, `author's reply, ${anonymity}`).toBe(anonymity === "double" ? null : author.id);
    }
  });
});
