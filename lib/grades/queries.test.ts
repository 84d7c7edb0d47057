import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, type DbOrTx } from "@/db";
import { assignments, calibrationAttempts, calibrationExamples, reviews, submissions } from "@/db/schema";
import { excuseStudent } from "@/lib/dashboard/overrides";
import { addStudent, submitEmpathyMap } from "@/lib/test/pairing-fixtures";
import { computeGrade, round1 } from "./compute";
import { gradebook, gradingSettings, studentGrade } from "./queries";
import { DAY, giveReviews, HOUR, pairedCohort } from "./test-fixtures";

/** Counts the statements a read sends (the gradebook sends raw SQL only). */
function counting(db: DbOrTx) {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== "function") return value;
      if (prop === "execute" || prop === "select") {
        return (...args: unknown[]) => {
          n++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  return { db: proxy as DbOrTx, count: () => n };
}

/**
 * Five students who submitted and were paired: s0 and s1 review on time (rated 5 and 3), s2 late,
 * s3 on time (unrated), s4 not at all (so everyone received at least one review); one more never submits and one is excused. Calibration is optional: s0
 * tried two examples.
 */
async function graded() {
  const world = await pairedCohort(5);
  const { cohort, assignment: a, students, instructor } = world;
  const db = getDb();
  const [s0, s1, s2, s3] = students;
  await giveReviews(a, s0!, new Date(world.due + HOUR), { clarity: 4, fit: 5 }, 5);
  await giveReviews(a, s1!, new Date(world.due + 2 * HOUR), { clarity: 3, fit: 3 }, 3);
  await giveReviews(a, s2!, new Date(a.reviewDue.getTime() + HOUR), { clarity: 2, fit: 4 });
  await giveReviews(a, s3!, new Date(world.due + 3 * HOUR), { clarity: 1, fit: 2 });
  const missing = await addStudent(cohort.id, "Zora Zuletzt");
  const excused = await addStudent(cohort.id, "Xaver Entschuldigt");
  await db.transaction((tx) => excuseStudent(tx, instructor, { assignmentId: a.id, userId: excused.id }));
  await db.update(assignments).set({ calibration: "optional" }).where(eq(assignments.id, a.id));
  const [example] = await db.insert(calibrationExamples).values({ assignmentId: a.id, title: "Beispiel", canvases: [], scores: {} }).returning();
  const [example2] = await db.insert(calibrationExamples).values({ assignmentId: a.id, title: "Beispiel 2", canvases: [], scores: {}, position: 1 }).returning();
  await db.insert(calibrationAttempts).values([
    { exampleId: example!.id, assignmentId: a.id, userId: s0!.id, scores: {}, accuracy: 0.5 },
    { exampleId: example2!.id, assignmentId: a.id, userId: s0!.id, scores: {}, accuracy: 0.9 },
  ]);
  return { ...world, missing, excused, now: new Date(a.reviewDue.getTime() + 2 * DAY) };
}

describe("gradebook", () => {
  it("grades every student × assignment as computeGrade does, from the reviews in the database", async () => {
    const { cohort, assignment: a, students, missing, excused, now } = await graded();
    const db = getDb();
    const book = (await gradebook(db, cohort.id, {}, now))!;
    expect(book.assignments.map((x) => x.id)).toEqual([a.id]);
    expect(book.rows).toHaveLength(7);
    const all = await db.select().from(reviews).where(eq(reviews.assignmentId, a.id));
    const subs = await db.select().from(submissions).where(eq(submissions.assignmentId, a.id));
    for (const s of students) {
      const mine = all.filter((r) => r.reviewerId === s.id);
      const done = mine.filter((r) => r.status === "submitted");
      const expected = computeGrade({
        rubric: a.rubric,
        aggregate: "mean",
        weights: a.gradeWeights,
        submitted: subs.some((x) => x.authorId === s.id),
        received: all.filter((r) => r.authorId === s.id && r.status === "submitted").map((r) => r.scores),
        instructor: null,
        reviewing: {
          owed: mine.filter((r) => r.kind === "duty").length,
          onTime: done.filter((r) => r.submittedAt! <= r.dueAt).length,
          late: done.filter((r) => r.submittedAt! > r.dueAt).length,
        },
        calibration: { mode: "optional", accuracy: s.id === students[0]!.id ? 0.9 : null },
        helpfulness: done.filter((r) => r.helpfulness !== null).map((r) => r.helpfulness!),
      });
      const row = book.rows.find((r) => r.userId === s.id)!;
      const cell = row.cells[0]!;
      if (expected.computed === null) {
        expect(cell.state).toBe("pending");
      } else {
        expect(cell.state).toBe("graded");
        expect(cell.grade!.computed).toBe(expected.computed);
        expect(cell.grade!.parts.map((p) => [p.key, p.points])).toEqual(expected.parts.map((p) => [p.key, p.points]));
        expect(row.total).toBe(expected.computed);
      }
    }
    // s0: calibrated (best attempt 0.9) and rated 5; s2 reviewed late; s4 gave none.
    expect(book.rows.filter((r) => r.cells[0]!.state === "graded")).toHaveLength(6);
    const s0 = book.rows.find((r) => r.userId === students[0]!.id)!.cells[0]!.grade!;
    expect(s0.parts.find((p) => p.key === "calibration")).toMatchObject({ accuracy: 0.9 });
    expect(s0.parts.find((p) => p.key === "helpfulness")).toMatchObject({ ratings: 2, mean: 5 });
    expect(book.rows.find((r) => r.userId === students[2]!.id)!.cells[0]!.grade!.parts.find((p) => p.key === "reviewing")).toMatchObject({ onTime: 0, late: 2 });
    // Never submitted, past the deadline: graded (0 for the submission); excused: no grade, no total.
    const m = book.rows.find((r) => r.userId === missing.id)!;
    expect(m.cells[0]).toMatchObject({ state: "graded", submissionId: null });
    expect(m.cells[0]!.grade!.computed).toBe(0);
    const x = book.rows.find((r) => r.userId === excused.id)!;
    expect(x).toMatchObject({ total: null, graded: 0 });
    expect(x.cells[0]).toMatchObject({ state: "excused", grade: null });
    // Before the deadline the non-submitter is "open", not 0.
    const early = (await gradebook(db, cohort.id, {}, new Date(a.submissionDue.getTime() - HOUR)))!;
    expect(early.rows.find((r) => r.userId === missing.id)!.cells[0]).toMatchObject({ state: "open", grade: null });
  });

  it("takes the mean of the graded assignments as the total, and pages students in name order", async () => {
    const { cohort, students, lessons, instructor, now } = await graded();
    const db = getDb();
    // A second assignment in which nobody was reviewed: everyone who submitted is pending there.
    const { saveAssignment } = await import("@/lib/assignments/store");
    const second = await saveAssignment(db, instructor, {
      cohortId: cohort.id,
      lessonId: lessons[1]!.id,
      instructionsMd: "",
      requirements: [{ template: "empathy-map", count: 1, distinctSegments: false }],
      rubric: [{ id: "clarity", title: "Klarheit", prompt: "Ist es klar?", scale: 4 }],
      reviewsPerStudent: 2,
      submissionDue: new Date(now.getTime() - 3 * DAY),
      reviewDue: new Date(now.getTime() + 3 * DAY),
      anonymity: "named",
      hideReceivedUntilGiven: true,
      pairingMode: "deadline",
    });
    await submitEmpathyMap(cohort.id, second.id, students[0]!, new Date(now.getTime() - 4 * DAY));
    const book = (await gradebook(db, cohort.id, {}, now))!;
    const row = book.rows.find((r) => r.userId === students[0]!.id)!;
    expect(row.cells.map((c) => c.state)).toEqual(["graded", "pending"]);
    expect(row.total).toBe(row.cells[0]!.grade!.points);
    const other = book.rows.find((r) => r.userId === students[1]!.id)!;
    // Not submitted and past the deadline: 0 there, and it counts.
    expect(other.cells[1]!.grade!.computed).toBe(0);
    expect(other.total).toBe(round1(other.cells[0]!.grade!.points! / 2));

    const names = book.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort((p, q) => p.toLowerCase().localeCompare(q.toLowerCase())));
    const page2 = (await gradebook(db, cohort.id, { page: 2, pageSize: 3 }, now))!;
    expect(page2).toMatchObject({ page: 2, pages: 3 });
    expect(page2.rows.map((r) => r.name)).toEqual(names.slice(3, 6));
  });

  it("reads the gradebook in two statements, however many students", async () => {
    const { cohort, assignment: a, now } = await graded();
    const first = counting(getDb());
    await gradebook(first.db, cohort.id, { pageSize: null }, now);
    for (let i = 0; i < 4; i++) {
      const s = await addStudent(cohort.id, `Spät ${i}`);
      await submitEmpathyMap(cohort.id, a.id, s, new Date(a.submissionDue.getTime() + HOUR));
    }
    const second = counting(getDb());
    const book = (await gradebook(second.db, cohort.id, { pageSize: null }, now))!;
    expect(book.rows).toHaveLength(11);
    expect(first.count()).toBe(2);
    expect(second.count()).toBe(2);
  });

  it("shows a student their own grade only once released, in one statement from the lesson page's row", async () => {
    const { assignment: a, students, now } = await graded();
    const db = getDb();
    const row = async () => gradingSettings((await db.select().from(assignments).where(eq(assignments.id, a.id)))[0]!);
    const before = counting(db);
    expect(await studentGrade(before.db, await row(), students[0]!.id, now)).toBeNull();
    await db.update(assignments).set({ gradesReleasedAt: now }).where(eq(assignments.id, a.id));
    const settings = await row();
    const after = counting(db);
    const mine = (await studentGrade(after.db, settings, students[0]!.id, now))!;
    expect([before.count(), after.count()]).toEqual([0, 1]); // nothing before the release, then the cell alone
    expect(mine.grade.points).toBeGreaterThan(0);
    expect(mine.releasedAt).toEqual(now);
    const book = (await gradebook(db, settings.cohortId, {}, now))!;
    expect(mine.grade).toEqual(book.rows.find((r) => r.userId === students[0]!.id)!.cells[0]!.grade);
    // Not a student of the cohort: nothing.
    expect(await studentGrade(db, settings, "00000000-0000-0000-0000-000000000000", now)).toBeNull();
  });
});
