import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { reviews, selfAssessments, submissions } from "@/db/schema";
import type { AssignmentInput } from "@/lib/assignments/store";
import { studentDetail } from "@/lib/dashboard/student";
import { pairNow } from "@/lib/pairing/store";
import type { ReviewScores } from "@/lib/pairing/types";
import { reviewStanding } from "@/lib/reviews/queries";
import { rateHelpfulness, submitReview, type ReviewContent } from "@/lib/reviews/store";
import { isUnlocked, receivedLockFor, unlockedFor } from "@/lib/reviews/visibility";
import { createUser } from "@/lib/test/factories";
import { pairingCohort, submitEmpathyMap, type Person } from "@/lib/test/pairing-fixtures";
import { refusal, refusalOf } from "@/lib/test/refusal";
import { compareSelfPeer } from "./compare";
import { pendingSelfAssessments, selfAssessmentPage, selfVsPeer } from "./queries";
import { seedSelfAssessments } from "./seed";
import { saveSelfAssessment } from "./store";

const HOUR = 3_600_000;

/** The fixture's rubric: clarity on 1–4, fit on 1–5. */
const MINE: ReviewScores = {
  clarity: { score: 4, comment: "  Ich finde die Pains sehr klar.  " },
  fit: { score: 3, comment: "" },
};

/** A complete peer review (clarity 3 of 4, fit 4 of 5), well over every minimum length. */
const REVIEW: ReviewContent = {
  scores: {
    clarity: { score: 3, comment: "Die Pains sind konkret benannt, die Gains bleiben noch etwas allgemein." },
    fit: { score: 4, comment: "Die Map passt gut zum Segment, das im Interview beschrieben wurde." },
  },
  standout: "Besonders stark sind die Zitate aus dem Interview: Sie machen die Pains greifbar und glaubwürdig.",
  anchors: [],
};

/** n students submit and are paired (each reviews two, each is reviewed by two), on an assignment with self-assessment unless told otherwise. */
async function pairedCohort(n = 4, over: Partial<AssignmentInput> = { selfAssessment: true }) {
  const f = await pairingCohort(n, over);
  for (const s of f.students) await submitEmpathyMap(f.cohort.id, f.assignment.id, s);
  await getDb().transaction((tx) => pairNow(tx, f.instructor, f.assignment.id));
  const rows = await getDb().select().from(reviews).where(eq(reviews.assignmentId, f.assignment.id));
  const subs = await getDb().select().from(submissions).where(eq(submissions.assignmentId, f.assignment.id));
  const student = (id: string) => f.students.find((s) => s.id === id)!;
  return {
    ...f,
    tasksOf: (p: Person) => rows.filter((r) => r.reviewerId === p.id),
    reviewsOf: (p: Person) => rows.filter((r) => r.authorId === p.id),
    submissionOf: (p: Person) => subs.find((s) => s.authorId === p.id)!,
    student,
  };
}

function save(actor: Person, submissionId: string, scores: ReviewScores = MINE, comment = "Insgesamt zufrieden.") {
  return getDb().transaction((tx) => saveSelfAssessment(tx, actor, { submissionId, scores, comment }));
}

async function sendReview(reviewer: Person, reviewId: string, content: ReviewContent = REVIEW, now?: Date) {
  const [row] = await getDb().select({ version: reviews.version }).from(reviews).where(eq(reviews.id, reviewId));
  return getDb().transaction((tx) => submitReview(tx, reviewer, { ...content, reviewId, baseVersion: row!.version }, now));
}

function rate(actor: Person, reviewId: string, rating: number) {
  return getDb().transaction((tx) => rateHelpfulness(tx, actor, { reviewId, rating }));
}

async function storedOf(assignmentId: string) {
  return getDb().select().from(selfAssessments).where(eq(selfAssessments.assignmentId, assignmentId));
}

describe("saving a self-assessment", () => {
  it("the author saves once (rubric criteria only, comments trimmed); the same again changes nothing; a change is refused", async () => {
    const { students, assignment, submissionOf } = await pairedCohort(3);
    const author = students[0]!;
    const submission = submissionOf(author);
    const extra = { ...MINE, bogus: { score: 2, comment: "kein Kriterium" } };
    expect(await save(author, submission.id, extra)).toEqual({ cohortId: assignment.cohortId, assignmentId: assignment.id, created: true });
    const [row] = await storedOf(assignment.id);
    expect(row).toMatchObject({ userId: author.id, submissionId: submission.id, comment: "Insgesamt zufrieden." });
    expect(row!.scores).toEqual({ clarity: { score: 4, comment: "Ich finde die Pains sehr klar." }, fit: { score: 3, comment: "" } });

    // A double click or a retry: the same content, nothing new.
    expect((await save(author, submission.id, MINE, " Insgesamt zufrieden. ")).created).toBe(false);
    // Anything else is refused: one self-assessment, final.
    expect(await refusal(save(author, submission.id, { ...MINE, fit: { score: 5, comment: "" } }))).toBe("selfAssessmentFinal");
    expect(await refusal(save(author, submission.id, MINE, "Doch anders."))).toBe("selfAssessmentFinal");
    const after = await storedOf(assignment.id);
    expect(after).toHaveLength(1);
    expect(after[0]!.scores).toEqual(row!.scores);
    expect(after[0]!.comment).toBe("Insgesamt zufrieden.");
  });

  it("only the author: a classmate, an assigned reviewer, the cohort's and another cohort's instructor and an admin get not found, and nothing is written", async () => {
    const { students, instructor, assignment, submissionOf, reviewsOf, student } = await pairedCohort();
    const author = students[0]!;
    const submission = submissionOf(author);
    const reviewer = student(reviewsOf(author)[0]!.reviewerId);
    const classmate = students.find((s) => s.id !== author.id && !reviewsOf(author).some((r) => r.reviewerId === s.id))!;
    const other = await pairingCohort(1);
    const adminRow = await createUser({ name: "Ada Admin", isAdmin: true });
    const admin: Person = { id: adminRow.id, isAdmin: true, name: adminRow.name };
    for (const who of [classmate, reviewer, instructor, other.instructor, other.students[0]!, admin]) {
      expect(await refusal(save(who, submission.id)), who.name).toBe("notFound");
    }
    // An id that names no submission at all reads the same.
    expect(await refusal(save(author, "00000000-0000-4000-8000-000000000000"))).toBe("notFound");
    expect(await storedOf(assignment.id)).toHaveLength(0);
  });

  it("every criterion scored on its scale, else refused with a message at each criterion's field", async () => {
    const { students, assignment, submissionOf } = await pairedCohort(3);
    const author = students[0]!;
    const id = submissionOf(author).id;
    const missing = await refusalOf(save(author, id, { clarity: { score: 3, comment: "" } }));
    expect(missing).toMatchObject({ code: "invalid", messageKey: "selfAssessmentUnscored", fieldErrorKeys: { "score-fit": "selfAssessmentScoreMissing" } });
    // 5 is past clarity's scale (1–4): as good as no score.
    const beyond = await refusalOf(save(author, id, { clarity: { score: 5, comment: "" }, fit: { score: 5, comment: "" } }));
    expect(beyond.fieldErrorKeys).toEqual({ "score-clarity": "selfAssessmentScoreMissing" });
    const none = await refusalOf(save(author, id, {}));
    expect(none.fieldErrorKeys).toEqual({ "score-clarity": "selfAssessmentScoreMissing", "score-fit": "selfAssessmentScoreMissing" });
    expect(await storedOf(assignment.id)).toHaveLength(0);
  });

  it("an assignment without self-assessment refuses it", async () => {
    const { students, assignment, submissionOf } = await pairedCohort(3, {});
    const author = students[0]!;
    expect(await refusalOf(save(author, submissionOf(author).id))).toMatchObject({ code: "forbidden", messageKey: "selfAssessmentOff" });
    expect(await storedOf(assignment.id)).toHaveLength(0);
  });
});

describe("reading received reviews behind the self-assessment", () => {
  it("the author who gave every review still reads and rates nothing until they assessed their own work, then can", async () => {
    const { students, assignment, cohort, tasksOf, reviewsOf, submissionOf, student } = await pairedCohort();
    const db = getDb();
    const author = students[0]!;
    for (const task of tasksOf(author)) await sendReview(author, task.id);
    const incoming = reviewsOf(author)[0]!;
    await sendReview(student(incoming.reviewerId), incoming.id);

    expect(await receivedLockFor(db, assignment, author.id)).toEqual({ unlocked: false, owesReviews: false, owesSelfAssessment: true });
    expect(await unlockedFor(db, assignment, author.id)).toBe(false);
    expect(await reviewStanding(db, author.id, assignment)).toMatchObject({ owed: 2, given: 2, received: 1, unlocked: false, selfAssessed: false });
    expect(await refusalOf(rate(author, incoming.id, 4))).toMatchObject({ code: "forbidden" });
    expect((await db.select().from(reviews).where(eq(reviews.id, incoming.id)))[0]!.helpfulness).toBeNull();
    // The page shows no received scores while locked.
    const before = await selfAssessmentPage(db, author, cohort.id, assignment.id);
    expect(before).toMatchObject({ self: null, received: null, lock: { unlocked: false, owesSelfAssessment: true } });
    expect(before!.version!.canvases).toHaveLength(1);
    expect(await pendingSelfAssessments(db, cohort.id, author.id)).toEqual([{ assignmentId: assignment.id, lessonTitle: expect.any(String), waiting: 1 }]);

    await save(author, submissionOf(author).id);
    expect(await receivedLockFor(db, assignment, author.id)).toEqual({ unlocked: true, owesReviews: false, owesSelfAssessment: false });
    expect(await reviewStanding(db, author.id, assignment)).toMatchObject({ unlocked: true, selfAssessed: true });
    await rate(author, incoming.id, 4);
    expect((await db.select().from(reviews).where(eq(reviews.id, incoming.id)))[0]!.helpfulness).toBe(4);
    const after = await selfAssessmentPage(db, author, cohort.id, assignment.id);
    expect(after!.self!.scores.clarity!.score).toBe(4);
    expect(after!.received).toEqual([REVIEW.scores]);
    expect(await pendingSelfAssessments(db, cohort.id, author.id)).toEqual([]);
  });

  it("the review deadline lifts hide-until-given but not the self-assessment; owing both says both", async () => {
    const { students, assignment, submissionOf } = await pairedCohort();
    const db = getDb();
    const author = students[1]!;
    const before = new Date(assignment.reviewDue.getTime() - HOUR);
    const after = new Date(assignment.reviewDue.getTime() + HOUR);
    expect(await receivedLockFor(db, assignment, author.id, before)).toEqual({ unlocked: false, owesReviews: true, owesSelfAssessment: true });
    expect(await receivedLockFor(db, assignment, author.id, after)).toEqual({ unlocked: false, owesReviews: false, owesSelfAssessment: true });
    expect((await reviewStanding(db, author.id, assignment, after)).unlocked).toBe(false);

    await save(author, submissionOf(author).id);
    expect(await receivedLockFor(db, assignment, author.id, before)).toEqual({ unlocked: false, owesReviews: true, owesSelfAssessment: false });
    expect(await unlockedFor(db, assignment, author.id, after)).toBe(true);
  });

  it("without self-assessment nothing changes: the old rule alone, no selfAssessed in the standing", async () => {
    const { students, assignment, tasksOf } = await pairedCohort(4, {});
    const db = getDb();
    const author = students[0]!;
    expect(await receivedLockFor(db, assignment, author.id)).toEqual({ unlocked: false, owesReviews: true, owesSelfAssessment: false });
    for (const task of tasksOf(author)) await sendReview(author, task.id);
    expect(await unlockedFor(db, assignment, author.id)).toBe(true);
    expect(await reviewStanding(db, author.id, assignment)).toEqual({ owed: 2, given: 2, received: 0, expected: 2, paired: true, unlocked: true });
    expect(await pendingSelfAssessments(db, assignment.cohortId, author.id)).toEqual([]);
  });

  it("isUnlocked: an assignment asking for a self-assessment stays locked unless told it was given", () => {
    const rule = { hideReceivedUntilGiven: false, reviewDue: new Date("2030-01-10T12:00:00Z"), selfAssessment: true };
    const now = new Date("2030-01-09T12:00:00Z");
    expect(isUnlocked(rule, now, 0, 0)).toBe(false);
    expect(isUnlocked(rule, now, 0, 0, true)).toBe(true);
    expect(isUnlocked({ ...rule, selfAssessment: false }, now, 0, 0)).toBe(true);
  });

  it("the page exists only for an assignment of this cohort that asks for a self-assessment", async () => {
    const { students, assignment, cohort } = await pairedCohort(3);
    const off = await pairedCohort(3, {});
    const db = getDb();
    expect(await selfAssessmentPage(db, students[0]!, cohort.id, assignment.id)).not.toBeNull();
    expect(await selfAssessmentPage(db, off.students[0]!, off.cohort.id, off.assignment.id)).toBeNull();
    expect(await selfAssessmentPage(db, students[0]!, off.cohort.id, assignment.id)).toBeNull();
  });
});

describe("self vs peers", () => {
  it("selfVsPeer matches compareSelfPeer, per student, on 0…1; the drill-down shows the same", async () => {
    const { students, assignment, cohort, reviewsOf, submissionOf, student } = await pairedCohort();
    const db = getDb();
    const [author, other] = [students[0]!, students[1]!];
    const low: ReviewContent = { ...REVIEW, scores: { clarity: { ...REVIEW.scores.clarity!, score: 1 }, fit: { ...REVIEW.scores.fit!, score: 2 } } };
    const [first, second] = reviewsOf(author);
    await sendReview(student(first!.reviewerId), first!.id);
    await sendReview(student(second!.reviewerId), second!.id, low);
    const theirs = reviewsOf(other)[0]!;
    await sendReview(student(theirs.reviewerId), theirs.id);
    await save(author, submissionOf(author).id);

    const map = await selfVsPeer(db, assignment.id);
    const expected = compareSelfPeer(assignment.rubric, MINE, [REVIEW.scores, low.scores]);
    // clarity: self 4/4 → 1, peers (3+1)/2 = 2 → 1/3; fit: self 3/5 → 0.5, peers (4+2)/2 = 3 → 0.5.
    expect(expected.self).toBeCloseTo(0.75);
    expect(expected.peer).toBeCloseTo((1 / 3 + 0.5) / 2);
    expect(map.get(author.id)!.self).toBeCloseTo(expected.self!);
    expect(map.get(author.id)!.peer).toBeCloseTo(expected.peer!);
    expect(map.get(other.id)).toEqual({ self: null, peer: expect.closeTo(compareSelfPeer(assignment.rubric, null, [REVIEW.scores]).peer!) });
    expect(map.has(students[2]!.id)).toBe(false);

    const detail = await studentDetail(db, cohort.id, author.id);
    const card = detail!.assignments.find((a) => a.id === assignment.id)!;
    expect(card.selfAssessment!.at).toBeInstanceOf(Date);
    expect(card.selfAssessment!.comparison.criteria.map((c) => [c.id, c.self, c.peer, c.diff])).toEqual([
      ["clarity", 4, 2, 2],
      ["fit", 3, 3, 0],
    ]);
    const none = (await studentDetail(db, cohort.id, students[2]!.id))!.assignments.find((a) => a.id === assignment.id)!;
    expect(none.selfAssessment).toMatchObject({ at: null, comparison: { self: null } });
  });

  it("the demo seed writes self-assessments above, level with and below the peers, once", async () => {
    const { students, assignment, reviewsOf, student } = await pairedCohort();
    for (const s of students) for (const r of reviewsOf(s)) await sendReview(student(r.reviewerId), r.id);
    const ids = students.slice(0, 3).map((s) => s.id);
    expect(await getDb().transaction((tx) => seedSelfAssessments(tx, assignment.id, ids))).toBe(3);
    expect(await getDb().transaction((tx) => seedSelfAssessments(tx, assignment.id, ids))).toBe(0);
    const map = await selfVsPeer(getDb(), assignment.id);
    const diffs = ids.map((id) => map.get(id)!.self! - map.get(id)!.peer!);
    expect(diffs[0]).toBeGreaterThan(0);
    expect(diffs[1]).toBeCloseTo(0);
    expect(diffs[2]).toBeLessThan(0);
    const rows = await getDb().select().from(selfAssessments).where(and(eq(selfAssessments.assignmentId, assignment.id), eq(selfAssessments.userId, students[3]!.id)));
    expect(rows).toHaveLength(0);
  });
});
