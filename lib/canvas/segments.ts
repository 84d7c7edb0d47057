import { and, eq, inArray, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { canvases } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import { notesOf, SEGMENT_BLOCK, type CanvasDocument, type SegmentColor } from "./document";
import { getTemplate } from "./templates";
import type { TemplateKind } from "./types";
import { createCanvas, getOwnCanvas } from "./store";

/**
 * Customer segments tie a student's canvases together: a segment is a note in the customer-segments
 * block of one of their Business Model Canvases. Value Proposition Canvases, Empathy Maps and
 * Personas point at one (segment_canvas_id + segment_note_id); the Value Proposition Canvas of a
 * segment can pull the pains, gains and jobs of the Empathy Maps and Personas of the same segment.
 */

export type SegmentRef = { canvasId: string; noteId: string };

export type Segment = SegmentRef & { canvasTitle: string; text: string; color?: SegmentColor };

/** Every customer segment on the actor's Business Model Canvases in a cohort. */
export async function listSegments(tx: DbOrTx, actorId: string, cohortId: string): Promise<Segment[]> {
  const rows = await tx
    .select({ id: canvases.id, title: canvases.title, document: canvases.document })
    .from(canvases)
    .where(and(eq(canvases.ownerId, actorId), eq(canvases.cohortId, cohortId), eq(canvases.template, "business-model")))
    .orderBy(canvases.createdAt);
  return rows.flatMap((row) =>
    notesOf(row.document, SEGMENT_BLOCK).map((note) => ({
      canvasId: row.id,
      noteId: note.id,
      canvasTitle: row.title,
      text: note.text,
      color: note.color,
    })),
  );
}

/** The segment note, checked: on the actor's own Business Model Canvas of the given cohort. */
async function requireSegment(tx: DbOrTx, actorId: string, cohortId: string, ref: SegmentRef) {
  const source = await getOwnCanvas(tx, actorId, ref.canvasId);
  if (!source || source.cohortId !== cohortId || source.template !== "business-model") {
    throw new ActionError("not_found", "segmentNotFound");
  }
  const note = notesOf(source.document, SEGMENT_BLOCK).find((n) => n.id === ref.noteId);
  if (!note) throw new ActionError("not_found", "segmentNotFound");
  return { source, note };
}

/** "Create a Value Proposition Canvas (or Empathy Map, Persona) for this segment." */
export async function createSegmentCanvas(
  tx: DbOrTx,
  actorId: string,
  input: { cohortId: string; segment: SegmentRef; template: Exclude<TemplateKind, "business-model">; title: string },
) {
  await requireSegment(tx, actorId, input.cohortId, input.segment);
  return createCanvas(tx, actorId, input);
}

/** Attach a canvas to a segment, or detach it (segment null). Business Model Canvases hold segments, they attach to none. */
export async function attachSegment(tx: DbOrTx, actorId: string, canvasId: string, segment: SegmentRef | null) {
  const canvas = await getOwnCanvas(tx, actorId, canvasId);
  if (!canvas) throw new ActionError("not_found", "notFound");
  if (canvas.template === "business-model") throw new ActionError("invalid", "segmentNotForThisCanvas");
  if (segment) await requireSegment(tx, actorId, canvas.cohortId, segment);
  await tx
    .update(canvases)
    .set({ segmentCanvasId: segment?.canvasId ?? null, segmentNoteId: segment?.noteId ?? null, updatedAt: new Date() })
    .where(eq(canvases.id, canvasId));
}

export type LinkedCanvas = { id: string; title: string; template: TemplateKind; segmentNoteId: string };

/** The canvases made for (or attached to) the segments of one Business Model Canvas. */
export async function canvasesOfSegments(tx: DbOrTx, actorId: string, businessModelId: string): Promise<LinkedCanvas[]> {
  const rows = await tx
    .select({ id: canvases.id, title: canvases.title, template: canvases.template, segmentNoteId: canvases.segmentNoteId })
    .from(canvases)
    .where(and(eq(canvases.ownerId, actorId), eq(canvases.segmentCanvasId, businessModelId)))
    .orderBy(canvases.createdAt);
  return rows.filter((r): r is LinkedCanvas => r.segmentNoteId !== null);
}

export type PullSource = {
  canvasId: string;
  title: string;
  template: TemplateKind;
  notes: Array<{ id: string; text: string; into: "customer-jobs" | "pains" | "gains" }>;
};

/**
 * What a Value Proposition Canvas can pull in: the notes of the Empathy Maps and Personas of its
 * segment whose blocks map onto jobs, pains or gains (empty notes left out).
 */
export async function pullSources(tx: DbOrTx, actorId: string, canvasId: string): Promise<PullSource[]> {
  const canvas = await getOwnCanvas(tx, actorId, canvasId);
  if (!canvas || canvas.template !== "value-proposition" || !canvas.segmentCanvasId || !canvas.segmentNoteId) return [];
  const rows = await tx
    .select({ id: canvases.id, title: canvases.title, template: canvases.template, document: canvases.document })
    .from(canvases)
    .where(
      and(
        eq(canvases.ownerId, actorId),
        eq(canvases.segmentCanvasId, canvas.segmentCanvasId),
        eq(canvases.segmentNoteId, canvas.segmentNoteId),
        inArray(canvases.template, ["empathy-map", "persona"]),
        ne(canvases.id, canvasId),
      ),
    )
    .orderBy(canvases.createdAt);
  return rows.map((row) => ({
    canvasId: row.id,
    title: row.title,
    template: row.template,
    notes: pullableNotes(row.template, row.document),
  }));
}

export function pullableNotes(kind: TemplateKind, doc: CanvasDocument): PullSource["notes"] {
  return getTemplate(kind).blocks.flatMap((block) =>
    block.pullInto
      ? notesOf(doc, block.id)
          .filter((n) => n.text.trim() !== "")
          .map((n) => ({ id: n.id, text: n.text.trim(), into: block.pullInto! }))
      : [],
  );
}
