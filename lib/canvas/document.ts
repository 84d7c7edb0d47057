/** The canvas document: what a student's canvas holds, saved as one JSON value with a version. */

export const NOTE_MAX = 500;
export const NOTES_PER_BLOCK_MAX = 60;
export const DOCUMENT_MAX_BYTES = 256 * 1024;
export const TITLE_MAX = 120;

export const JOB_TYPES = ["functional", "social", "emotional"] as const;
export type JobType = (typeof JOB_TYPES)[number];
/** Severity of a pain / importance of a gain: 1 low, 2 medium, 3 high. */
export type Weight = 1 | 2 | 3;

/** Colours a customer-segment note can take; other notes tagged with the segment show it. */
export const SEGMENT_COLORS = ["teal", "amber", "rose", "violet", "sky", "lime"] as const;
export type SegmentColor = (typeof SEGMENT_COLORS)[number];
/** The Business Model Canvas block whose notes are customer segments. */
export const SEGMENT_BLOCK = "customer-segments";

export type Note = {
  id: string;
  text: string;
  tags: string[];
  /** Ids of customer-segment notes of the same canvas this note is about. */
  segments: string[];
  color?: SegmentColor;
  jobType?: JobType;
  severity?: Weight;
  importance?: Weight;
};

export type FitLink = { from: string; to: string };

export type CanvasDocument = {
  blocks: Record<string, Note[]>;
  links: FitLink[];
};

export function emptyDocument(): CanvasDocument {
  return { blocks: {}, links: [] };
}

export function documentBytes(doc: CanvasDocument): number {
  return new TextEncoder().encode(JSON.stringify(doc)).length;
}

/** Where each note sits: note id → block id and index. */
export function locateNotes(doc: CanvasDocument): Map<string, { blockId: string; index: number; note: Note }> {
  const where = new Map<string, { blockId: string; index: number; note: Note }>();
  for (const [blockId, notes] of Object.entries(doc.blocks)) {
    notes.forEach((note, index) => where.set(note.id, { blockId, index, note }));
  }
  return where;
}

export function notesOf(doc: CanvasDocument, blockId: string): Note[] {
  return doc.blocks[blockId] ?? [];
}

export function isEmptyDocument(doc: CanvasDocument): boolean {
  return Object.values(doc.blocks).every((notes) => notes.every((n) => n.text.trim() === ""));
}

/**
 * The colours a note shows: its own for a customer-segment note, else those of the segments it is
 * tagged with (in tag order). Built once per document, asked per note.
 */
export function segmentColors(doc: CanvasDocument): (blockId: string, note: Note) => SegmentColor[] {
  const colorOf = new Map(notesOf(doc, SEGMENT_BLOCK).map((n) => [n.id, n.color]));
  return (blockId, note) =>
    (blockId === SEGMENT_BLOCK ? [note.color] : note.segments.map((id) => colorOf.get(id))).filter(
      (c): c is SegmentColor => Boolean(c),
    );
}
