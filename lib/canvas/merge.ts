import {
  DOCUMENT_MAX_BYTES,
  NOTES_PER_BLOCK_MAX,
  SEGMENT_BLOCK,
  documentBytes,
  locateNotes,
  type CanvasDocument,
  type FitLink,
  type Note,
} from "./document";
import { fitToBlock as clean, linkAllowed } from "./operations";
import type { CanvasTemplate } from "./types";

/**
 * Three-way merge of canvas documents at note level, for the autosave: the tab started from `base`,
 * holds `mine`, and the server meanwhile saved `theirs`. Pure and deterministic: no I/O, no clock,
 * no randomness; the same three inputs always give deep-equal results.
 *
 * Per note (by id):
 * - Content is every field but the id (text, tags, segments, color, jobType, severity, importance),
 *   merged field by field (tags and segments compare as arrays by value): a field only one side
 *   changed takes that side's value; changed identically on both, fine; changed differently on
 *   both → conflict.
 * - Block: moved to another block on one side only → that side's block; to the same block on both →
 *   that block; to different blocks on both → conflict.
 * - Deleted on one side: if the other side left the content unchanged (a mere move does not count)
 *   the note is deleted; if it changed the content → conflict. Deleted on both → deleted.
 * - Added (not in base) on one side → kept. Added on both sides under the same id: one note if both
 *   have the same content in the same block (theirs), else a conflict whose base is null.
 * - A conflicting note is taken whole from one side (content and block — that side's *version*,
 *   not a field mix): theirs (the saved one) until resolved, or the side chosen in
 *   resolveConflicts; choosing the side that deleted it deletes it.
 *
 * Order within a block — each side's block is a sequence of ids:
 * - "Side S reordered block B" means the notes that B holds both in base and in S appear in a
 *   different relative order in S than in base.
 * - The primary sequence is MINE if I reordered the block and they did not, else THEIRS. The result
 *   starts from the primary sequence, restricted to the notes the merge puts into the block.
 * - Every other note of the block (present in the other, secondary, side's block: added or moved in
 *   there) is inserted, in secondary order, right after the nearest note that precedes it in the
 *   secondary sequence and is in the result's block, or at the start of the block if none does.
 * Every note the merge keeps therefore appears exactly once. Fit links are ordered the same way
 * (sequences of "from>to").
 *
 * Fit links are a set: result = theirs + (mine − base) − (base − mine), then links whose notes are
 * gone or whose blocks the template does not allow are dropped, duplicates removed, and at most
 * LINKS_MAX kept (theirs first). One refinement: a side that deleted one of a link's notes counts as
 * having left the link as in base (deleting a note takes its links along, it does not remove them
 * as such). This only matters when the note survives a delete-vs-edit conflict: the surviving
 * version keeps its links (theirs' links unresolved, mine's when "mine" restores a note they deleted).
 *
 * Validity: when base, mine and theirs pass checkDocument(template, ·), so does every result.
 * - Each note is cleaned for the block it ends up in: tags the block does not know are dropped (and
 *   all but the first of a single-choice group), attributes and colour the block does not carry
 *   are dropped, segment references to notes that are not in the customer-segments block of the
 *   result are dropped.
 * - Block limit (NOTES_PER_BLOCK_MAX): theirs' notes in a block come first. While a block is over
 *   the limit, the notes that sit there because of me (not in that block in theirs) are taken out,
 *   last in my block first: a note that theirs holds elsewhere goes back to theirs' block (my move
 *   is undone, the note stays), a note theirs does not hold is dropped and reported in `dropped`.
 * - Size (DOCUMENT_MAX_BYTES): if the result is too large, my additions (notes theirs does not
 *   hold) are dropped, newest first (= last in my document order), as few as needed, and reported
 *   in `dropped`. If it is still too large with all of them gone, the result is theirs unchanged and
 *   `dropped` also lists every note whose merged state differed from theirs.
 *
 * Identities: merge(base, base, theirs) = theirs; merge(base, mine, base) = mine;
 * merge(base, x, x) = x (deep-equal, order included).
 */

/** Where a note sits on one side; null = absent there (deleted, or never added). */
export type NoteSide = { blockId: string; index: number; note: Note } | null;
export type NoteConflict = { noteId: string; base: NoteSide; mine: NoteSide; theirs: NoteSide };
export type MergeResult = {
  /** The merged document; a conflicting note is held in THEIR version (the saved one) until resolved. */
  doc: CanvasDocument;
  /** Only real conflicts, sorted by noteId. */
  conflicts: NoteConflict[];
  /** The merged document differs from theirs: there is something of mine to save. */
  mineChanged: boolean;
  /** Ids of my notes (additions, or edits when falling back to theirs) that limits did not let in; sorted. */
  dropped: string[];
};
export type Choice = "mine" | "theirs";

/** As in validate.ts. */
const LINKS_MAX = 2000;

const FIELDS = ["text", "tags", "segments", "color", "jobType", "severity", "importance"] as const;
type Located = { blockId: string; index: number; note: Note };
type Placed = { note: Note; blockId: string };

export function mergeDocuments(
  template: CanvasTemplate,
  base: CanvasDocument,
  mine: CanvasDocument,
  theirs: CanvasDocument,
): MergeResult {
  return merge(template, base, mine, theirs, {});
}

/**
 * The merge with a choice per conflicting note (missing choice = theirs): the chosen side's version
 * of the note, content and block. The result passes checkDocument like every merge result.
 */
export function resolveConflicts(
  template: CanvasTemplate,
  base: CanvasDocument,
  mine: CanvasDocument,
  theirs: CanvasDocument,
  choices: Record<string, Choice>,
): CanvasDocument {
  return merge(template, base, mine, theirs, choices).doc;
}

function merge(
  template: CanvasTemplate,
  base: CanvasDocument,
  mine: CanvasDocument,
  theirs: CanvasDocument,
  choices: Record<string, Choice>,
): MergeResult {
  const atBase = locateNotes(base);
  const atMine = locateNotes(mine);
  const atTheirs = locateNotes(theirs);

  // 1. Per note: its merged content and block, or gone; and whether it conflicts.
  const ids = unique([...atTheirs.keys(), ...atMine.keys(), ...atBase.keys()]);
  const placement = new Map<string, Placed>();
  const conflicts: NoteConflict[] = [];
  for (const id of ids) {
    const b = atBase.get(id);
    const m = atMine.get(id);
    const t = atTheirs.get(id);
    const decided = decide(b, m, t);
    let placed: Placed | null;
    if (decided === "conflict") {
      conflicts.push({ noteId: id, base: side(b), mine: side(m), theirs: side(t) });
      const chosen = Object.hasOwn(choices, id) && choices[id] === "mine" ? m : t;
      placed = chosen ? { note: chosen.note, blockId: chosen.blockId } : null;
    } else {
      placed = decided;
    }
    if (placed) placement.set(id, placed);
  }
  conflicts.sort((x, y) => compare(x.noteId, y.noteId));

  // 2. Block limit: take out what I put into an overfull block, last in my block first.
  const dropped: string[] = [];
  const mineSeq = sequences(mine);
  const counts = new Map<string, number>();
  for (const p of placement.values()) counts.set(p.blockId, (counts.get(p.blockId) ?? 0) + 1);
  const blockOrder = unique([...template.blocks.map((bl) => bl.id), ...counts.keys()]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const blockId of blockOrder) {
      if ((counts.get(blockId) ?? 0) <= NOTES_PER_BLOCK_MAX) continue;
      for (const id of [...(mineSeq.get(blockId) ?? [])].reverse()) {
        if ((counts.get(blockId) ?? 0) <= NOTES_PER_BLOCK_MAX) break;
        const p = placement.get(id);
        const t = atTheirs.get(id);
        if (!p || p.blockId !== blockId || t?.blockId === blockId) continue;
        counts.set(blockId, counts.get(blockId)! - 1);
        if (t) {
          placement.set(id, { note: p.note, blockId: t.blockId });
          counts.set(t.blockId, (counts.get(t.blockId) ?? 0) + 1);
          changed = true;
        } else {
          placement.delete(id);
          dropped.push(id);
        }
      }
    }
  }

  // 3. Build; if too large, drop as few of my additions (newest first) as needed.
  const build = builder(template, base, mine, theirs);
  let doc = build(placement);
  let mineChanged = !jsonEqual(doc, theirs);
  if (documentBytes(doc) > DOCUMENT_MAX_BYTES) {
    const additions = [...mineSeq.values()]
      .flat()
      .filter((id) => placement.has(id) && !atTheirs.has(id))
      .reverse();
    const without = (k: number) => {
      const fewer = new Map(placement);
      for (const id of additions.slice(0, k)) fewer.delete(id);
      return fewer;
    };
    const fits = (k: number) => documentBytes(build(without(k))) <= DOCUMENT_MAX_BYTES;
    if (fits(additions.length)) {
      // Dropping more never makes the document larger: the smallest k that fits, by bisection.
      let lo = 1;
      let hi = additions.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (fits(mid)) hi = mid;
        else lo = mid + 1;
      }
      dropped.push(...additions.slice(0, lo));
      doc = build(without(lo));
      mineChanged = !jsonEqual(doc, theirs);
    } else {
      const merged = locateNotes(doc);
      for (const id of unique([...merged.keys(), ...atTheirs.keys()])) {
        const r = merged.get(id);
        const t = atTheirs.get(id);
        if (!r || !t || r.blockId !== t.blockId || !jsonEqual(r.note, t.note)) dropped.push(id);
      }
      doc = theirs;
      mineChanged = false;
    }
  }

  return { doc, conflicts, mineChanged, dropped: unique(dropped).sort(compare) };
}

/** One note's merge: where it ends up with which content, null when gone, or a conflict. */
function decide(b: Located | undefined, m: Located | undefined, t: Located | undefined): Placed | null | "conflict" {
  if (!b) {
    if (m && t) return m.blockId === t.blockId && contentEqual(m.note, t.note) ? place(t) : "conflict";
    return m ? place(m) : t ? place(t) : null;
  }
  if (!m && !t) return null;
  if (!m) return contentEqual(b.note, t!.note) ? null : "conflict";
  if (!t) return contentEqual(b.note, m.note) ? null : "conflict";
  const note = mergeContent(b.note, m.note, t.note);
  if (!note) return "conflict";
  let blockId: string;
  if (m.blockId === b.blockId || m.blockId === t.blockId) blockId = t.blockId;
  else if (t.blockId === b.blockId) blockId = m.blockId;
  else return "conflict";
  return { note, blockId };
}

function place(at: Located): Placed {
  return { note: at.note, blockId: at.blockId };
}

function side(at: Located | undefined): NoteSide {
  return at ? { blockId: at.blockId, index: at.index, note: at.note } : null;
}

/** Field-by-field three-way merge of a note's content; null when a field changed differently on both sides. */
function mergeContent(b: Note, m: Note, t: Note): Note | null {
  const out: Record<string, unknown> = { id: t.id };
  for (const field of FIELDS) {
    const [bv, mv, tv] = [b[field], m[field], t[field]];
    let value: unknown;
    if (valueEqual(mv, bv) || valueEqual(mv, tv)) value = tv;
    else if (valueEqual(tv, bv)) value = mv;
    else return null;
    if (value !== undefined) out[field] = value;
  }
  const note = out as Note;
  // Hand back the side's own object when the merge is just that side: keeps identities exact.
  if (contentEqual(note, t)) return t;
  if (contentEqual(note, m)) return m;
  return note;
}

function contentEqual(a: Note, b: Note): boolean {
  return FIELDS.every((field) => valueEqual(a[field], b[field]));
}

function valueEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** Deep equality as JSON sees it: object keys in any order, undefined-valued keys absent. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(rb, k) && jsonEqual(ra[k], rb[k]));
}

/** Block id → note ids in order. */
function sequences(doc: CanvasDocument): Map<string, string[]> {
  return new Map(Object.entries(doc.blocks).map(([blockId, notes]) => [blockId, notes.map((n) => n.id)]));
}

const linkKey = (l: FitLink) => `${l.from}>${l.to}`;

/** Turns a final placement into the document: cleaned notes, ordered blocks, block keys, links. */
function builder(template: CanvasTemplate, base: CanvasDocument, mine: CanvasDocument, theirs: CanvasDocument) {
  const blockDefs = new Map(template.blocks.map((b) => [b.id, b]));
  const [baseSeq, mineSeq, theirsSeq] = [sequences(base), sequences(mine), sequences(theirs)];
  const baseKeys = new Set(Object.keys(base.blocks));
  const mineKeys = new Set(Object.keys(mine.blocks));
  const theirsKeys = new Set(Object.keys(theirs.blocks));
  const linkSets = [base, mine, theirs].map((d) => unique(d.links.map(linkKey)));
  const [baseLinks, mineLinks, theirsLinks] = linkSets as [string[], string[], string[]];
  const inBase = new Set(baseLinks);
  const inMine = new Set(mineLinks);
  const inTheirs = new Set(theirsLinks);
  const linkByKey = new Map<string, FitLink>();
  for (const d of [theirs, mine, base]) for (const l of d.links) if (!linkByKey.has(linkKey(l))) linkByKey.set(linkKey(l), l);
  // A side that deleted one of a link's notes lost the link with it, without removing it as such:
  // for that side the link counts as unchanged from base (it matters when the note survives a conflict).
  const membership = (d: CanvasDocument, has: Set<string>) => {
    const notes = locateNotes(d);
    return (k: string) => {
      const l = linkByKey.get(k)!;
      return notes.has(l.from) && notes.has(l.to) ? has.has(k) : inBase.has(k);
    };
  };
  const mineHas = membership(mine, inMine);
  const theirsHas = membership(theirs, inTheirs);

  return (placement: Map<string, Placed>): CanvasDocument => {
    const byBlock = new Map<string, Set<string>>();
    for (const [id, p] of placement) {
      if (!byBlock.has(p.blockId)) byBlock.set(p.blockId, new Set());
      byBlock.get(p.blockId)!.add(id);
    }
    const isSegment = (id: string) => placement.get(id)?.blockId === SEGMENT_BLOCK;

    // Block keys: a three-way set merge of the keys, plus every block that holds a note.
    const keys = unique([...theirsKeys, ...mineKeys, ...template.blocks.map((b) => b.id), ...byBlock.keys()]).filter(
      (k) =>
        byBlock.has(k) || (theirsKeys.has(k) && !(baseKeys.has(k) && !mineKeys.has(k))) || (mineKeys.has(k) && !baseKeys.has(k)),
    );
    const blocks: CanvasDocument["blocks"] = {};
    for (const blockId of keys) {
      const keep = byBlock.get(blockId) ?? new Set<string>();
      const order = mergeOrder(baseSeq.get(blockId) ?? [], mineSeq.get(blockId) ?? [], theirsSeq.get(blockId) ?? [], keep);
      blocks[blockId] = order.map((id) => clean(template, blockDefs.get(blockId), blockId, placement.get(id)!.note, isSegment));
    }

    const wanted = new Set(
      [...linkByKey.keys(), ...baseLinks].filter((k) => {
        const [b, m, t] = [inBase.has(k), mineHas(k), theirsHas(k)];
        return (t && !(b && !m)) || (m && !b);
      }),
    );
    const valid = mergeOrder(baseLinks, mineLinks, theirsLinks, wanted)
      .map((k) => linkByKey.get(k)!)
      .filter((l) => linkAllowed(template, placement.get(l.from)?.blockId, placement.get(l.to)?.blockId));
    const fromTheirs = valid.filter((l) => inTheirs.has(linkKey(l))).length;
    let room = LINKS_MAX - fromTheirs;
    const links = valid.filter((l) => inTheirs.has(linkKey(l)) || room-- > 0);
    return { blocks, links };
  };
}

/** The order of the `keep` items (see "Order within a block" in the module comment). */
function mergeOrder(base: string[], mine: string[], theirs: string[], keep: Set<string>): string[] {
  const [primary, secondary] = reordered(base, mine) && !reordered(base, theirs) ? [mine, theirs] : [theirs, mine];
  const out = unique(primary.filter((id) => keep.has(id)));
  const placed = new Set(out);
  let previous: string | null = null;
  for (const id of secondary) {
    if (!keep.has(id)) continue;
    if (!placed.has(id)) {
      out.splice(previous === null ? 0 : out.indexOf(previous) + 1, 0, id);
      placed.add(id);
    }
    previous = id;
  }
  // Cannot happen (every kept item is in one side's sequence); guards "never lose a note".
  out.push(...[...keep].filter((id) => !placed.has(id)).sort(compare));
  return out;
}

/** The items `side` shares with `base` appear in a different relative order. */
function reordered(base: string[], side: string[]): boolean {
  const inSide = new Set(side);
  const inBase = new Set(base);
  const a = base.filter((x) => inSide.has(x));
  const b = side.filter((x) => inBase.has(x));
  return a.some((x, i) => x !== b[i]);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
