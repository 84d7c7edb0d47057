import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { canvases } from "@/db/schema";
import { refusal } from "@/lib/test/refusal";
import { addMember, createCohort, createCourse, createUser } from "@/lib/test/factories";
import { addNote, makeNote } from "./operations";
import { emptyDocument } from "./document";
import { createCanvas, deleteCanvas, duplicateCanvas, getOwnCanvas, renameCanvas, saveCanvasDocument } from "./store";

async function studentWithCanvas() {
  const { course } = await createCourse(1);
  const cohort = await createCohort(course.id);
  const owner = await createUser();
  const classmate = await createUser();
  await addMember(cohort.id, owner.id);
  await addMember(cohort.id, classmate.id);
  const canvas = await createCanvas(getDb(), owner.id, { cohortId: cohort.id, template: "value-proposition", title: "Pendler" });
  return { cohort, owner, classmate, canvas };
}

const withPain = (text: string) => addNote(emptyDocument(), "pains", makeNote(text, { severity: 3 }));

describe("canvas store", () => {
  it("creates canvases only in cohorts the actor belongs to", async () => {
    const { course } = await createCourse(1);
    const cohort = await createCohort(course.id);
    const outsider = await createUser();
    expect(await refusal(createCanvas(getDb(), outsider.id, { cohortId: cohort.id, template: "persona", title: "X" }))).toBe("notFound");
  });

  it("of two saves over the same version, one writes and the other gets a conflict with the saved state", async () => {
    const { owner, canvas } = await studentWithCanvas();
    const first = await saveCanvasDocument(getDb(), owner.id, { canvasId: canvas.id, baseVersion: 1, document: withPain("Stau") });
    const second = await saveCanvasDocument(getDb(), owner.id, { canvasId: canvas.id, baseVersion: 1, document: withPain("Parkplatz") });
    expect(first).toEqual({ ok: true, version: 2 });
    expect(second).toMatchObject({ ok: false, conflict: { version: 2, title: "Pendler" } });
    if (!second.ok) expect(second.conflict.document.blocks.pains?.[0]?.text).toBe("Stau");
  });

  it("lets exactly one of 50 parallel saves over one version write", async () => {
    const { owner, canvas } = await studentWithCanvas();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        getDb().transaction((tx) =>
          saveCanvasDocument(tx, owner.id, { canvasId: canvas.id, baseVersion: 1, document: withPain(`Versuch ${i}`) }),
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const [row] = await getDb().select().from(canvases).where(eq(canvases.id, canvas.id));
    expect(row?.version).toBe(2);
    const winner = results.findIndex((r) => r.ok);
    expect(row?.document.blocks.pains?.[0]?.text).toBe(`Versuch ${winner}`);
  });

  it("denies another student's save, read, rename and delete, and changes nothing", async () => {
    const { classmate, canvas } = await studentWithCanvas();
    const db = getDb();
    expect(await refusal(saveCanvasDocument(db, classmate.id, { canvasId: canvas.id, baseVersion: 1, document: withPain("fremd") }))).toBe(
      "notFound",
    );
    expect(await getOwnCanvas(db, classmate.id, canvas.id)).toBeNull();
    expect(await refusal(renameCanvas(db, classmate.id, canvas.id, "gekapert"))).toBe("notFound");
    expect(await refusal(deleteCanvas(db, classmate.id, canvas.id))).toBe("notFound");
    expect(await refusal(duplicateCanvas(db, classmate.id, canvas.id, { title: "Kopie" }))).toBe("notFound");
    const [row] = await db.select().from(canvases).where(eq(canvases.id, canvas.id));
    expect(row).toMatchObject({ version: 1, title: "Pendler", document: emptyDocument() });
  });

  it("refuses an invalid document with a reason and keeps what was saved", async () => {
    const { owner, canvas } = await studentWithCanvas();
    const db = getDb();
    await saveCanvasDocument(db, owner.id, { canvasId: canvas.id, baseVersion: 1, document: withPain("bleibt") });
    const bad = [
      { blocks: { "no-such-block": [] }, links: [] },
      { ...withPain("x"), links: [{ from: "nothere1", to: "nothere2" }] },
      { blocks: { pains: [makeNote("x".repeat(501))] }, links: [] },
    ];
    const reasons = [];
    for (const document of bad) reasons.push(await refusal(saveCanvasDocument(db, owner.id, { canvasId: canvas.id, baseVersion: 2, document })));
    expect(reasons).toEqual(["canvasUnknownBlock", "canvasLinkMissingNote", "canvasNoteTooLong"]);
    const row = await getOwnCanvas(db, owner.id, canvas.id);
    expect(row).toMatchObject({ version: 2 });
    expect(row?.document.blocks.pains?.[0]?.text).toBe("bleibt");
  });

  it("renames, duplicates with a fresh history, and deletes", async () => {
    const { owner, canvas } = await studentWithCanvas();
    const db = getDb();
    await saveCanvasDocument(db, owner.id, { canvasId: canvas.id, baseVersion: 1, document: withPain("Stau") });
    await renameCanvas(db, owner.id, canvas.id, "Pendler:innen");
    const copy = await duplicateCanvas(db, owner.id, canvas.id, { title: "Pendler:innen (Kopie)" });
    expect(copy).toMatchObject({ version: 1, title: "Pendler:innen (Kopie)", template: "value-proposition" });
    expect(copy.document.blocks.pains?.[0]?.text).toBe("Stau");
    await deleteCanvas(db, owner.id, canvas.id);
    expect(await getOwnCanvas(db, owner.id, canvas.id)).toBeNull();
    expect(await getOwnCanvas(db, owner.id, copy.id)).not.toBeNull();
  });
});
