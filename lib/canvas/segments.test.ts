import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { refusal } from "@/lib/test/refusal";
import { addMember, createCohort, createCourse, createUser } from "@/lib/test/factories";
import { emptyDocument, type CanvasDocument } from "./document";
import { addNote, makeNote } from "./operations";
import { attachSegment, canvasesOfSegments, createSegmentCanvas, listSegments, pullSources } from "./segments";
import { createCanvas, duplicateCanvas, getOwnCanvas, saveCanvasDocument } from "./store";

const notes = (entries: Array<[string, string]>): CanvasDocument =>
  entries.reduce((doc, [blockId, text]) => addNote(doc, blockId, makeNote(text)), emptyDocument());

async function studentWithSegments() {
  const { course } = await createCourse(1);
  const cohort = await createCohort(course.id);
  const owner = await createUser();
  const classmate = await createUser();
  await addMember(cohort.id, owner.id);
  await addMember(cohort.id, classmate.id);
  const document = notes([
    ["customer-segments", "Pendler:innen"],
    ["customer-segments", "Studierende"],
    ["value-propositions", "Sitzplatz garantiert"],
  ]);
  const bmc = await createCanvas(getDb(), owner.id, { cohortId: cohort.id, template: "business-model", title: "Mitfahr-App", document });
  const [commuters, students] = document.blocks["customer-segments"]!;
  const valueNote = document.blocks["value-propositions"]![0]!;
  return { cohort, owner, classmate, bmc, commuters: commuters!, students: students!, valueNote };
}

describe("customer segments", () => {
  it("lists the segments of the student's own Business Model Canvases only", async () => {
    const { cohort, owner, classmate, bmc } = await studentWithSegments();
    const mine = await listSegments(getDb(), owner.id, cohort.id);
    expect(mine.map((s) => [s.canvasId, s.text])).toEqual([
      [bmc.id, "Pendler:innen"],
      [bmc.id, "Studierende"],
    ]);
    expect(await listSegments(getDb(), classmate.id, cohort.id)).toEqual([]);
  });

  it("creates a Value Proposition Canvas linked to a segment, and the link survives a duplicate", async () => {
    const { cohort, owner, bmc, commuters } = await studentWithSegments();
    const db = getDb();
    const vpc = await createSegmentCanvas(db, owner.id, {
      cohortId: cohort.id,
      segment: { canvasId: bmc.id, noteId: commuters.id },
      template: "value-proposition",
      title: "VPC: Pendler:innen",
    });
    expect(vpc).toMatchObject({ template: "value-proposition", segmentCanvasId: bmc.id, segmentNoteId: commuters.id, version: 1 });
    const copy = await duplicateCanvas(db, owner.id, vpc.id, { title: "Kopie" });
    expect(copy).toMatchObject({ segmentCanvasId: bmc.id, segmentNoteId: commuters.id });
    const linked = await canvasesOfSegments(db, owner.id, bmc.id);
    expect(linked.map((c) => c.id).sort()).toEqual([vpc.id, copy.id].sort());
  });

  it("refuses a segment that is not a customer-segment note of the student's own canvas in that cohort", async () => {
    const { cohort, owner, classmate, bmc, commuters, valueNote } = await studentWithSegments();
    const db = getDb();
    const make = (actor: string, segment: { canvasId: string; noteId: string }, cohortId = cohort.id) =>
      createSegmentCanvas(db, actor, { cohortId, segment, template: "value-proposition", title: "X" });
    expect(await refusal(make(classmate.id, { canvasId: bmc.id, noteId: commuters.id }))).toBe("segmentNotFound");
    expect(await refusal(make(owner.id, { canvasId: bmc.id, noteId: valueNote.id }))).toBe("segmentNotFound");
    expect(await refusal(make(owner.id, { canvasId: bmc.id, noteId: "nosuchnote" }))).toBe("segmentNotFound");
    const other = await createCohort((await createCourse(1)).course.id);
    await addMember(other.id, owner.id);
    expect(await refusal(make(owner.id, { canvasId: bmc.id, noteId: commuters.id }, other.id))).toBe("segmentNotFound");
    const vpc = await createCanvas(db, owner.id, { cohortId: cohort.id, template: "value-proposition", title: "VPC" });
    expect(await refusal(make(owner.id, { canvasId: vpc.id, noteId: commuters.id }))).toBe("segmentNotFound");
  });

  it("attaches and detaches an Empathy Map; never a Business Model Canvas; never someone else's", async () => {
    const { cohort, owner, classmate, bmc, commuters } = await studentWithSegments();
    const db = getDb();
    const map = await createCanvas(db, owner.id, { cohortId: cohort.id, template: "empathy-map", title: "Lea, 34" });
    await attachSegment(db, owner.id, map.id, { canvasId: bmc.id, noteId: commuters.id });
    expect(await getOwnCanvas(db, owner.id, map.id)).toMatchObject({ segmentCanvasId: bmc.id, segmentNoteId: commuters.id });
    await attachSegment(db, owner.id, map.id, null);
    expect(await getOwnCanvas(db, owner.id, map.id)).toMatchObject({ segmentCanvasId: null, segmentNoteId: null });
    expect(await refusal(attachSegment(db, owner.id, bmc.id, { canvasId: bmc.id, noteId: commuters.id }))).toBe("segmentNotForThisCanvas");
    expect(await refusal(attachSegment(db, classmate.id, map.id, null))).toBe("notFound");
  });

  it("pulls pains, gains and jobs from the Empathy Maps and Personas of the same segment only", async () => {
    const { cohort, owner, bmc, commuters, students } = await studentWithSegments();
    const db = getDb();
    const segment = { canvasId: bmc.id, noteId: commuters.id };
    const vpc = await createSegmentCanvas(db, owner.id, { cohortId: cohort.id, segment, template: "value-proposition", title: "VPC" });
    const map = await createSegmentCanvas(db, owner.id, { cohortId: cohort.id, segment, template: "empathy-map", title: "Map" });
    const persona = await createSegmentCanvas(db, owner.id, { cohortId: cohort.id, segment, template: "persona", title: "Lea" });
    const elsewhere = await createSegmentCanvas(db, owner.id, {
      cohortId: cohort.id,
      segment: { canvasId: bmc.id, noteId: students.id },
      template: "empathy-map",
      title: "Andere",
    });
    const save = (id: string, document: CanvasDocument) => saveCanvasDocument(db, owner.id, { canvasId: id, baseVersion: 1, document });
    await save(map.id, notes([["pains", "Verspätungen"], ["gains", "Zeit zum Lesen"], ["hears", "Kolleg:innen schimpfen"], ["pains", "  "]]));
    await save(persona.id, notes([["frustrations", "Volle Züge"], ["goals", "Pünktlich im Büro"], ["jobs", "Zur Arbeit pendeln"]]));
    await save(elsewhere.id, notes([["pains", "Prüfungsstress"]]));

    const sources = await pullSources(db, owner.id, vpc.id);
    expect(sources.map((s) => s.title)).toEqual(["Map", "Lea"]);
    expect(sources.flatMap((s) => s.notes.map((n) => [n.into, n.text]))).toEqual([
      ["pains", "Verspätungen"],
      ["gains", "Zeit zum Lesen"],
      ["gains", "Pünktlich im Büro"],
      ["pains", "Volle Züge"],
      ["customer-jobs", "Zur Arbeit pendeln"],
    ]);
    // Without a segment, or for someone else, there is nothing to pull.
    const loose = await createCanvas(db, owner.id, { cohortId: cohort.id, template: "value-proposition", title: "lose" });
    expect(await pullSources(db, owner.id, loose.id)).toEqual([]);
    const stranger = await createUser();
    expect(await pullSources(db, stranger.id, vpc.id)).toEqual([]);
  });
});
