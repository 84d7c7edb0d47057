import { z } from "zod";
import { userText } from "@/lib/validation/text";
import {
  DOCUMENT_MAX_BYTES,
  JOB_TYPES,
  NOTES_PER_BLOCK_MAX,
  NOTE_MAX,
  SEGMENT_COLORS,
  documentBytes,
  locateNotes,
  type CanvasDocument,
} from "./document";
import { linkAllowed } from "./operations";
import type { CanvasTemplate } from "./types";

// Messages are catalog keys under `errors.` (see lib/actions.ts), with the path of the offending part.
const noteSchema = z.object({
  id: z.string().regex(/^[a-z0-9]{6,32}$/, "canvasNoteId"),
  text: userText().max(NOTE_MAX, "canvasNoteTooLong"),
  tags: z.array(z.string().max(60)).max(20, "canvasTooManyTags"),
  segments: z.array(z.string()).max(20, "canvasTooManySegments"),
  color: z.enum(SEGMENT_COLORS).optional(),
  jobType: z.enum(JOB_TYPES).optional(),
  severity: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  importance: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
});

const baseDocumentSchema = z.object({
  blocks: z.record(z.string(), z.array(noteSchema).max(NOTES_PER_BLOCK_MAX, "canvasTooManyNotes")),
  links: z.array(z.object({ from: z.string(), to: z.string() })).max(2000, "canvasTooManyLinks"),
});

/** The document schema of one template: shape, limits, and every reference checked against the template. */
export function documentSchema(template: CanvasTemplate) {
  const blocks = new Map(template.blocks.map((b) => [b.id, b]));
  return baseDocumentSchema.superRefine((doc, ctx) => {
    if (documentBytes(doc as CanvasDocument) > DOCUMENT_MAX_BYTES) {
      ctx.addIssue({ code: "custom", path: [], message: "canvasTooLarge" });
      return;
    }
    const seen = new Set<string>();
    for (const [blockId, notes] of Object.entries(doc.blocks)) {
      const block = blocks.get(blockId);
      if (!block) {
        ctx.addIssue({ code: "custom", path: ["blocks", blockId], message: "canvasUnknownBlock" });
        continue;
      }
      const groups = block.tagGroups ?? [];
      notes.forEach((note, i) => {
        const path = ["blocks", blockId, i];
        if (seen.has(note.id)) ctx.addIssue({ code: "custom", path: [...path, "id"], message: "canvasDuplicateNote" });
        seen.add(note.id);
        for (const tag of note.tags) {
          if (!groups.some((g) => g.tags.some((t) => t.id === tag))) {
            ctx.addIssue({ code: "custom", path: [...path, "tags"], message: "canvasUnknownTag" });
          }
        }
        for (const group of groups) {
          if (!group.multiple && note.tags.filter((t) => group.tags.some((gt) => gt.id === t)).length > 1) {
            ctx.addIssue({ code: "custom", path: [...path, "tags"], message: "canvasOneTagOnly" });
          }
        }
        const attribute = block.attribute?.kind;
        for (const key of ["jobType", "severity", "importance"] as const) {
          if (note[key] !== undefined && attribute !== key) {
            ctx.addIssue({ code: "custom", path: [...path, key], message: "canvasAttributeNotHere" });
          }
        }
        if (note.color && !(template.kind === "business-model" && blockId === "customer-segments")) {
          ctx.addIssue({ code: "custom", path: [...path, "color"], message: "canvasColorNotHere" });
        }
      });
    }
    const where = locateNotes(doc as CanvasDocument);
    for (const [blockId, notes] of Object.entries(doc.blocks)) {
      notes.forEach((note, i) => {
        for (const segment of note.segments) {
          if (where.get(segment)?.blockId !== "customer-segments") {
            ctx.addIssue({ code: "custom", path: ["blocks", blockId, i, "segments"], message: "canvasUnknownSegment" });
          }
        }
      });
    }
    const links = new Set<string>();
    doc.links.forEach((link, i) => {
      const from = where.get(link.from);
      const to = where.get(link.to);
      if (!from || !to) {
        ctx.addIssue({ code: "custom", path: ["links", i], message: "canvasLinkMissingNote" });
      } else if (!linkAllowed(template, from.blockId, to.blockId)) {
        ctx.addIssue({ code: "custom", path: ["links", i], message: "canvasLinkNotAllowed" });
      }
      const key = `${link.from}>${link.to}`;
      if (links.has(key)) ctx.addIssue({ code: "custom", path: ["links", i], message: "canvasDuplicateLink" });
      links.add(key);
    });
  });
}

export type DocumentCheck = { ok: true; doc: CanvasDocument } | { ok: false; issues: Array<{ path: string; message: string }> };

export function checkDocument(template: CanvasTemplate, input: unknown): DocumentCheck {
  const parsed = documentSchema(template).safeParse(input);
  if (parsed.success) return { ok: true, doc: parsed.data as CanvasDocument };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  };
}
