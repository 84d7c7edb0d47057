import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, cohorts, reviews, submissions } from "@/db/schema";
import { listAudit } from "@/lib/cohorts/audit";
import { pairAssignment, type PairingAssignment } from "@/lib/pairing/store";
import { addMember, createCohort, createCourse, createUser } from "@/lib/test/factories";
import { addStudent, pairingCohort, submitEmpathyMap, type Person } from "@/lib/test/pairing-fixtures";
import { refusal } from "@/lib/test/refusal";
import { excuseStudent, extendDeadline, reassign, reassignAllOf, repair } from "./overrides";
import { cohortMatrix, dashboardOverview, openReviews, withStudents, type MatrixQuery } from "./queries";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const all: MatrixQuery = { q: "", filter: "all", sort: "name", dir: "asc", page: 1 };

async function reviewsOf(assignmentId: string) {
  return getDb().select().from(reviews).where(eq(reviews.assignmentId, assignmentId));
}

/** Submits the reviews the given students owe, straight in the table (the review form has its own tests). */
async function giveAll(a: PairingAssignment, who: Person[], at: Date, helpfulness: number | null = null) {
  await getDb()
    .update(reviews)
    .set({ status: "submitted", submittedAt: at, helpfulness })
    .where(and(eq(reviews.assignmentId, a.id), inArray(reviews.reviewerId, who.map((p) => p.id))));
}

/**
 * Seven students: s0–s4 submit on time, s5 late, s6 never; pairing runs after the deadline.
 * s0 and s1 then give their reviews (rated 4), the others don't.
 */
async function seeded() {
  const world = await pairingCohort(7);
  const { cohort, assignment: a, students } = world;
  const due = a.submissionDue.getTime();
  for (const s of students.slice(0, 5)) await submitEmpathyMap(cohort.id, a.id, s, new Date(due - DAY));
  await getDb().transaction((tx) => pairAssignment(tx, a, "instructor", new Date(due - DAY + HOUR)));
  await submitEmpathyMap(cohort.id, a.id, students[5]!, new Date(due + HOUR));
  await giveAll(a, students.slice(0, 2), new Date(due + 2 * HOUR), 4);
  return { ...world, due };
}

describe("cohort matrix", () => {
  it("shows each student's submission state, reviews given and received, and sorts and filters in the database", async () => {
    const { cohort, assignment: a, students, due } = await seeded();
    const db = getDb();
    await db.update(submissions).set({ fitScore: 0.75 }).where(and(eq(submissions.assignmentId, a.id), eq(submissions.authorId, students[0]!.id)));

    const before = await cohortMatrix(db, cohort.id, all, new Date(due - HOUR));
    expect(before.total).toBe(7);
    expect(before.rows.map((r) => r.name)).toEqual(students.map((s) => s.name));
    expect(before.rows[6]!.cells[0]!.status).toBe("pending");

    const now = new Date(due + 3 * HOUR);
    const { rows } = await cohortMatrix(db, cohort.id, all, now);
    const by = new Map(rows.map((r) => [r.name, r]));
    const s0 = by.get(students[0]!.name)!;
    expect(s0.cells[0]).toMatchObject({ status: "on_time", given: 2, owed: 2, open: 0, fit: 0.75, helpfulness: 4 });
    expect(s0.fit).toBeCloseTo(0.75);
    expect(by.get(students[5]!.name)!.cells[0]!.status).toBe("late");
    expect(by.get(students[6]!.name)!.cells[0]).toMatchObject({ status: "missing", given: 0, owed: 0, received: 0 });
    // Every active submitter has k reviewers; received + waiting adds up to that.
    for (const r of rows.slice(0, 6)) expect(r.received + r.waiting).toBeGreaterThanOrEqual(2);
    const givenTotal = rows.reduce((n, r) => n + r.given, 0);
    const receivedTotal = rows.reduce((n, r) => n + r.received, 0);
    expect(givenTotal).toBe(4);
    expect(receivedTotal).toBe(4);

    const blocking = await cohortMatrix(db, cohort.id, { ...all, filter: "blocking" }, now);
    expect(blocking.rows.map((r) => r.name).sort()).toEqual(students.slice(2, 6).map((s) => s.name).sort());
    const late = await cohortMatrix(db, cohort.id, { ...all, filter: "late" }, now);
    expect(late.rows.map((r) => r.name)).toEqual([students[5]!.name]);
    const missing = await cohortMatrix(db, cohort.id, { ...all, filter: "missing" }, now);
    expect(missing.rows.map((r) => r.name)).toEqual([students[6]!.name]);
    const waiting = await cohortMatrix(db, cohort.id, { ...all, filter: "waiting" }, now);
    expect(waiting.rows.every((r) => r.waiting > 0)).toBe(true);
    expect(waiting.total).toBe(waiting.rows.length);

    const byGiven = await cohortMatrix(db, cohort.id, { ...all, sort: "given", dir: "desc" }, now);
    expect(byGiven.rows.slice(0, 2).map((r) => r.given)).toEqual([2, 2]);
    const byFit = await cohortMatrix(db, cohort.id, { ...all, sort: "fit", dir: "asc" }, now);
    expect(byFit.rows[0]!.name).toBe(students[0]!.name); // the only fit score; the rest (null) last
    const byFitDesc = await cohortMatrix(db, cohort.id, { ...all, sort: "fit", dir: "desc" }, now);
    expect(byFitDesc.rows[0]!.name).toBe(students[0]!.name);

    const paged = await cohortMatrix(db, cohort.id, { ...all, page: 2, pageSize: 3 }, now);
    expect(paged.total).toBe(7);
    expect(paged.rows.map((r) => r.name)).toEqual(students.slice(3, 6).map((s) => s.name));
    const past = await cohortMatrix(db, cohort.id, { ...all, page: 9, pageSize: 3 }, now);
    expect(past).toMatchObject({ rows: [], total: 7 });
    // The cohort's totals come with any page, past the end too, whatever the filter.
    expect(past.summary).toEqual({ students: 7, expectedSubmissions: 7, submitted: 6, late: 1, missing: 1 });
    expect((await cohortMatrix(db, cohort.id, { ...all, filter: "missing" }, now)).summary).toEqual(past.summary);
  });

  it("searches names and emails literally, excused students included", async () => {
    const { cohort, assignment: a, instructor } = await pairingCohort(2);
    const odd = await addStudent(cohort.id, "Jörg 100% Wörner_x");
    await addStudent(cohort.id, "Jörg 1000 Wörner");
    const db = getDb();
    expect((await cohortMatrix(db, cohort.id, { ...all, q: "100%" })).rows.map((r) => r.name)).toEqual([odd.name]);
    expect((await cohortMatrix(db, cohort.id, { ...all, q: "r_x" })).rows.map((r) => r.name)).toEqual([odd.name]);
    expect((await cohortMatrix(db, cohort.id, { ...all, q: "jörg" })).total).toBe(2);
    await db.transaction((tx) => excuseStudent(tx, instructor, { assignmentId: a.id, userId: odd.id }));
    const excused = await cohortMatrix(db, cohort.id, { ...all, filter: "excused" });
    expect(excused.rows.map((r) => [r.name, r.cells[0]!.status])).toEqual([[odd.name, "excused"]]);
  });

  it("lists open reviews with the no-show who keeps two students waiting first, and sums up the cohort", async () => {
    const { cohort, assignment: a, students, due } = await seeded();
    const db = getDb();
    const { rows, total } = await openReviews(db, cohort.id, { page: 1 });
    expect(total).toBe(12 - 4); // 6 submitters (the late s5 inserted) × 2, minus s0's and s1's four given
    expect(rows.every((r) => r.reviewerOpen === rows.filter((x) => x.reviewerId === r.reviewerId).length)).toBe(true);
    // Grouped by reviewer, oldest first: the late s5's reviews (assigned last) come last.
    expect(rows.at(-1)!.reviewerId).toBe(students[5]!.id);
    expect(rows.at(-1)!.assignedAt.getTime()).toBeGreaterThan(rows[0]!.assignedAt.getTime());
    const only = await openReviews(db, cohort.id, { page: 1, reviewerId: students[2]!.id });
    expect(only.rows.map((r) => r.authorName).length).toBe(2);

    // The overview reads the cohort's own time zone and dates.
    await db.update(cohorts).set({ timeZone: "Europe/Berlin", startsOn: new Date(due - 10 * DAY), endsOn: new Date(due + 30 * DAY) }).where(eq(cohorts.id, cohort.id));
    // The overview's review side, with the per-student figures of the matrix's summary.
    const matrix = await cohortMatrix(db, cohort.id, all, new Date(due + 3 * HOUR));
    const { summary, charts } = withStudents(await dashboardOverview(db, cohort.id, new Date(due + 3 * HOUR)), matrix.summary);
    expect(summary).toMatchObject({ students: 7, expectedSubmissions: 7, submitted: 6, late: 1, missing: 1, reviewsSubmitted: 4, reviewsOpen: 8, reviewsOverdue: 0 });
    expect(charts.expectedReviews).toBe(12); // k × 6 submissions
    expect(charts.completion.at(-1)).toMatchObject({ submitted: 6, reviewed: 4 });
    const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(d);
    expect(charts.completion[0]!.day).toBe(day(new Date(due - 10 * DAY)));
    expect(charts.completion.at(-1)!.day).toBe(day(new Date(due + 3 * HOUR)));
    // Cumulative: never decreasing.
    for (let i = 1; i < charts.completion.length; i++) expect(charts.completion[i]!.submitted).toBeGreaterThanOrEqual(charts.completion[i - 1]!.submitted);
    expect(charts.fitCount).toBe(0);
    await db.update(submissions).set({ fitScore: 1 }).where(eq(submissions.assignmentId, a.id));
    const again = await dashboardOverview(db, cohort.id, new Date(due + 3 * HOUR));
    expect(again.charts.fitBuckets.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 6]);
  });
});

describe("one-click fixes", () => {
  it("reassigns a no-show's review to a volunteer who gave theirs, keeps the old one on record and logs who did it", async () => {
    const { cohort, assignment: a, students, instructor, due } = await seeded();
    const db = getDb();
    const now = new Date(due + 4 * HOUR);
    const open = (await reviewsOf(a.id)).find((r) => r.reviewerId === students[2]!.id && r.status === "assigned")!;
    const reviewsAuthor = (await reviewsOf(a.id)).filter((r) => r.authorId === open.authorId).map((r) => r.reviewerId);
    const volunteers = [students[0]!.id, students[1]!.id].filter((v) => v !== open.authorId && !reviewsAuthor.includes(v));
    const done = await db.transaction((tx) => reassign(tx, instructor, { reviewId: open.id, to: "auto" }, now));
    // A volunteer who gave theirs and doesn't review that author yet; the instructor only when there is none.
    if (volunteers.length > 0) expect(volunteers).toContain(done.to);
    else expect(done.to).toBe(instructor.id);
    expect(done.from).toBe(students[2]!.id);
    const after = await reviewsOf(a.id);
    expect(after.find((r) => r.id === open.id)!.status).toBe("expired");
    const fresh = after.find((r) => r.id === done.reviewId)!;
    expect(fresh).toMatchObject({ reviewerId: done.to, authorId: open.authorId, kind: "extra", status: "assigned" });
    expect(fresh.dueAt.getTime()).toBeGreaterThanOrEqual(now.getTime() + 48 * HOUR);
    const [entry] = await listAudit(db, cohort.id);
    expect(entry).toMatchObject({ action: "review_reassigned", actorName: instructor.name, subjectName: students[2]!.name });
    expect(entry!.details.author).toBe(students.find((s) => s.id === open.authorId)!.name);

    // The same review again: no longer open.
    expect(await refusal(db.transaction((tx) => reassign(tx, instructor, { reviewId: open.id, to: "auto" }, now)))).toBe("reassignNotOpen");
    // To the instructor, to a named student, never to the author.
    const next = (await reviewsOf(a.id)).find((r) => r.reviewerId === students[3]!.id && r.status === "assigned")!;
    expect(await refusal(db.transaction((tx) => reassign(tx, instructor, { reviewId: next.id, to: { userId: next.authorId } }, now)))).toBe("checkFields");
    const outsider = await createUser();
    expect(await refusal(db.transaction((tx) => reassign(tx, instructor, { reviewId: next.id, to: { userId: outsider.id } }, now)))).toBe("checkFields");
    const mine = await db.transaction((tx) => reassign(tx, instructor, { reviewId: next.id, to: "me" }, now));
    expect(mine.to).toBe(instructor.id);
  });

  it("refuses every override to students, to another cohort's instructor and to strangers; admins may", async () => {
    const { cohort, assignment: a, students, due } = await seeded();
    const db = getDb();
    const { course } = await createCourse(1);
    const other = await createCohort(course.id);
    const otherInstructor = await createUser({ name: "Andere Lehrkraft" });
    await addMember(other.id, otherInstructor.id, "instructor");
    const admin = await createUser({ name: "Admin", isAdmin: true });
    const stranger = await createUser();
    const open = (await reviewsOf(a.id)).find((r) => r.status === "assigned")!;
    const now = new Date(due + 4 * HOUR);
    const actors = [
      { id: students[0]!.id, isAdmin: false },
      { id: otherInstructor.id, isAdmin: false },
      { id: stranger.id, isAdmin: false },
    ];
    for (const actor of actors) {
      expect(await refusal(db.transaction((tx) => reassign(tx, actor, { reviewId: open.id, to: "me" }, now)))).toBe("notFound");
      expect(await refusal(db.transaction((tx) => reassignAllOf(tx, actor, { cohortId: cohort.id, reviewerId: open.reviewerId }, now)))).toBe("notFound");
      expect(await refusal(db.transaction((tx) => repair(tx, actor, { assignmentId: a.id }, now)))).toBe("notFound");
      expect(await refusal(db.transaction((tx) => extendDeadline(tx, actor, { assignmentId: a.id, userId: students[6]!.id, until: new Date(due + 3 * DAY) }, now)))).toBe("notFound");
      expect(await refusal(db.transaction((tx) => excuseStudent(tx, actor, { assignmentId: a.id, userId: students[6]!.id }, now)))).toBe("notFound");
    }
    expect((await reviewsOf(a.id)).find((r) => r.id === open.id)!.status).toBe("assigned");
    expect(await db.select().from(auditLog).where(eq(auditLog.cohortId, cohort.id))).toEqual([]);
    const done = await db.transaction((tx) => reassign(tx, { id: admin.id, isAdmin: true }, { reviewId: open.id, to: "auto" }, now));
    expect(done.from).toBe(open.reviewerId);
  });

  it("hands all of a no-show's open reviews on in one click, and a fix that fails leaves neither change nor record", async () => {
    const { cohort, assignment: a, students, instructor, due } = await seeded();
    const db = getDb();
    const now = new Date(due + 4 * HOUR);
    const noShow = students[3]!;
    const blocked = (await reviewsOf(a.id)).filter((r) => r.reviewerId === noShow.id && r.status === "assigned").map((r) => r.authorId);
    expect(blocked).toHaveLength(2);

    const failed = await db
      .transaction(async (tx) => {
        await reassignAllOf(tx, instructor, { cohortId: cohort.id, reviewerId: noShow.id }, now);
        throw new Error("the connection dropped");
      })
      .catch((e: Error) => e.message);
    expect(failed).toBe("the connection dropped");
    expect((await reviewsOf(a.id)).filter((r) => r.reviewerId === noShow.id && r.status === "assigned")).toHaveLength(2);
    expect(await listAudit(db, cohort.id)).toEqual([]);

    const done = await db.transaction((tx) => reassignAllOf(tx, instructor, { cohortId: cohort.id, reviewerId: noShow.id }, now));
    expect(done.map((d) => d.authorId).sort()).toEqual([...blocked].sort());
    // Volunteers (s0, s1: they gave theirs) first, one each, and never one who reviews that author already; else the instructor.
    const before = await reviewsOf(a.id);
    for (const d of done) {
      expect([students[0]!.id, students[1]!.id, instructor.id]).toContain(d.to);
      expect(before.filter((r) => r.reviewerId === d.to && r.authorId === d.authorId)).toHaveLength(1);
    }
    const volunteers = done.filter((d) => d.to !== instructor.id).map((d) => d.to);
    expect(new Set(volunteers).size).toBe(volunteers.length);
    const log = await listAudit(db, cohort.id);
    expect(log.map((e) => e.action)).toEqual(["review_reassigned", "review_reassigned"]);
    expect(await refusal(db.transaction((tx) => reassignAllOf(tx, instructor, { cohortId: cohort.id, reviewerId: noShow.id }, now)))).toBe("reassignNothingOpen");
  });

  it("re-pairs: unstarted overdue reviews expire and waiting submissions go to volunteers, the rest stays for instructors", async () => {
    const { cohort, assignment: a, students, instructor, due } = await seeded();
    const db = getDb();
    // s2 has started one of theirs (a draft): that one is not taken away.
    const draft = (await reviewsOf(a.id)).find((r) => r.reviewerId === students[2]!.id)!;
    await db.update(reviews).set({ status: "draft", startedAt: new Date(due) }).where(eq(reviews.id, draft.id));
    const late = new Date(a.reviewDue.getTime() + HOUR);
    const result = await db.transaction((tx) => repair(tx, instructor, { assignmentId: a.id }, late));
    const rows = await reviewsOf(a.id);
    expect(rows.find((r) => r.id === draft.id)!.status).toBe("draft");
    // s2's other one, and two each of s3, s4 and the late s5: seven slots open in the pool.
    expect(result.expired).toBe(7);
    // The two volunteers take one each; five wait for instructors.
    expect(result.handed.map((h) => h.to).sort()).toEqual([students[0]!.id, students[1]!.id].sort());
    expect(result.left).toBe(5);
    for (const h of result.handed) expect(rows.filter((r) => r.reviewerId === h.to && r.authorId === h.authorId && r.kind === "extra")).toHaveLength(1);
    const [entry] = await listAudit(db, cohort.id);
    expect(entry).toMatchObject({ action: "reviews_repaired", details: { expired: 7, handed: 2, left: 5 } });
  });

  it("extends one student's deadline: their submission counts as on time and their open reviews move", async () => {
    const { cohort, assignment: a, students, instructor, due } = await seeded();
    const db = getDb();
    const now = new Date(due + 4 * HOUR);
    const until = new Date(due + 3 * DAY);
    const late = students[6]!;
    expect(await refusal(db.transaction((tx) => extendDeadline(tx, instructor, { assignmentId: a.id, userId: late.id, until: new Date(due + HOUR) }, new Date(due + 2 * HOUR))))).toBe(
      "checkFields",
    );
    await db.transaction((tx) => extendDeadline(tx, instructor, { assignmentId: a.id, userId: late.id, until }, now));
    const cell = async () => (await cohortMatrix(db, cohort.id, { ...all, q: late.name }, new Date(due + DAY))).rows[0]!.cells[0]!;
    expect(await cell()).toMatchObject({ status: "pending", extendedUntil: until });
    await submitEmpathyMap(cohort.id, a.id, late, new Date(due + 2 * DAY));
    expect((await cell()).status).toBe("on_time");

    await db.transaction((tx) => extendDeadline(tx, instructor, { assignmentId: a.id, userId: students[2]!.id, until: new Date(a.reviewDue.getTime() + 5 * DAY) }, now));
    const moved = (await reviewsOf(a.id)).filter((r) => r.reviewerId === students[2]!.id && r.status === "assigned");
    expect(moved.map((r) => r.dueAt.getTime())).toEqual(moved.map(() => a.reviewDue.getTime() + 5 * DAY));
    expect((await listAudit(db, cohort.id)).map((e) => e.action)).toEqual(["deadline_extended", "deadline_extended"]);
  });
});
