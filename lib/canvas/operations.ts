import type { BlockDef, CanvasTemplate } from "./types";
import { locateNotes, SEGMENT_BLOCK, type CanvasDocument, type FitLink, type Note } from "./document";

/**
 * Pure edits of a canvas document. Each returns a new document and leaves the old one alone,
 * so the editor can keep the previous state for undo and the autosave can diff.
 */

export function newNoteId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("");
}

export function makeNote(text = "", over: Partial<Note> = {}): Note {
  return { id: newNoteId(), text, tags: [], segments: [], ...over };
}

function withBlock(doc: CanvasDocument, blockId: string, notes: Note[]): CanvasDocument {
  return { ...doc, blocks: { ...doc.blocks, [blockId]: notes } };
}

export function addNote(doc: CanvasDocument, blockId: string, note: Note, index?: number): CanvasDocument {
  const notes = [...(doc.blocks[blockId] ?? [])];
  notes.splice(index ?? notes.length, 0, note);
  return withBlock(doc, blockId, notes);
}

export function updateNote(doc: CanvasDocument, noteId: string, patch: Partial<Omit<Note, "id">>): CanvasDocument {
  const at = locateNotes(doc).get(noteId);
  if (!at) return doc;
  const notes = [...doc.blocks[at.blockId]!];
  notes[at.index] = { ...at.note, ...patch };
  return withBlock(doc, at.blockId, notes);
}

/** What deleteNote took away, enough to put it back exactly. */
export type Removed = { note: Note; blockId: string; index: number; links: FitLink[]; taggedIn: string[] };

export function deleteNote(doc: CanvasDocument, noteId: string): { doc: CanvasDocument; removed: Removed | null } {
  const at = locateNotes(doc).get(noteId);
  if (!at) return { doc, removed: null };
  const links = doc.links.filter((l) => l.from === noteId || l.to === noteId);
  const taggedIn: string[] = [];
  const blocks: CanvasDocument["blocks"] = {};
  for (const [blockId, notes] of Object.entries(doc.blocks)) {
    blocks[blockId] = notes
      .filter((n) => n.id !== noteId)
      .map((n) => {
        if (!n.segments.includes(noteId)) return n;
        taggedIn.push(n.id);
        return { ...n, segments: n.segments.filter((s) => s !== noteId) };
      });
  }
  return {
    doc: { blocks, links: doc.links.filter((l) => l.from !== noteId && l.to !== noteId) },
    removed: { note: at.note, blockId: at.blockId, index: at.index, links, taggedIn },
  };
}

/** Undo of deleteNote. */
export function restoreNote(doc: CanvasDocument, removed: Removed): CanvasDocument {
  let next = addNote(doc, removed.blockId, removed.note, removed.index);
  const present = locateNotes(next);
  for (const id of removed.taggedIn) {
    const at = present.get(id);
    if (at && !at.note.segments.includes(removed.note.id)) {
      next = updateNote(next, id, { segments: [...at.note.segments, removed.note.id] });
    }
  }
  const links = removed.links.filter((l) => present.has(l.from) && present.has(l.to));
  return { ...next, links: [...next.links, ...links.filter((l) => !hasLink(next, l.from, l.to))] };
}

/**
 * Moves a note within its block or to another one. What the new place does not allow goes: fit
 * links, tags, attributes and colour; a segment note leaving the segments block is no longer a
 * segment, so the notes tagged with it lose that tag.
 */
export function moveNote(
  doc: CanvasDocument,
  template: CanvasTemplate,
  noteId: string,
  toBlockId: string,
  toIndex: number,
): CanvasDocument {
  const at = locateNotes(doc).get(noteId);
  if (!at || !template.blocks.some((b) => b.id === toBlockId)) return doc;
  const source = [...doc.blocks[at.blockId]!];
  source.splice(at.index, 1);
  let next = withBlock(doc, at.blockId, source);
  const target = [...(next.blocks[toBlockId] ?? [])];
  const block = template.blocks.find((b) => b.id === toBlockId);
  const segmentIds = new Set((next.blocks[SEGMENT_BLOCK] ?? []).map((n) => n.id));
  if (toBlockId === SEGMENT_BLOCK && template.kind === "business-model") segmentIds.add(at.note.id);
  const moved = toBlockId === at.blockId ? at.note : fitToBlock(template, block, toBlockId, at.note, (id) => segmentIds.has(id));
  target.splice(Math.max(0, Math.min(toIndex, target.length)), 0, moved);
  next = withBlock(next, toBlockId, target);
  if (toBlockId === at.blockId) return next;
  if (at.blockId === SEGMENT_BLOCK && toBlockId !== SEGMENT_BLOCK) {
    const blocks: CanvasDocument["blocks"] = {};
    for (const [id, notes] of Object.entries(next.blocks)) {
      blocks[id] = notes.map((n) => (n.segments.includes(noteId) ? { ...n, segments: n.segments.filter((s) => s !== noteId) } : n));
    }
    next = { ...next, blocks };
  }
  const where = locateNotes(next);
  return { ...next, links: next.links.filter((l) => linkAllowed(template, where.get(l.from)?.blockId, where.get(l.to)?.blockId)) };
}

export function linkAllowed(template: CanvasTemplate, fromBlock: string | undefined, toBlock: string | undefined): boolean {
  return template.links.some((rule) => rule.from === fromBlock && rule.to === toBlock);
}

export function hasLink(doc: CanvasDocument, from: string, to: string): boolean {
  return doc.links.some((l) => l.from === from && l.to === to);
}

/** Adds the fit link if the template allows it between the two notes' blocks, or removes it if present. */
export function toggleLink(doc: CanvasDocument, template: CanvasTemplate, from: string, to: string): CanvasDocument {
  if (hasLink(doc, from, to)) return { ...doc, links: doc.links.filter((l) => !(l.from === from && l.to === to)) };
  const where = locateNotes(doc);
  if (!linkAllowed(template, where.get(from)?.blockId, where.get(to)?.blockId)) return doc;
  return { ...doc, links: [...doc.links, { from, to }] };
}

/**
 * The note as the block it sits in allows it: tags the block does not know are dropped (and all but
 * the first of a single-choice group), attributes and colour it does not carry, and segment
 * references to notes that are not segments. The same object when nothing changes.
 */
export function fitToBlock(
  template: CanvasTemplate,
  block: BlockDef | undefined,
  blockId: string,
  note: Note,
  isSegment: (id: string) => boolean,
): Note {
  const groups = block?.tagGroups ?? [];
  const taken = new Set<string>();
  const tags = note.tags.filter((tag) => {
    const holders = groups.filter((g) => g.tags.some((t) => t.id === tag));
    if (holders.length === 0) return false;
    const single = holders.filter((g) => !g.multiple);
    if (single.some((g) => taken.has(g.id))) return false;
    for (const g of single) taken.add(g.id);
    return true;
  });
  const segments = note.segments.filter(isSegment);
  const attribute = block?.attribute?.kind;
  const dropJob = note.jobType !== undefined && attribute !== "jobType";
  const dropSeverity = note.severity !== undefined && attribute !== "severity";
  const dropImportance = note.importance !== undefined && attribute !== "importance";
  const dropColor = note.color !== undefined && !(template.kind === "business-model" && blockId === SEGMENT_BLOCK);
  if (
    tags.length === note.tags.length &&
    segments.length === note.segments.length &&
    !dropJob &&
    !dropSeverity &&
    !dropImportance &&
    !dropColor
  ) {
    return note;
  }
  const out: Note = { ...note, tags, segments };
  if (dropJob) delete out.jobType;
  if (dropSeverity) delete out.severity;
  if (dropImportance) delete out.importance;
  if (dropColor) delete out.color;
  return out;
}

