import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, type Tx } from "@/db";
import { assignments, auditLog, calibrationAttempts, calibrationExamples, reviews } from "@/db/schema";
import { pairNow } from "@/lib/pairing/store";
import { saveDraft, submitReview } from "@/lib/reviews/store";
import type { AssignmentInput } from "@/lib/assignments/store";
import { emptyDocument } from "@/lib/canvas/document";
import { addNote, makeNote } from "@/lib/canvas/operations";
import { createCanvas } from "@/lib/canvas/store";
import type { ReviewScores } from "@/lib/pairing/types";
import { pairingCohort, submitEmpathyMap, type Person } from "@/lib/test/pairing-fixtures";
import { refusal, refusalOf } from "@/lib/test/refusal";
import { scoreAccuracy } from "./accuracy";
import { instructorExample, instructorExamples } from "./authoring";
import { attemptResult, calibrationAccuracy, calibrationGate, calibrationOverview, studentRound } from "./queries";
import { createExample, deleteExample, saveExample, submitAttempt } from "./store";

// The fixture's rubric: clarity on 4 points, fit on 5.
const answers = (clarity: number | null, fit: number | null, why = true): ReviewScores => ({
  clarity: { score: clarity, comment: why ? "Die Pains sind konkret, die Gains bleiben vage." : "" },
  fit: { score: fit, comment: why ? "Das Segment ist klar umrissen." : "" },
});

async function canvasOf(person: Person, cohortId: string, text = "Wenig Zeit am Morgen", template: "empathy-map" | "persona" = "empathy-map") {
  const blockId = template === "empathy-map" ? "pains" : "goals";
  const document = addNote(emptyDocument(), blockId, makeNote(text));
  return createCanvas(getDb(), person.id, { cohortId, template, title: `Canvas von ${person.name}`, document });
}

const tx = <T>(work: (t: Tx) => Promise<T>) => getDb().transaction(work);

/** A cohort whose assignment has calibration on, and one scored example of the instructor (clarity 4, fit 5). */
async function calibratedCohort(mode: "optional" | "required" | "off" = "required", over: Partial<AssignmentInput> = {}) {
  const f = await pairingCohort(3, { calibration: mode, ...over });
  const canvas = await canvasOf(f.instructor, f.cohort.id);
  const create = (title = "Beispiel A", canvasIds = [canvas.id], actor: Person = f.instructor) =>
    tx((t) => createExample(t, actor, { cohortId: f.cohort.id, assignmentId: f.assignment.id, title, canvasIds }));
  const score = (exampleId: string, scores: ReviewScores, actor: Person = f.instructor, title = "Beispiel A") =>
    tx((t) => saveExample(t, actor, { cohortId: f.cohort.id, exampleId, title, scores, standout: "Insgesamt stark." }));
  const attempt = (student: Person, exampleId: string, scores: ReviewScores) =>
    tx((t) => submitAttempt(t, student, { cohortId: f.cohort.id, exampleId, scores, standout: "" }));
  const gate = (student: Person) => calibrationGate(getDb(), { id: f.assignment.id, calibration: mode }, student.id);
  return { ...f, canvas, create, score, attempt, gate };
}

async function examplesOf(assignmentId: string) {
  return getDb().select().from(calibrationExamples).where(eq(calibrationExamples.assignmentId, assignmentId));
}

async function auditOf(assignmentId: string) {
  return getDb().select().from(auditLog).where(eq(auditLog.assignmentId, assignmentId)).orderBy(auditLog.createdAt);
}

describe("calibration examples (instructor)", () => {
  it("are created from the instructor's own canvas, scored with a why per criterion, edited and deleted — each audited", async () => {
    const f = await calibratedCohort();
    const { id } = await f.create();
    let [row] = await examplesOf(f.assignment.id);
    expect(row!.canvases).toHaveLength(1);
    expect(row!.canvases[0]!.canvasId).toBe(f.canvas.id);
    expect(row!.canvases[0]!.document.blocks.pains![0]!.text).toBe("Wenig Zeit am Morgen");
    // Not scored yet: not ready, students are not offered it.
    expect((await instructorExamples(getDb(), f.instructor, f.cohort.id, f.assignment.id))!.examples[0]).toMatchObject({ id, ready: false, canvasCount: 1 });

    // Every criterion needs a score and a why, each named at its field.
    const incomplete = await refusalOf(f.score(id, { clarity: { score: 4, comment: "" }, fit: { score: null, comment: "Warum" } }));
    expect(incomplete.messageKey).toBe("calibrationExampleIncomplete");
    expect(incomplete.fieldErrorKeys).toEqual({ "comment-clarity": "calibrationWhyMissing", "score-fit": "calibrationScoreMissing" });

    await f.score(id, answers(4, 5), f.instructor, "Beispiel A (überarbeitet)");
    [row] = await examplesOf(f.assignment.id);
    expect(row).toMatchObject({ title: "Beispiel A (überarbeitet)", standout: "Insgesamt stark." });
    expect(row!.scores.clarity).toEqual({ score: 4, comment: "Die Pains sind konkret, die Gains bleiben vage." });
    expect((await instructorExamples(getDb(), f.instructor, f.cohort.id, f.assignment.id))!.examples[0]!.ready).toBe(true);

    expect(await f.gate(f.students[0]!)).toMatchObject({ required: true, nextExampleId: id });
    expect(await tx((t) => deleteExample(t, f.instructor, { cohortId: f.cohort.id, exampleId: id }))).toEqual({ deleted: true, assignmentId: f.assignment.id, attempts: 0 });
    expect(await examplesOf(f.assignment.id)).toHaveLength(0);
    // A second delete (another tab) finds nothing to do and says so without an error.
    expect(await tx((t) => deleteExample(t, f.instructor, { cohortId: f.cohort.id, exampleId: id }))).toEqual({ deleted: false, assignmentId: null, attempts: 0 });
    // Saving the deleted example tells the instructor it is gone.
    expect(await refusal(f.score(id, answers(4, 5)))).toBe("calibrationExampleGone");

    const log = await auditOf(f.assignment.id);
    expect(log.map((e) => [e.action, e.details.created ?? null])).toEqual([
      ["calibration_example_saved", true],
      ["calibration_example_saved", false],
      ["calibration_example_deleted", null],
    ]);
    expect(log[2]!.details).toMatchObject({ name: "Beispiel A (überarbeitet)", attempts: 0 });
    expect(log.every((e) => e.actorId === f.instructor.id && e.cohortId === f.cohort.id)).toBe(true);
  });

  it("refuses students and another cohort's instructor (not found) and writes nothing", async () => {
    const f = await calibratedCohort();
    const other = await calibratedCohort();
    const { id } = await f.create();
    await f.score(id, answers(4, 5));
    const before = { examples: await examplesOf(f.assignment.id), audit: await auditOf(f.assignment.id) };
    const student = f.students[0]!;
    const ownCanvas = await canvasOf(student, f.cohort.id);

    for (const actor of [student, other.instructor]) {
      expect(await refusal(f.create("Fremd", [f.canvas.id], actor))).toBe("notFound");
      expect(await refusal(f.score(id, answers(1, 1), actor))).toBe("notFound");
      expect(await refusal(tx((t) => deleteExample(t, actor, { cohortId: f.cohort.id, exampleId: id })))).toBe("notFound");
      expect(await instructorExamples(getDb(), actor, f.cohort.id, f.assignment.id)).toBeNull();
      expect(await instructorExample(getDb(), actor, f.cohort.id, id)).toBeNull();
    }
    // The other instructor naming their own cohort does not reach this one's example either.
    expect(await refusal(tx((t) => deleteExample(t, other.instructor, { cohortId: other.cohort.id, exampleId: id })))).toBe("notFound");
    expect(await refusal(tx((t) => saveExample(t, other.instructor, { cohortId: other.cohort.id, exampleId: id, title: "x", scores: answers(1, 1), standout: "" })))).toBe("notFound");
    // The instructor cannot freeze a student's canvas (it does not exist for them), nor a kind the assignment does not ask for.
    expect(await refusal(f.create("Geliehen", [ownCanvas.id]))).toBe("notFound");
    const persona = await canvasOf(f.instructor, f.cohort.id, "Mia, 34", "persona");
    expect((await refusalOf(f.create("Falsche Art", [persona.id]))).fieldErrorKeys).toEqual({ canvasIds: "calibrationCanvasWrongKind" });

    expect(await examplesOf(f.assignment.id)).toEqual(before.examples);
    expect(await auditOf(f.assignment.id)).toEqual(before.audit);
  });
});

describe("calibration attempts (students)", () => {
  it("stores the agreement with the instructor; a second attempt of the same example changes nothing", async () => {
    const f = await calibratedCohort("optional");
    const [anna, ben] = f.students as [Person, Person];
    const { id } = await f.create();
    await f.score(id, answers(4, 5));

    // Before they hand in their own work, students do not calibrate.
    expect(await refusal(f.attempt(anna, id, answers(4, 5)))).toBe("calibrationNotYet");
    await submitEmpathyMap(f.cohort.id, f.assignment.id, anna);

    // Every criterion needs a score (comments are optional).
    const unscored = await refusalOf(f.attempt(anna, id, answers(2, null, false)));
    expect(unscored.fieldErrorKeys).toEqual({ "score-fit": "calibrationScoreMissing" });

    // |2−4|/3 and |3−5|/4 → 1 − (2/3 + 1/2)/2 = 5/12.
    const first = await f.attempt(anna, id, answers(2, 3, false));
    expect(first).toMatchObject({ exampleId: id, repeated: false });
    expect(first.accuracy).toBeCloseTo(5 / 12, 5);
    const again = await f.attempt(anna, id, answers(4, 5));
    expect(again.repeated).toBe(true);
    expect(again.accuracy).toBeCloseTo(5 / 12, 5);
    const rows = await getDb().select().from(calibrationAttempts).where(eq(calibrationAttempts.userId, anna.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.scores.clarity!.score).toBe(2);

    // Two submits at once make one attempt too.
    await submitEmpathyMap(f.cohort.id, f.assignment.id, ben);
    const both = await Promise.all([f.attempt(ben, id, answers(4, 5)), f.attempt(ben, id, answers(4, 5))]);
    expect(both.map((b) => b.accuracy)).toEqual([1, 1]);
    expect(await getDb().select().from(calibrationAttempts).where(eq(calibrationAttempts.userId, ben.id))).toHaveLength(1);

    expect(await calibrationAccuracy(getDb(), f.assignment.id)).toEqual(new Map([
      [anna.id, expect.closeTo(5 / 12, 5)],
      [ben.id, 1],
    ]));

    // The instructor changes their mind: the attempts keep their answers and are measured again.
    const { rescored } = await f.score(id, answers(2, 3));
    expect(rescored).toBe(2);
    const best = await calibrationAccuracy(getDb(), f.assignment.id);
    expect(best.get(anna.id)).toBe(1);
    expect(best.get(ben.id)).toBeCloseTo(5 / 12, 5);
  });

  it("shows a student the example without the instructor's answers until they attempted it", async () => {
    const f = await calibratedCohort("required");
    const anna = f.students[0]!;
    const { id } = await f.create();
    await f.score(id, answers(4, 5));
    await submitEmpathyMap(f.cohort.id, f.assignment.id, anna);

    const round = (await studentRound(getDb(), anna, f.cohort.id, f.assignment.id))!;
    expect(round).toMatchObject({ eligible: true, readyCount: 1, attempts: [] });
    expect(Object.keys(round.next!).sort()).toEqual(["canvases", "id", "title"]);
    expect(JSON.stringify(round)).not.toContain("Die Pains sind konkret");
    expect(await attemptResult(getDb(), anna.id, f.assignment.id, id)).toBeNull();

    await f.attempt(anna, id, answers(1, 5));
    const result = (await attemptResult(getDb(), anna.id, f.assignment.id, id))!;
    expect(result.criteria.map((c) => [c.id, c.student, c.instructor, c.difference])).toEqual([
      ["clarity", 1, 4, -3],
      ["fit", 5, 5, 0],
    ]);
    expect(result.criteria[0]!.why).toBe("Die Pains sind konkret, die Gains bleiben vage.");
    expect(result.accuracy).toBeCloseTo(0.5, 5);
    expect(result.instructorStandout).toBe("Insgesamt stark.");
    // Another student's attempt is not theirs to read.
    expect(await attemptResult(getDb(), f.students[1]!.id, f.assignment.id, id)).toBeNull();
    const after = (await studentRound(getDb(), anna, f.cohort.id, f.assignment.id))!;
    expect(after.next).toBeNull();
    expect(after.attempts).toEqual([expect.objectContaining({ exampleId: id, accuracy: expect.closeTo(0.5, 5) })]);

    // A student of another cohort sees nothing of it.
    const other = await calibratedCohort();
    expect(await studentRound(getDb(), other.students[0]!, f.cohort.id, f.assignment.id)).toBeNull();
    expect(await refusal(f.attempt(other.students[0]!, id, answers(4, 5)))).toBe("notFound");
  });

  it("is refused to instructors, when calibration is off and on an example not scored yet", async () => {
    const f = await calibratedCohort("optional");
    const anna = f.students[0]!;
    const { id } = await f.create();
    await submitEmpathyMap(f.cohort.id, f.assignment.id, anna);
    expect(await refusal(f.attempt(anna, id, answers(4, 5)))).toBe("calibrationExampleNotReady");
    await f.score(id, answers(4, 5));
    expect(await refusal(f.attempt(f.instructor, id, answers(4, 5)))).toBe("calibrationStudentsOnly");
    await getDb().update(assignments).set({ calibration: "off" }).where(eq(assignments.id, f.assignment.id));
    expect(await refusal(f.attempt(anna, id, answers(4, 5)))).toBe("calibrationOff");
    expect(await getDb().select().from(calibrationAttempts).where(eq(calibrationAttempts.assignmentId, f.assignment.id))).toHaveLength(0);
  });
});

describe("calibrationGate", () => {
  it("required: open without examples, closed until the first attempt, then done with the best agreement", async () => {
    const f = await calibratedCohort("required");
    const anna = f.students[0]!;
    expect(await f.gate(anna)).toEqual({ required: false, done: false, attempts: 0, bestAccuracy: null, nextExampleId: null });
    const a = await f.create("A");
    // Created but not scored: still no example students can take, the gate stays open.
    expect((await f.gate(anna)).required).toBe(false);
    await f.score(a.id, answers(4, 5), f.instructor, "A");
    const b = await f.create("B");
    await f.score(b.id, answers(1, 1), f.instructor, "B");
    expect(await f.gate(anna)).toEqual({ required: true, done: false, attempts: 0, bestAccuracy: null, nextExampleId: a.id });

    await submitEmpathyMap(f.cohort.id, f.assignment.id, anna);
    await f.attempt(anna, a.id, answers(1, 1));
    expect(await f.gate(anna)).toEqual({ required: true, done: true, attempts: 1, bestAccuracy: 0, nextExampleId: b.id });
    await f.attempt(anna, b.id, answers(1, 1));
    expect(await f.gate(anna)).toEqual({ required: true, done: true, attempts: 2, bestAccuracy: 1, nextExampleId: null });
    // Someone else's attempts do not count for Ben.
    expect(await f.gate(f.students[1]!)).toMatchObject({ required: true, done: false, attempts: 0 });

    expect(await calibrationOverview(getDb(), anna.id, f.cohort.id)).toEqual([
      { assignmentId: f.assignment.id, lessonTitle: "Lektion 1", mode: "required", attempts: 2, bestAccuracy: 1 },
    ]);
    // Ben has not submitted: nothing for him yet.
    expect(await calibrationOverview(getDb(), f.students[1]!.id, f.cohort.id)).toEqual([]);
  });

  it("optional never requires; off offers no example", async () => {
    const optional = await calibratedCohort("optional");
    const a = await optional.create();
    await optional.score(a.id, answers(4, 5));
    expect(await optional.gate(optional.students[0]!)).toEqual({ required: false, done: false, attempts: 0, bestAccuracy: null, nextExampleId: a.id });

    const off = await calibratedCohort("off");
    const b = await off.create();
    await off.score(b.id, answers(4, 5));
    expect(await off.gate(off.students[0]!)).toEqual({ required: false, done: false, attempts: 0, bestAccuracy: null, nextExampleId: null });
    await submitEmpathyMap(off.cohort.id, off.assignment.id, off.students[0]!);
    expect(await calibrationOverview(getDb(), off.students[0]!.id, off.cohort.id)).toEqual([]);
    const round = (await studentRound(getDb(), off.students[0]!, off.cohort.id, off.assignment.id))!;
    expect(round.next).toBeNull();
  });
});

describe("seedCalibration", () => {
  it("seeds a strong and a weak example for the demo rubric once, and optional attempts", async () => {
    const { demoAssignment } = await import("@/db/seed/course-content");
    const f = await calibratedCohort("optional", { rubric: demoAssignment.rubric, requirements: demoAssignment.requirements });
    const { seedCalibration } = await import("./seed");
    const [anna] = f.students as [Person];
    const first = await tx((t) =>
      seedCalibration(t, { cohortId: f.cohort.id, assignmentId: f.assignment.id, instructorId: f.instructor.id, attempts: [{ userId: anna.id, example: 1, scores: { profil: 1 } }] }),
    );
    expect(first.created).toBe(true);
    const again = await tx((t) => seedCalibration(t, { cohortId: f.cohort.id, assignmentId: f.assignment.id, instructorId: f.instructor.id }));
    expect(again).toEqual({ exampleIds: first.exampleIds, created: false });

    const list = (await instructorExamples(getDb(), f.instructor, f.cohort.id, f.assignment.id))!.examples;
    expect(list.map((e) => [e.title, e.ready, e.canvasCount])).toEqual([
      ["Prime Pizza für Familien und Büroteams", true, 2],
      ["Prime Pizza für alle", true, 2],
    ]);
    const [strong, weak] = await Promise.all(first.exampleIds.map((id) => instructorExample(getDb(), f.instructor, f.cohort.id, id)));
    const points = (scores: ReviewScores) => ["profil", "fit", "abgrenzung"].map((id) => scores[id]?.score);
    expect(points(strong!.example.scores)).toEqual([4, 4, 3]);
    expect(points(weak!.example.scores)).toEqual([2, 1, 1]);
    expect(strong!.example.canvases.map((c) => c.segment?.text)).toEqual(["Familien mit kleinen Kindern", "Büroteams in der Mittagspause"]);
    expect(strong!.example.canvases[0]!.fit).toBe(1);
    // Anna's seeded attempt (1, 1, 1 on the weak one): 1 − (1/3)/3.
    expect((await calibrationAccuracy(getDb(), f.assignment.id)).get(anna.id)).toBeCloseTo(8 / 9, 5);
    // What the e2e flow relies on: all 1s are as far off as it gets on the strong example, and close on the weak one.
    const ones: ReviewScores = { profil: { score: 1, comment: "" }, fit: { score: 1, comment: "" }, abgrenzung: { score: 1, comment: "" } };
    expect(scoreAccuracy(demoAssignment.rubric, ones, strong!.example.scores)).toBe(0);
    expect(scoreAccuracy(demoAssignment.rubric, ones, weak!.example.scores)).toBeCloseTo(8 / 9, 12);
  });
});

describe("the required gate in the review store", () => {
  it("a student cannot draft or submit a peer review before one calibration attempt; afterwards they can", async () => {
    const f = await calibratedCohort("required");
    const { id } = await f.create();
    await f.score(id, answers(4, 5));
    for (const s of f.students) await submitEmpathyMap(f.cohort.id, f.assignment.id, s);
    await tx((t) => pairNow(t, f.instructor, f.assignment.id));
    const student = f.students[0]!;
    const [task] = await getDb().select().from(reviews).where(eq(reviews.reviewerId, student.id));
    const content = { scores: answers(3, 4), standout: "Die Zitate aus dem Interview zeigen gut, was die Zielgruppe bewegt; die Gains fehlen noch.", anchors: [] };
    expect(await refusal(tx((t) => saveDraft(t, student, { ...content, reviewId: task!.id, baseVersion: 1 })))).toBe("calibrationRequired");
    expect(await refusal(tx((t) => submitReview(t, student, { ...content, reviewId: task!.id, baseVersion: 1 })))).toBe("calibrationRequired");
    await f.attempt(student, id, answers(1, 1));
    await tx((t) => submitReview(t, student, { ...content, reviewId: task!.id, baseVersion: 1 }));
    const [done] = await getDb().select().from(reviews).where(eq(reviews.id, task!.id));
    expect(done!.status).toBe("submitted");
  });
});
