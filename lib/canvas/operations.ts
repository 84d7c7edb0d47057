import type { CanvasTemplate } from "./types";
import { locateNotes, type CanvasDocument, type FitLink, type Note } from "./document";

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

/** Moves a note within its block or to another one; fit links that the new place does not allow are dropped. */
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
  target.splice(Math.max(0, Math.min(toIndex, target.length)), 0, at.note);
  next = withBlock(next, toBlockId, target);
  if (toBlockId === at.blockId) return next;
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
