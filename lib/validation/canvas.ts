import { z } from "zod";
import { userText } from "./text";
import { TITLE_MAX } from "@/lib/canvas/document";
import { TEMPLATE_KINDS } from "@/lib/canvas/templates";

export const canvasTitleSchema = userText().trim().min(1, "canvasTitleRequired").max(TITLE_MAX, "canvasTitleTooLong");

const ids = { cohortId: z.uuid(), canvasId: z.uuid() };

export const createCanvasSchema = z.object({
  cohortId: ids.cohortId,
  template: z.enum(TEMPLATE_KINDS as [string, ...string[]]),
  title: canvasTitleSchema,
});

export const canvasRefSchema = z.object(ids);

export const renameCanvasSchema = z.object({ ...ids, title: canvasTitleSchema });

/** The document travels as JSON text; its shape is checked per template by the store. */
const documentJson = z
  .string()
  .max(400_000, "canvasTooLarge")
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "invalid" });
      return z.NEVER;
    }
  });

export const saveCanvasSchema = z.object({
  ...ids,
  baseVersion: z.coerce.number().int().positive(),
  document: documentJson,
});

export const copyCanvasSchema = z.object({ ...ids, title: canvasTitleSchema, document: documentJson.optional() });

const segmentRef = { segmentCanvasId: z.uuid(), segmentNoteId: z.string().min(1).max(40) };

export const createSegmentCanvasSchema = z.object({
  cohortId: ids.cohortId,
  ...segmentRef,
  template: z.enum(["value-proposition", "empathy-map", "persona"]),
  title: canvasTitleSchema,
});

/** The segment travels as one select value "canvasId:noteId"; empty detaches. */
export const attachSegmentSchema = z.object({
  ...ids,
  segment: z
    .string()
    .max(80)
    .transform((value, ctx) => {
      if (value === "") return null;
      const [canvasId, noteId] = value.split(":");
      if (!canvasId || !noteId || !z.uuid().safeParse(canvasId).success) {
        ctx.addIssue({ code: "custom", message: "segmentNotFound" });
        return z.NEVER;
      }
      return { canvasId, noteId };
    }),
});
