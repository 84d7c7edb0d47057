import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { canvases } from "@/db/schema";
import type { FrozenCanvas } from "@/lib/assignments/types";
import { fitScore } from "@/lib/canvas/fit";
import { listSegments } from "@/lib/canvas/segments";

type CanvasRow = typeof canvases.$inferSelect;

/**
 * Canvases as a submission (and a calibration example) freezes them, in the order given: the
 * document at its version, the segment's text and colour, the fit score.
 */
export async function freezeRows(db: DbOrTx, ownerId: string, cohortId: string, rows: CanvasRow[], order: string[]): Promise<FrozenCanvas[]> {
  const segments = await listSegments(db, ownerId, cohortId);
  const position = new Map(order.map((id, i) => [id, i]));
  return [...rows]
    .sort((x, y) => (position.get(x.id) ?? 0) - (position.get(y.id) ?? 0))
    .map((c) => {
      const segment = segments.find((s) => s.canvasId === c.segmentCanvasId && s.noteId === c.segmentNoteId);
      return {
        canvasId: c.id,
        version: c.version,
        title: c.title,
        template: c.template,
        document: c.document,
        segment: segment ? { text: segment.text, color: segment.color } : null,
        fit: c.template === "value-proposition" ? fitScore(c.document).score : null,
      };
    });
}

/** The owner's canvases of the cohort with these ids; fewer rows than ids means some are not theirs (or gone). */
export async function ownCanvases(db: DbOrTx, ownerId: string, cohortId: string, ids: string[]): Promise<CanvasRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(canvases)
    .where(and(inArray(canvases.id, ids), eq(canvases.ownerId, ownerId), eq(canvases.cohortId, cohortId)));
}
