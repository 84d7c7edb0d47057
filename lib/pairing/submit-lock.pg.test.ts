import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { reviews, submissions } from "@/db/schema";
import { RetryTransaction } from "@/lib/actions-core";
import { submit } from "@/lib/assignments/store";
import { emptyDocument } from "@/lib/canvas/document";
import { addNote, makeNote } from "@/lib/canvas/operations";
import { createCanvas } from "@/lib/canvas/store";
import { pairingCohort, type Person } from "@/lib/test/pairing-fixtures";
import { loadAssignment, onFirstSubmission, pairAssignment, type PairingAssignment } from "./store";

/**
 * Submissions before the deadline take the assignment's pairing lock shared: on a real PostgreSQL
 * (several connections at once, as several app servers have) they commit side by side, a pairing
 * waits for the ones in flight and includes them, and one that finds the assignment paired under
 * it asks for its transaction to run again. Only with DATABASE_URL: PGlite has one connection.
 */

async function canvasFor(cohortId: string, student: Person) {
  const doc = addNote(emptyDocument(), "pains", makeNote(`Sorge von ${student.name}`));
  return createCanvas(getDb(), student.id, { cohortId, template: "empathy-map", title: "Empathy Map", document: doc });
}

/** A transaction that submits and then stays open until `release` is called. */
function heldSubmission(a: PairingAssignment, student: Person, canvasId: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let submitted!: () => void;
  const inside = new Promise<void>((r) => (submitted = r));
  const done = getDb().transaction(async (tx) => {
    await submit(tx, student, { assignmentId: a.id, canvasIds: [canvasId] });
    submitted();
    await released;
  });
  return { inside, release, done };
}

const settledWithin = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe("submitting before the deadline under the shared pairing lock", () => {
  it("lets submissions commit side by side; a pairing waits for the one in flight and includes it", async () => {
    const { cohort, students, assignment } = await pairingCohort(4);
    const canvases = await Promise.all(students.map((s) => canvasFor(cohort.id, s)));

    const held = heldSubmission(assignment, students[0]!, canvases[0]!.id);
    await held.inside;
    // Another student's submission does not wait for the open one.
    const other = getDb().transaction((tx) => submit(tx, students[1]!, { assignmentId: assignment.id, canvasIds: [canvases[1]!.id] }));
    expect(await settledWithin(other, 3000)).toBe(true);
    await getDb().transaction((tx) => submit(tx, students[2]!, { assignmentId: assignment.id, canvasIds: [canvases[2]!.id] }));

    // The deadline passes: the pairing waits for the submission still in flight …
    const pairing = getDb().transaction(async (tx) => pairAssignment(tx, (await loadAssignment(tx, assignment.id))!, "deadline", new Date()));
    expect(await settledWithin(pairing, 500)).toBe(false);
    held.release();
    await held.done;
    await pairing;
    // … and pairs all three: each gives two and gets two.
    const rows = await getDb().select().from(reviews).where(eq(reviews.assignmentId, assignment.id));
    expect(rows).toHaveLength(6);
    for (const s of students.slice(0, 3)) {
      expect(rows.filter((r) => r.reviewerId === s.id)).toHaveLength(2);
      expect(rows.filter((r) => r.authorId === s.id)).toHaveLength(2);
    }
  }, 30_000);

  it("a submission that finds the assignment paired under it runs again, then joins as a late submitter", async () => {
    const { cohort, students, assignment } = await pairingCohort(4);
    const canvases = await Promise.all(students.map((s) => canvasFor(cohort.id, s)));
    for (const i of [0, 1, 2]) {
      await getDb().transaction((tx) => submit(tx, students[i]!, { assignmentId: assignment.id, canvasIds: [canvases[i]!.id] }));
    }
    // "Pair now" before the deadline; the fourth student's transaction still sees the assignment unpaired.
    const stale = (await loadAssignment(getDb(), assignment.id))!;
    await getDb().transaction(async (tx) => pairAssignment(tx, (await loadAssignment(tx, assignment.id))!, "instructor", new Date()));
    await expect(getDb().transaction((tx) => onFirstSubmission(tx, stale, students[3]!.id))).rejects.toBeInstanceOf(RetryTransaction);

    // Run again (as defineAction does): the fresh read takes the exclusive path and inserts them.
    await getDb().transaction((tx) => submit(tx, students[3]!, { assignmentId: assignment.id, canvasIds: [canvases[3]!.id] }));
    const rows = await getDb().select().from(reviews).where(eq(reviews.assignmentId, assignment.id));
    expect(rows.filter((r) => r.reviewerId === students[3]!.id).length).toBeGreaterThanOrEqual(2);
    expect(await getDb().select().from(submissions).where(eq(submissions.assignmentId, assignment.id))).toHaveLength(4);
  }, 30_000);
});
