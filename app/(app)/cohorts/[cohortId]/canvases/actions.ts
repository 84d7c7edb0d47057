"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { attachSegment, createSegmentCanvas } from "@/lib/canvas/segments";
import { createCanvas, deleteCanvas, duplicateCanvas, renameCanvas, saveCanvasDocument } from "@/lib/canvas/store";
import type { TemplateKind } from "@/lib/canvas/types";
import {
  attachSegmentSchema,
  canvasRefSchema,
  createSegmentCanvasSchema,
  copyCanvasSchema,
  createCanvasSchema,
  renameCanvasSchema,
  saveCanvasSchema,
} from "@/lib/validation/canvas";

const listPath = (cohortId: string) => `/cohorts/${cohortId}/canvases`;

export const createCanvasAction = defineAction({
  schema: createCanvasSchema,
  async handler({ cohortId, template, title }, { user, tx }) {
    const row = await createCanvas(tx, user!.id, { cohortId, template: template as TemplateKind, title });
    return { id: row.id, cohortId };
  },
  revalidate: (_d, { cohortId }) => [listPath(cohortId)],
  after: ({ id, cohortId }) => redirect(`${listPath(cohortId)}/${id}`),
});

/** Autosave: returns the new version, or the saved state when another tab or device saved first. */
export const saveCanvasAction = defineAction({
  schema: saveCanvasSchema,
  async handler({ canvasId, baseVersion, document }, { user, tx }) {
    return saveCanvasDocument(tx, user!.id, { canvasId, baseVersion, document });
  },
});

export const renameCanvasAction = defineAction({
  schema: renameCanvasSchema,
  async handler({ canvasId, title }, { user, tx }) {
    await renameCanvas(tx, user!.id, canvasId, title);
    return { title };
  },
  revalidate: (_d, { cohortId, canvasId }) => [listPath(cohortId), `${listPath(cohortId)}/${canvasId}`],
});

/** Duplicate, or keep one's own version as a copy after a conflict (then `document` is the local one). */
export const copyCanvasAction = defineAction({
  schema: copyCanvasSchema,
  async handler({ canvasId, title, document }, { user, tx }) {
    const row = await duplicateCanvas(tx, user!.id, canvasId, { title, document });
    return { id: row.id };
  },
  revalidate: (_d, { cohortId }) => [listPath(cohortId)],
});

export const deleteCanvasAction = defineAction({
  schema: canvasRefSchema,
  async handler({ canvasId }, { user, tx }) {
    await deleteCanvas(tx, user!.id, canvasId);
    return null;
  },
  revalidate: (_d, { cohortId }) => [listPath(cohortId)],
});

/**
 * "Create a Value Proposition Canvas / Empathy Map / Persona for this segment". The editor names it
 * after the segment in the user's language (no translation lookup inside the transaction: on PGlite
 * its session read would wait for the transaction forever).
 */
export const createSegmentCanvasAction = defineAction({
  schema: createSegmentCanvasSchema,
  async handler({ cohortId, segmentCanvasId, segmentNoteId, template, title }, { user, tx }) {
    const row = await createSegmentCanvas(tx, user!.id, {
      cohortId,
      segment: { canvasId: segmentCanvasId, noteId: segmentNoteId },
      template,
      title,
    });
    return { id: row.id, cohortId };
  },
  revalidate: (_d, { cohortId, segmentCanvasId }) => [listPath(cohortId), `${listPath(cohortId)}/${segmentCanvasId}`],
  after: ({ id, cohortId }) => redirect(`${listPath(cohortId)}/${id}`),
});

export const attachSegmentAction = defineAction({
  schema: attachSegmentSchema,
  async handler({ canvasId, segment }, { user, tx }) {
    await attachSegment(tx, user!.id, canvasId, segment);
    return null;
  },
  revalidate: (_d, { cohortId, canvasId }) => [listPath(cohortId), `${listPath(cohortId)}/${canvasId}`],
});
