import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { canvases } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import { membershipRole } from "@/lib/cohorts/membership";
import { emptyDocument, type CanvasDocument } from "./document";
import { getTemplate } from "./templates";
import type { TemplateKind } from "./types";
import { checkDocument } from "./validate";

/**
 * Canvas rows, authorised on the row: a draft is its owner's alone (classmates see canvases only
 * once submitted, in a later step). Every function takes the acting user's id from the session.
 */

export type CanvasRow = typeof canvases.$inferSelect;

async function requireMembership(tx: DbOrTx, actorId: string, cohortId: string) {
  if (!(await membershipRole(tx, cohortId, actorId))) throw new ActionError("not_found", "notFound");
}

export async function createCanvas(
  tx: DbOrTx,
  actorId: string,
  input: {
    cohortId: string;
    template: TemplateKind;
    title: string;
    document?: CanvasDocument;
    /** The customer segment (a note on a Business Model Canvas) the canvas is about; checked by the caller. */
    segment?: { canvasId: string | null; noteId: string | null };
  },
): Promise<CanvasRow> {
  await requireMembership(tx, actorId, input.cohortId);
  const document = input.document ?? emptyDocument();
  const checked = checkDocument(getTemplate(input.template), document);
  if (!checked.ok) throw new ActionError("invalid", checked.issues[0]?.message ?? "invalid");
  const [row] = await tx
    .insert(canvases)
    .values({
      cohortId: input.cohortId,
      ownerId: actorId,
      template: input.template,
      title: input.title,
      document: checked.doc,
      segmentCanvasId: input.segment?.canvasId ?? null,
      segmentNoteId: input.segment?.noteId ?? null,
    })
    .returning();
  return row!;
}

/** The actor's own canvas, or null (also for someone else's: drafts are private). */
export async function getOwnCanvas(tx: DbOrTx, actorId: string, canvasId: string): Promise<CanvasRow | null> {
  const [row] = await tx
    .select()
    .from(canvases)
    .where(and(eq(canvases.id, canvasId), eq(canvases.ownerId, actorId)))
    .limit(1);
  return row ?? null;
}

export async function listOwnCanvases(tx: DbOrTx, actorId: string, cohortId: string) {
  return tx
    .select({
      id: canvases.id,
      title: canvases.title,
      template: canvases.template,
      version: canvases.version,
      updatedAt: canvases.updatedAt,
      segmentCanvasId: canvases.segmentCanvasId,
      segmentNoteId: canvases.segmentNoteId,
    })
    .from(canvases)
    .where(and(eq(canvases.ownerId, actorId), eq(canvases.cohortId, cohortId)))
    .orderBy(desc(canvases.updatedAt));
}

export type SaveResult =
  | { ok: true; version: number }
  | { ok: false; conflict: { version: number; document: CanvasDocument; title: string } };

/**
 * Saves a document over `baseVersion`. One conditional UPDATE decides: of any number of saves
 * over the same version exactly one writes; the others get the saved state back as a conflict.
 * An invalid document is refused before anything is written.
 */
export async function saveCanvasDocument(
  tx: DbOrTx,
  actorId: string,
  input: { canvasId: string; baseVersion: number; document: unknown },
): Promise<SaveResult> {
  const current = await getOwnCanvas(tx, actorId, input.canvasId);
  if (!current) throw new ActionError("not_found", "notFound");
  const checked = checkDocument(getTemplate(current.template), input.document);
  if (!checked.ok) throw new ActionError("invalid", checked.issues[0]?.message ?? "invalid");

  const [saved] = await tx
    .update(canvases)
    .set({ document: checked.doc, version: sql`${canvases.version} + 1`, updatedAt: new Date() })
    .where(and(eq(canvases.id, input.canvasId), eq(canvases.ownerId, actorId), eq(canvases.version, input.baseVersion)))
    .returning({ version: canvases.version });
  if (saved) return { ok: true, version: saved.version };

  const latest = await getOwnCanvas(tx, actorId, input.canvasId);
  if (!latest) throw new ActionError("not_found", "notFound");
  return { ok: false, conflict: { version: latest.version, document: latest.document, title: latest.title } };
}

export async function renameCanvas(tx: DbOrTx, actorId: string, canvasId: string, title: string): Promise<void> {
  const [row] = await tx
    .update(canvases)
    .set({ title, updatedAt: new Date() })
    .where(and(eq(canvases.id, canvasId), eq(canvases.ownerId, actorId)))
    .returning({ id: canvases.id });
  if (!row) throw new ActionError("not_found", "notFound");
}

/** A copy with its own history; also how "keep mine as a copy" resolves a conflict. */
export async function duplicateCanvas(
  tx: DbOrTx,
  actorId: string,
  canvasId: string,
  over: { title: string; document?: unknown },
): Promise<CanvasRow> {
  const source = await getOwnCanvas(tx, actorId, canvasId);
  if (!source) throw new ActionError("not_found", "notFound");
  return createCanvas(tx, actorId, {
    cohortId: source.cohortId,
    template: source.template,
    title: over.title,
    document: (over.document ?? source.document) as CanvasDocument,
    segment: { canvasId: source.segmentCanvasId, noteId: source.segmentNoteId },
  });
}

export async function deleteCanvas(tx: DbOrTx, actorId: string, canvasId: string): Promise<void> {
  const [row] = await tx
    .delete(canvases)
    .where(and(eq(canvases.id, canvasId), eq(canvases.ownerId, actorId)))
    .returning({ id: canvases.id });
  if (!row) throw new ActionError("not_found", "notFound");
}
