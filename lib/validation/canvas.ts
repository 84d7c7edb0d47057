import { z } from "zod";
import { TITLE_MAX } from "@/lib/canvas/document";
import { TEMPLATE_KINDS } from "@/lib/canvas/templates";

export const canvasTitleSchema = z.string().trim().min(1, "canvasTitleRequired").max(TITLE_MAX, "canvasTitleTooLong");

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
