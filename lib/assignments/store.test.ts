import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { assignments, forumThreads, submissions, submissionVersions } from "@/db/schema";
import { emptyDocument, type CanvasDocument } from "@/lib/canvas/document";
import { addNote, makeNote } from "@/lib/canvas/operations";
import { createSegmentCanvas } from "@/lib/canvas/segments";
import { createCanvas, saveCanvasDocument } from "@/lib/canvas/store";
import { addMember, createCohort, createCourse, createUser } from "@/lib/test/factories";
import { refusal } from "@/lib/test/refusal";
import { saveAssignment, submit, unmetRequirement } from "./store";
import type { AssignmentInput } from "./store";

const DAY = 86_400_000;

async function cohortWithAssignment(over: Partial<AssignmentInput> = {}) {
  const { course, lessons } = await createCourse(2);
  const cohort = await createCohort(course.id);
  const instructor = await createUser({ name: "Lena Keller" });
  const student = await createUser({ name: "Anna Berger" });
  const classmate = await createUser({ name: "Ben Schulz" });
  await addMember(cohort.id, instructor.id, "instructor");
  await addMember(cohort.id, student.id);
  await addMember(cohort.id, classmate.id);
  const assignment = await saveAssignment(getDb(), { id: instructor.id, isAdmin: false }, {
    cohortId: cohort.id,
    lessonId: lessons[1]!.id,
    instructionsMd: "Zwei Segmente, zwei Canvases.",
    requirements: [{ template: "value-proposition", count: 2, distinctSegments: true }],
    rubric: [{ id: "fit", title: "Fit", prompt: "Passt es?", scale: 4 }],
    reviewsPerStudent: 2,
    submissionDue: new Date(Date.now() + 7 * DAY),
    reviewDue: new Date(Date.now() + 14 * DAY),
    anonymity: "named",
    hideReceivedUntilGiven: true,
    pairingMode: "deadline",
    ...over,
  });
  return { cohort, lessons, instructor, student, classmate, assignment };
}

/** Two filled Value Proposition Canvases for two segments of one Business Model Canvas. */
async function twoSegmentCanvases(cohortId: string, ownerId: string) {
  const db = getDb();
  const doc = ["Pendler", "Studierende"].reduce(
    (d, text) => addNote(d, "customer-segments", makeNote(text)),
    emptyDocument(),
  );
  const bmc = await createCanvas(db, ownerId, { cohortId, template: "business-model", title: "BMC", document: doc });
  const [a, b] = doc.blocks["customer-segments"]!;
  const filled: CanvasDocument = addNote(emptyDocument(), "pains", makeNote("Stau", { severity: 3 }));
  const make = async (noteId: string) => {
    const row = await createSegmentCanvas(db, ownerId, {
      cohortId,
      segment: { canvasId: bmc.id, noteId },
      template: "value-proposition",
      title: `VPC ${noteId}`,
    });
    await saveCanvasDocument(db, ownerId, { canvasId: row.id, baseVersion: 1, document: filled });
    return row.id;
  };
  return { bmc, ids: [await make(a!.id), await make(b!.id)] };
}

describe("assignments", () => {
  it("only the cohort's instructors author; a stale edit is a conflict", async () => {
    const { cohort, lessons, instructor, student, assignment } = await cohortWithAssignment();
    const db = getDb();
    const edit = (actorId: string, baseVersion: number) =>
      saveAssignment(db, { id: actorId, isAdmin: false }, {
        cohortId: cohort.id,
        lessonId: lessons[1]!.id,
        baseVersion,
        instructionsMd: "Neu",
        requirements: assignment.requirements,
        rubric: assignment.rubric,
        reviewsPerStudent: 3,
        submissionDue: assignment.submissionDue,
        reviewDue: assignment.reviewDue,
        anonymity: "double",
        hideReceivedUntilGiven: false,
        pairingMode: "rolling",
      });
    expect(await refusal(edit(student.id, 1))).toBe("notFound");
    expect(await edit(instructor.id, 1)).toMatchObject({ version: 2, reviewsPerStudent: 3, anonymity: "double", pairingMode: "rolling" });
    expect(await refusal(edit(instructor.id, 1))).toBe("assignmentChanged");
  });

  it("refuses what does not meet the requirements, with the reason", () => {
    const req = [{ template: "value-proposition" as const, count: 2, distinctSegments: true }];
    const filled = addNote(emptyDocument(), "pains", makeNote("x"));
    const vpc = (segment: string | null, document = filled) => ({
      template: "value-proposition" as const,
      document,
      segmentCanvasId: segment ? "00000000-0000-4000-8000-000000000000" : null,
      segmentNoteId: segment,
    });
    expect(unmetRequirement(req, [])).toBe("submitNothingChosen");
    expect(unmetRequirement(req, [vpc("a")])).toBe("submitTooFew");
    expect(unmetRequirement(req, [vpc("a"), vpc("a")])).toBe("submitSameSegment");
    expect(unmetRequirement(req, [vpc("a"), vpc(null)])).toBe("submitNeedsSegment");
    expect(unmetRequirement(req, [vpc("a"), vpc("b", emptyDocument())])).toBe("submitEmptyCanvas");
    expect(unmetRequirement(req, [vpc("a"), vpc("b"), vpc("c")])).toBe("submitTooMany");
    expect(unmetRequirement(req, [vpc("a"), { ...vpc("b"), template: "persona" as const }])).toBe("submitNotRequired");
    expect(unmetRequirement(req, [vpc("a"), vpc("b")])).toBeNull();
  });

  it("submits a frozen snapshot with a thread; an unchanged resubmit adds nothing, a changed one a version; late after the deadline", async () => {
    const { cohort, student, assignment } = await cohortWithAssignment();
    const db = getDb();
    const actor = { id: student.id, isAdmin: false };
    const { ids } = await twoSegmentCanvases(cohort.id, student.id);
    const first = await submit(db, actor, { assignmentId: assignment.id, canvasIds: ids, comment: "Meine zwei Segmente" });
    expect(first).toMatchObject({ version: 1, late: false, unchanged: false });
    const [thread] = await db.select().from(forumThreads).where(eq(forumThreads.id, first.threadId));
    expect(thread).toMatchObject({ kind: "submission", authorId: student.id, cohortId: cohort.id });
    expect(await submit(db, actor, { assignmentId: assignment.id, canvasIds: ids })).toMatchObject({ version: 1, unchanged: true });

    await saveCanvasDocument(db, student.id, {
      canvasId: ids[0]!,
      baseVersion: 2,
      document: addNote(emptyDocument(), "gains", makeNote("Zeit")),
    });
    const late = await submit(db, actor, { assignmentId: assignment.id, canvasIds: ids }, new Date(Date.now() + 8 * DAY));
    expect(late).toMatchObject({ version: 2, late: true, unchanged: false, submissionId: first.submissionId });
    const versions = await db.select().from(submissionVersions).where(eq(submissionVersions.submissionId, first.submissionId));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    const v1 = versions.find((v) => v.version === 1)!;
    // The first version stays as it was: the pain, not the later gain.
    expect(v1.canvases[0]!.document.blocks.pains?.[0]?.text).toBe("Stau");
    expect(v1.canvases[0]!.segment?.text).toBe("Pendler");
    expect(v1.canvases[0]!.fit).toBe(0);
  });

  it("takes no new version once the grades are released, and takes them again when they are withdrawn", async () => {
    const { cohort, student, assignment } = await cohortWithAssignment();
    const db = getDb();
    const actor = { id: student.id, isAdmin: false };
    const { ids } = await twoSegmentCanvases(cohort.id, student.id);
    const first = await submit(db, actor, { assignmentId: assignment.id, canvasIds: ids });
    await db.update(assignments).set({ gradesReleasedAt: new Date() }).where(eq(assignments.id, assignment.id));
    await saveCanvasDocument(db, student.id, { canvasId: ids[0]!, baseVersion: 2, document: addNote(emptyDocument(), "gains", makeNote("Zeit")) });
    expect(await refusal(submit(db, actor, { assignmentId: assignment.id, canvasIds: ids }))).toBe("submitGradesReleased");
    expect(await db.select().from(submissionVersions).where(eq(submissionVersions.submissionId, first.submissionId))).toHaveLength(1);
    await db.update(assignments).set({ gradesReleasedAt: null }).where(eq(assignments.id, assignment.id));
    expect(await submit(db, actor, { assignmentId: assignment.id, canvasIds: ids })).toMatchObject({ version: 2 });
  });

  it("50 parallel submits of one student make one submission and one version", async () => {
    const { cohort, student, assignment } = await cohortWithAssignment();
    const { ids } = await twoSegmentCanvases(cohort.id, student.id);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        getDb().transaction((tx) => submit(tx, { id: student.id, isAdmin: false }, { assignmentId: assignment.id, canvasIds: ids })),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const rows = await getDb()
      .select()
      .from(submissions)
      .where(and(eq(submissions.assignmentId, assignment.id), eq(submissions.authorId, student.id)));
    expect(rows).toHaveLength(1);
    const versions = await getDb().select().from(submissionVersions).where(eq(submissionVersions.submissionId, rows[0]!.id));
    expect(versions).toHaveLength(1);
    const threads = await getDb().select().from(forumThreads).where(eq(forumThreads.authorId, student.id));
    expect(threads).toHaveLength(1);
  });

  it("does not let anyone submit someone else's canvases, outsiders or instructors submit", async () => {
    const { cohort, student, classmate, instructor, assignment } = await cohortWithAssignment();
    const { ids } = await twoSegmentCanvases(cohort.id, student.id);
    const db = getDb();
    expect(await refusal(submit(db, { id: classmate.id, isAdmin: false }, { assignmentId: assignment.id, canvasIds: ids }))).toBe("notFound");
    const outsider = await createUser();
    expect(await refusal(submit(db, { id: outsider.id, isAdmin: false }, { assignmentId: assignment.id, canvasIds: ids }))).toBe("notFound");
    expect(await refusal(submit(db, { id: instructor.id, isAdmin: false }, { assignmentId: assignment.id, canvasIds: [] }))).toBe(
      "submitStudentsOnly",
    );
  });
});
