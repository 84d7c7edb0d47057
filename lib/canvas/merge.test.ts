import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DOCUMENT_MAX_BYTES,
  JOB_TYPES,
  SEGMENT_BLOCK,
  SEGMENT_COLORS,
  documentBytes,
  emptyDocument,
  locateNotes,
  type CanvasDocument,
  type Note,
} from "./document";
import { mergeDocuments, resolveConflicts, type Choice } from "./merge";
import { addNote, deleteNote, linkAllowed, makeNote, moveNote, toggleLink, updateNote } from "./operations";
import { businessModelCanvas as bmc } from "./templates/business-model";
import { valuePropositionCanvas as vpc } from "./templates/value-proposition";
import type { CanvasTemplate } from "./types";
import { checkDocument } from "./validate";

const note = (id: string, text = id, over: Partial<Note> = {}) => makeNote(text, { id, ...over });

function doc(blocks: Record<string, Note[]>, links: Array<[string, string]> = []): CanvasDocument {
  return { blocks, links: links.map(([from, to]) => ({ from, to })) };
}

function expectValid(template: CanvasTemplate, d: CanvasDocument) {
  const check = checkDocument(template, d);
  expect(check.ok ? [] : check.issues).toEqual([]);
}

const ids = (d: CanvasDocument, blockId: string) => (d.blocks[blockId] ?? []).map((n) => n.id);
const at = (d: CanvasDocument, id: string) => locateNotes(d).get(id);

/** Base of the unit cases: two jobs, two pains (severity), a reliever linked to the first pain. */
function vpcBase() {
  return doc(
    {
      "customer-jobs": [note("job001", "Essen bestellen", { jobType: "functional" }), note("job002", "Satt werden")],
      pains: [note("pain01", "Wartezeit", { severity: 2 }), note("pain02", "Kalt", { severity: 1 })],
      "pain-relievers": [note("reli01", "Tracking")],
      "gain-creators": [],
      "products-services": [note("prod01", "App"), note("prod02", "Lieferung")],
    },
    [["reli01", "pain01"]],
  );
}

describe("mergeDocuments", () => {
  it("keeps edits of different notes from both sides, without conflicts", () => {
    const base = vpcBase();
    const mine = updateNote(base, "job001", { text: "Pizza bestellen" });
    const theirs = updateNote(base, "pain02", { text: "Kaltes Essen", severity: 3 });
    const r = mergeDocuments(vpc, base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.dropped).toEqual([]);
    expect(r.mineChanged).toBe(true);
    expect(at(r.doc, "job001")?.note.text).toBe("Pizza bestellen");
    expect(at(r.doc, "pain02")?.note).toMatchObject({ text: "Kaltes Essen", severity: 3 });
    expectValid(vpc, r.doc);
  });

  it("reports one conflict when both sides change the same field differently, and holds theirs", () => {
    const base = vpcBase();
    const mine = updateNote(base, "pain01", { text: "Lange Wartezeit" });
    const theirs = updateNote(base, "pain01", { text: "Wartezeit am Abend" });
    const r = mergeDocuments(vpc, base, mine, theirs);
    expect(r.conflicts).toEqual([
      {
        noteId: "pain01",
        base: { blockId: "pains", index: 0, note: at(base, "pain01")!.note },
        mine: { blockId: "pains", index: 0, note: at(mine, "pain01")!.note },
        theirs: { blockId: "pains", index: 0, note: at(theirs, "pain01")!.note },
      },
    ]);
    expect(r.doc).toEqual(theirs);
    expect(r.mineChanged).toBe(false);
    // The same change on both sides is no conflict.
    expect(mergeDocuments(vpc, base, mine, mine).conflicts).toEqual([]);
  });

  it("merges changes of different fields of the same note", () => {
    const base = vpcBase();
    const mine = updateNote(base, "pain01", { text: "Lange Wartezeit" });
    const theirs = updateNote(base, "pain01", { severity: 3 });
    const r = mergeDocuments(vpc, base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(at(r.doc, "pain01")).toMatchObject({ blockId: "pains", index: 0, note: { text: "Lange Wartezeit", severity: 3 } });
    expect(r.doc.links).toEqual(base.links);
  });

  it("makes delete against edit a conflict, and delete against no edit a delete", () => {
    const base = vpcBase();
    const edited = updateNote(base, "pain01", { text: "Sehr lange Wartezeit" });
    const deleted = deleteNote(base, "pain01").doc;

    const theirsDeleted = mergeDocuments(vpc, base, edited, deleted);
    expect(theirsDeleted.conflicts.map((c) => [c.noteId, c.mine?.note.text, c.theirs])).toEqual([
      ["pain01", "Sehr lange Wartezeit", null],
    ]);
    expect(at(theirsDeleted.doc, "pain01")).toBeUndefined();
    const restored = resolveConflicts(vpc, base, edited, deleted, { pain01: "mine" });
    expect(at(restored, "pain01")).toMatchObject({ blockId: "pains", index: 0, note: { text: "Sehr lange Wartezeit" } });
    expect(restored.links).toEqual(base.links);
    expectValid(vpc, restored);

    const mineDeleted = mergeDocuments(vpc, base, deleted, edited);
    expect(mineDeleted.conflicts.map((c) => [c.noteId, c.mine, c.theirs?.note.text])).toEqual([
      ["pain01", null, "Sehr lange Wartezeit"],
    ]);
    expect(mineDeleted.doc).toEqual(edited);
    expect(resolveConflicts(vpc, base, deleted, edited, { pain01: "mine" })).toEqual(deleted);

    // Unchanged (or only moved) on the other side: deleted, no conflict.
    const moved = moveNote(base, vpc, "pain01", "pains", 1);
    for (const other of [base, moved]) {
      const r = mergeDocuments(vpc, base, deleted, other);
      expect(r.conflicts).toEqual([]);
      expect(at(r.doc, "pain01")).toBeUndefined();
      expect(r.doc.links).toEqual([]);
    }
    expect(mergeDocuments(vpc, base, deleted, deleted)).toMatchObject({ doc: deleted, conflicts: [], mineChanged: false });
  });

  it("keeps notes added on each side, mine after its predecessor in my block", () => {
    const base = vpcBase();
    const mine = addNote(addNote(base, "gains", note("gain01", "Schnell")), "pains", note("pain03", "Teuer", { severity: 2 }), 1);
    const theirs = addNote(base, "pains", note("pain04", "Laut"));
    const r = mergeDocuments(vpc, base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(ids(r.doc, "pains")).toEqual(["pain01", "pain03", "pain02", "pain04"]);
    expect(ids(r.doc, "gains")).toEqual(["gain01"]);
    expectValid(vpc, r.doc);
  });

  it("treats the same id added on both sides as one note when equal, else as a conflict with no base", () => {
    const base = vpcBase();
    const same = addNote(base, "gains", note("gain01", "Schnell"));
    expect(mergeDocuments(vpc, base, same, same)).toMatchObject({ doc: same, conflicts: [], mineChanged: false });
    const other = addNote(base, "gains", note("gain01", "Günstig"));
    const r = mergeDocuments(vpc, base, same, other);
    expect(r.conflicts).toEqual([
      {
        noteId: "gain01",
        base: null,
        mine: { blockId: "gains", index: 0, note: note("gain01", "Schnell") },
        theirs: { blockId: "gains", index: 0, note: note("gain01", "Günstig") },
      },
    ]);
    expect(r.doc).toEqual(other);
    expect(resolveConflicts(vpc, base, same, other, { gain01: "mine" })).toEqual(same);
    // Same content in different blocks is a conflict too.
    const elsewhere = addNote(base, "gain-creators", note("gain01", "Schnell"));
    expect(mergeDocuments(vpc, base, same, elsewhere).conflicts.map((c) => c.noteId)).toEqual(["gain01"]);
  });

  it("keeps my reorder of one block and their edit in another", () => {
    const base = vpcBase();
    const mine = moveNote(base, vpc, "job002", "customer-jobs", 0);
    const theirs = updateNote(base, "prod01", { text: "Web-App" });
    const r = mergeDocuments(vpc, base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(ids(r.doc, "customer-jobs")).toEqual(["job002", "job001"]);
    expect(at(r.doc, "prod01")?.note.text).toBe("Web-App");
    // They reordered the same block as well: their order, my additions placed after their predecessor.
    const theirsReordered = addNote(moveNote(base, vpc, "prod02", "products-services", 0), "products-services", note("prod03"));
    const mineReordered = addNote(moveNote(base, vpc, "prod02", "products-services", 0), "products-services", note("prod04"), 1);
    expect(ids(mergeDocuments(vpc, base, mineReordered, theirsReordered).doc, "products-services")).toEqual([
      "prod02",
      "prod04",
      "prod01",
      "prod03",
    ]);
  });

  it("takes a move of one side, and reports moves to different blocks on both sides", () => {
    const base = vpcBase();
    const toGains = moveNote(base, vpc, "prod01", "gain-creators", 0);
    const toPains = moveNote(base, vpc, "prod01", "pain-relievers", 0);
    const edited = updateNote(base, "prod01", { text: "Web-App" });
    const one = mergeDocuments(vpc, base, toGains, edited);
    expect(one.conflicts).toEqual([]);
    expect(at(one.doc, "prod01")).toMatchObject({ blockId: "gain-creators", note: { text: "Web-App" } });

    const both = mergeDocuments(vpc, base, toGains, toPains);
    expect(both.conflicts.map((c) => [c.noteId, c.base?.blockId, c.mine?.blockId, c.theirs?.blockId])).toEqual([
      ["prod01", "products-services", "gain-creators", "pain-relievers"],
    ]);
    expect(both.doc).toEqual(toPains);
    expect(ids(resolveConflicts(vpc, base, toGains, toPains, { prod01: "mine" }), "gain-creators")).toEqual(["prod01"]);
  });

  it("merges fit links as a set and drops those whose notes are gone or no longer allowed", () => {
    const base = addNote(vpcBase(), "gains", note("gain01"));
    const g = addNote(base, "gain-creators", note("crea01"));
    const mine = toggleLink(toggleLink(g, vpc, "crea01", "gain01"), vpc, "prod01", "job001");
    const theirs = toggleLink(addNote(base, "gain-creators", note("crea02")), vpc, "reli01", "pain01");
    const r = mergeDocuments(vpc, base, mine, theirs);
    expect(r.doc.links).toEqual([
      { from: "crea01", to: "gain01" },
      { from: "prod01", to: "job001" },
    ]);
    expectValid(vpc, r.doc);
    // My link to a note they deleted, and their link from a note I moved where it may not link, go.
    const theirsDeleted = deleteNote(base, "job001").doc;
    expect(mergeDocuments(vpc, base, mine, theirsDeleted).doc.links).toEqual([
      { from: "reli01", to: "pain01" },
      { from: "crea01", to: "gain01" },
    ]);
    const moved = moveNote(base, vpc, "reli01", "products-services", 0);
    const linkedAgain = toggleLink(toggleLink(base, vpc, "reli01", "pain01"), vpc, "reli01", "pain01");
    expect(mergeDocuments(vpc, base, moved, linkedAgain).doc.links).toEqual([]);
  });

  it("keeps at most 2000 fit links, theirs first", () => {
    let base = emptyDocument();
    for (let i = 0; i < 50; i++) {
      base = addNote(base, "pain-relievers", note(`reli${String(i).padStart(3, "0")}`));
      base = addNote(base, "pains", note(`pain${String(i).padStart(3, "0")}`));
    }
    const pairs = Array.from({ length: 2500 }, (_, k) => ({
      from: `reli${String(Math.floor(k / 50)).padStart(3, "0")}`,
      to: `pain${String(k % 50).padStart(3, "0")}`,
    }));
    const theirs = { ...base, links: pairs.slice(0, 1995) };
    const mine = { ...base, links: pairs.slice(1990, 2010) };
    const r = mergeDocuments(vpc, base, mine, theirs);
    expect(r.doc.links).toEqual(pairs.slice(0, 2000));
    expectValid(vpc, r.doc);
  });

  it("resolves with a choice per conflict (missing = theirs) into valid documents", () => {
    const base = vpcBase();
    const mine = updateNote(updateNote(base, "pain01", { severity: 3 }), "prod01", { text: "Meine App" });
    const theirs = updateNote(updateNote(base, "pain01", { severity: 1 }), "prod01", { text: "Ihre App" });
    const r = mergeDocuments(vpc, base, mine, theirs);
    expect(r.conflicts.map((c) => c.noteId)).toEqual(["pain01", "prod01"]);
    const choices: Record<string, Choice> = { pain01: "mine" };
    const resolved = resolveConflicts(vpc, base, mine, theirs, choices);
    expect(at(resolved, "pain01")?.note.severity).toBe(3);
    expect(at(resolved, "prod01")?.note.text).toBe("Ihre App");
    expect(resolveConflicts(vpc, base, mine, theirs, {})).toEqual(r.doc);
    expect(resolveConflicts(vpc, base, mine, theirs, { pain01: "mine", prod01: "mine" })).toEqual(mine);
    expectValid(vpc, resolved);
  });

  it("drops segment references to segments that are gone, and what a block does not allow", () => {
    const base = doc({
      [SEGMENT_BLOCK]: [note("segm01", "Studierende", { color: "teal" }), note("segm02", "Familien")],
      "key-activities": [note("acti01", "Kochen")],
      "key-resources": [],
      "value-propositions": [note("valu01", "Schnell", { segments: ["segm01"] })],
    });
    const mine = moveNote(deleteNote(base, "segm02").doc, bmc, "acti01", "key-resources", 0);
    let theirs = updateNote(base, "valu01", { segments: ["segm01", "segm02"] });
    theirs = updateNote(theirs, "acti01", { tags: ["production"] });
    const r = mergeDocuments(bmc, base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(at(r.doc, "valu01")?.note.segments).toEqual(["segm01"]);
    expect(at(r.doc, "acti01")).toMatchObject({ blockId: "key-resources", note: { tags: [] } });
    expectValid(bmc, r.doc);
  });

  it("drops my surplus additions past the block limit, and undoes my moves into a full block", () => {
    let base = emptyDocument();
    for (let i = 0; i < 50; i++) base = addNote(base, "gains", note(`base${String(i).padStart(3, "0")}`));
    let theirs = base;
    let mine = base;
    for (let i = 0; i < 8; i++) theirs = addNote(theirs, "gains", note(`thrs${i}00`));
    for (let i = 0; i < 8; i++) mine = addNote(mine, "gains", note(`mine${i}00`));
    const r = mergeDocuments(vpc, base, mine, theirs);
    expect(r.dropped).toEqual(["mine200", "mine300", "mine400", "mine500", "mine600", "mine700"]);
    expect(ids(r.doc, "gains")).toHaveLength(60);
    expect(ids(r.doc, "gains").slice(50)).toEqual(["mine000", "mine100", ...ids(theirs, "gains").slice(50)]);
    expect(r.conflicts).toEqual([]);
    expectValid(vpc, r.doc);

    // Moves: 55 in gains and 5 in pains; they add 5 to gains, I move the 5 pains into gains.
    let b2 = emptyDocument();
    for (let i = 0; i < 55; i++) b2 = addNote(b2, "gain-creators", note(`base${String(i).padStart(3, "0")}`));
    for (let i = 0; i < 5; i++) b2 = addNote(b2, "pain-relievers", note(`reli${i}00`));
    let t2 = b2;
    for (let i = 0; i < 5; i++) t2 = addNote(t2, "gain-creators", note(`thrs${i}00`));
    let m2 = b2;
    for (let i = 0; i < 5; i++) m2 = moveNote(m2, vpc, `reli${i}00`, "gain-creators", 60);
    m2 = updateNote(m2, "reli000", { text: "verschoben" });
    const r2 = mergeDocuments(vpc, b2, m2, t2);
    expect(r2.dropped).toEqual([]);
    expect(r2.doc).toEqual(updateNote(t2, "reli000", { text: "verschoben" }));
    expectValid(vpc, r2.doc);
  });

  it("drops as few of my newest additions as it takes to stay under the size limit", () => {
    const big = (id: string) => note(id, "ü".repeat(500));
    let base = emptyDocument();
    for (const block of ["products-services", "gain-creators", "pain-relievers"]) {
      for (let i = 0; i < 60; i++) base = addNote(base, block, big(`${block.slice(0, 4)}${String(i).padStart(3, "0")}`));
    }
    for (let i = 0; i < 20; i++) base = addNote(base, "customer-jobs", big(`jobs${String(i).padStart(3, "0")}`));
    let theirs = base;
    for (let i = 0; i < 20; i++) theirs = addNote(theirs, "gains", big(`thrs${String(i).padStart(3, "0")}`));
    let mine = base;
    for (let i = 0; i < 40; i++) mine = addNote(mine, "pains", big(`mine${String(i).padStart(3, "0")}`));
    expectValid(vpc, theirs);
    expectValid(vpc, mine);
    const r = mergeDocuments(vpc, base, mine, theirs);
    expectValid(vpc, r.doc);
    expect(r.dropped.length).toBeGreaterThan(0);
    const kept = ids(r.doc, "pains");
    // The dropped ones are my last additions; putting back the newest kept-out one would not fit.
    expect([...kept, ...r.dropped]).toEqual(ids(mine, "pains"));
    expect(ids(r.doc, "gains")).toEqual(ids(theirs, "gains"));
    expect(documentBytes(addNote(r.doc, "pains", big(r.dropped[0]!)))).toBeGreaterThan(DOCUMENT_MAX_BYTES);
    expect(r.mineChanged).toBe(true);
  });

  it("falls back to theirs, listing my lost edits, when even without my additions it is too large", () => {
    let base = emptyDocument();
    const all: string[] = [];
    for (const [block, prefix] of [
      ["products-services", "prod"],
      ["gain-creators", "crea"],
      ["pain-relievers", "reli"],
      ["customer-jobs", "jobs"],
      ["gains", "gain"],
    ] as const) {
      for (let i = 0; i < 60; i++) {
        all.push(`${prefix}${String(i).padStart(3, "0")}`);
        base = addNote(base, block, note(all.at(-1)!, "a"));
      }
    }
    let theirs = base;
    for (const id of all.slice(0, 150)) theirs = updateNote(theirs, id, { text: "ü".repeat(500) });
    let mine = base;
    for (const id of all.slice(150)) mine = updateNote(mine, id, { text: "ü".repeat(500) });
    const r = mergeDocuments(vpc, base, mine, theirs);
    expect(r.doc).toBe(theirs);
    expect(r.mineChanged).toBe(false);
    expect(r.dropped).toEqual(all.slice(150).sort());
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: random valid documents, edited on two sides by the editor's own operations.

type Op =
  | { kind: "add"; block: number; text: string; seed: number }
  | { kind: "edit"; pick: number; text: string | null; seed: number }
  | { kind: "delete"; pick: number }
  | { kind: "move"; pick: number; block: number; index: number }
  | { kind: "link"; a: number; b: number };

const texts = fc.constantFrom("", "a", "b", "Kunde", "Preis", "Zeit");
/** Often one of the first notes, so that both sides meet on the same notes. */
const pick = fc.oneof(fc.nat({ max: 2 }), fc.nat());
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("add" as const), block: fc.nat(), text: texts, seed: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("edit" as const), pick, text: fc.option(texts, { freq: 2 }), seed: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("delete" as const), pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("move" as const), pick, block: fc.nat(), index: fc.nat({ max: 8 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("link" as const), a: pick, b: fc.nat() }), weight: 2 },
);

/** A small deterministic generator seeded from the arbitrary (mulberry32). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random content fields a note of the block may carry; for an edit, a random part of them. */
function fieldsFor(template: CanvasTemplate, blockId: string, d: CanvasDocument, seed: number, edit: boolean): Partial<Note> {
  const r = rng(seed);
  const block = template.blocks.find((b) => b.id === blockId)!;
  const out: Partial<Note> = {};
  const touch = () => !edit || r() < 0.35;
  if (touch()) {
    const tags: string[] = [];
    for (const g of block.tagGroups ?? []) {
      if (g.multiple) for (const t of g.tags.slice(0, 4)) if (r() < 0.3) tags.push(t.id);
      if (!g.multiple && r() < 0.6) tags.push(g.tags[Math.floor(r() * 3) % g.tags.length]!.id);
    }
    out.tags = tags;
  }
  const kind = block.attribute?.kind;
  if (kind && touch()) {
    const v = r();
    if (kind === "jobType") out.jobType = v < 0.2 ? undefined : JOB_TYPES[Math.floor(v * 3)];
    else out[kind] = v < 0.2 ? undefined : ((1 + Math.floor(v * 3)) as 1 | 2 | 3);
  }
  if (template.kind === "business-model" && blockId === SEGMENT_BLOCK && touch()) {
    out.color = r() < 0.2 ? undefined : SEGMENT_COLORS[Math.floor(r() * 3)];
  }
  const segs = (d.blocks[SEGMENT_BLOCK] ?? []).map((n) => n.id);
  if (template.kind === "business-model" && touch()) out.segments = segs.filter(() => r() < 0.3);
  return out;
}

/** Moves like the editor, then fits the note to its new block (the editor's cleanup, done here by hand). */
function moveClean(template: CanvasTemplate, d: CanvasDocument, id: string, toBlock: string, index: number): CanvasDocument {
  const from = at(d, id)!;
  const next = moveNote(d, template, id, toBlock, index);
  if (from.blockId === toBlock) return next;
  const kind = template.blocks.find((b) => b.id === toBlock)!.attribute?.kind;
  const old = at(next, id)!.note;
  const fitted: Note = { id, text: old.text, tags: [], segments: old.segments };
  if (kind && old[kind] !== undefined) Object.assign(fitted, { [kind]: old[kind] });
  const leftSegments = from.blockId === SEGMENT_BLOCK;
  const blocks: CanvasDocument["blocks"] = {};
  for (const [blockId, notes] of Object.entries(next.blocks)) {
    blocks[blockId] = notes.map((n) => {
      const m = n.id === id ? fitted : n;
      return leftSegments && m.segments.includes(id) ? { ...m, segments: m.segments.filter((s) => s !== id) } : m;
    });
  }
  return { ...next, blocks };
}

type Scope = {
  /** Notes this side may edit, move or delete (all when absent). */
  may?: (id: string) => boolean;
  /** No deletes or moves of customer segments, no moves into their block (no side effects on other notes). */
  keepSegments?: boolean;
};

function applyOps(template: CanvasTemplate, start: CanvasDocument, ops: Op[], prefix: string, scope: Scope = {}): CanvasDocument {
  const blocks = template.blocks.map((b) => b.id);
  let d = start;
  let counter = 0;
  for (const op of ops) {
    const located = [...locateNotes(d).entries()];
    const mayTouch = located.filter(
      ([id, where]) => (scope.may?.(id) ?? true) && !(scope.keepSegments && op.kind !== "edit" && where.blockId === SEGMENT_BLOCK),
    );
    if (op.kind === "add") {
      const blockId = blocks[op.block % blocks.length]!;
      if ((d.blocks[blockId]?.length ?? 0) >= 40) continue;
      const id = `${prefix}${String(counter++).padStart(4, "0")}`;
      d = addNote(d, blockId, makeNote(op.text, { id, ...fieldsFor(template, blockId, d, op.seed, false) }));
    } else if (op.kind === "link") {
      // A note, then one of the notes the template lets it link to.
      if (located.length === 0) continue;
      const [from, where] = located[op.a % located.length]!;
      const targets = located.filter(([, w]) => template.links.some((l) => l.from === where.blockId && l.to === w.blockId));
      if (targets.length === 0) continue;
      d = toggleLink(d, template, from, targets[op.b % targets.length]![0]);
    } else {
      if (mayTouch.length === 0) continue;
      const [id, where] = mayTouch[op.pick % mayTouch.length]!;
      if (op.kind === "edit") {
        const patch = fieldsFor(template, where.blockId, d, op.seed, true);
        d = updateNote(d, id, op.text === null ? patch : { ...patch, text: op.text });
      } else if (op.kind === "delete") {
        d = deleteNote(d, id).doc;
      } else {
        const targets = scope.keepSegments ? blocks.filter((b) => b !== SEGMENT_BLOCK) : blocks;
        d = moveClean(template, d, id, targets[op.block % targets.length]!, op.index);
      }
    }
  }
  return d;
}

const world = fc.record({
  base: fc.array(opArb, { minLength: 4, maxLength: 25, size: "max" }),
  mine: fc.array(opArb, { maxLength: 14, size: "max" }),
  theirs: fc.array(opArb, { maxLength: 14, size: "max" }),
});

function build(template: CanvasTemplate, w: { base: Op[]; mine: Op[]; theirs: Op[] }) {
  const base = applyOps(template, emptyDocument(), w.base, "base");
  const mine = applyOps(template, base, w.mine, "mine");
  const theirs = applyOps(template, base, w.theirs, "thrs");
  for (const d of [base, mine, theirs]) expectValid(template, d);
  return { base, mine, theirs };
}

const allIds = (d: CanvasDocument) => Object.values(d.blocks).flatMap((notes) => notes.map((n) => n.id));
const runs = { numRuns: 200 };

describe.each([
  ["value-proposition", vpc],
  ["business-model", bmc],
] as const)("mergeDocuments on %s canvases (properties)", (_, template) => {
  it("always gives a valid document, in which every note occurs once and none of theirs or my additions is lost", () => {
    fc.assert(
      fc.property(world, (w) => {
        const { base, mine, theirs } = build(template, w);
        const r = mergeDocuments(template, base, mine, theirs);
        expectValid(template, r.doc);
        const result = allIds(r.doc);
        expect(new Set(result).size).toBe(result.length);
        const present = new Set(result);
        const atBase = locateNotes(base);
        const atMine = locateNotes(mine);
        for (const id of allIds(theirs)) if (atMine.has(id) || !atBase.has(id)) expect(present.has(id), id).toBe(true);
        for (const id of allIds(mine)) if (!atBase.has(id) && !r.dropped.includes(id)) expect(present.has(id), id).toBe(true);
        for (const id of result) expect(atMine.has(id) || locateNotes(theirs).has(id)).toBe(true);
        expect(r.conflicts.map((c) => c.noteId)).toEqual([...new Set(r.conflicts.map((c) => c.noteId))].sort());
        expect(r.mineChanged).toBe(!sameJson(r.doc, theirs));
      }),
      runs,
    );
  });

  it("loses no change when the two sides edit different notes", () => {
    fc.assert(
      fc.property(world, fc.nat(), (w, mask) => {
        const base = applyOps(template, emptyDocument(), w.base, "base");
        const baseIds = allIds(base);
        const S = new Set(baseIds.filter((_, i) => (mask >>> i % 31) & 1));
        const mine = applyOps(template, base, w.mine, "mine", { may: (id) => S.has(id) || id.startsWith("mine"), keepSegments: true });
        const theirs = applyOps(template, base, w.theirs, "thrs", { may: (id) => !S.has(id) && !id.startsWith("mine"), keepSegments: true });
        for (const d of [mine, theirs]) expectValid(template, d);
        const r = mergeDocuments(template, base, mine, theirs);
        expect(r.conflicts).toEqual([]);
        expect(r.dropped).toEqual([]);
        expectValid(template, r.doc);
        const result = locateNotes(r.doc);
        const [atMine, atTheirs] = [locateNotes(mine), locateNotes(theirs)];
        for (const id of new Set([...baseIds, ...atMine.keys(), ...atTheirs.keys()])) {
          const expected = S.has(id) || id.startsWith("mine") ? atMine.get(id) : atTheirs.get(id);
          const got = result.get(id);
          expect(got && { blockId: got.blockId, note: got.note }, id).toEqual(expected && { blockId: expected.blockId, note: expected.note });
        }
        // Links: theirs + (mine − base) − (base − mine), of notes that are there, where allowed.
        const key = (l: { from: string; to: string }) => `${l.from}>${l.to}`;
        const [inBase, inMine] = [new Set(base.links.map(key)), new Set(mine.links.map(key))];
        const expectedLinks = [...theirs.links.map(key).filter((k) => !(inBase.has(k) && !inMine.has(k))), ...[...inMine].filter((k) => !inBase.has(k))]
          .filter((k) => {
            const [from, to] = k.split(">") as [string, string];
            return linkAllowed(template, result.get(from)?.blockId, result.get(to)?.blockId);
          });
        expect(new Set(r.doc.links.map(key))).toEqual(new Set(expectedLinks));
      }),
      runs,
    );
  });

  it("merges edits of different fields of the same notes without conflicts", () => {
    const edits = fc.array(fc.tuple(texts, fc.nat(), fc.boolean()), { maxLength: 30, size: "max" });
    fc.assert(
      fc.property(world, edits, (w, e) => {
        const base = applyOps(template, emptyDocument(), w.base, "base");
        const notes = [...locateNotes(base).values()];
        let [mine, theirs] = [base, base];
        const expected = new Map<string, Note>();
        e.slice(0, notes.length).forEach(([text, seed, mineWritesText], i) => {
          const { blockId, note: n } = notes[i]!;
          const fields = fieldsFor(template, blockId, base, seed, false);
          mine = updateNote(mine, n.id, mineWritesText ? { text } : fields);
          theirs = updateNote(theirs, n.id, mineWritesText ? fields : { text });
          expected.set(n.id, { ...n, ...fields, text });
        });
        const r = mergeDocuments(template, base, mine, theirs);
        expect(r.conflicts).toEqual([]);
        expectValid(template, r.doc);
        const result = locateNotes(r.doc);
        for (const [id, n] of expected) expect(result.get(id)?.note, id).toEqual(n);
      }),
      runs,
    );
  });

  it("keeps a crowded block within the limit, dropping only my surplus additions", () => {
    const blockId = template.blocks[0]!.id;
    const side = fc.record({ adds: fc.nat({ max: 14 }), deletes: fc.nat({ max: 4 }), at: fc.nat({ max: 60 }) });
    fc.assert(
      fc.property(fc.nat({ max: 60 }), side, side, (size, m, t) => {
        let base = emptyDocument();
        for (let i = 0; i < size; i++) base = addNote(base, blockId, makeNote("", { id: `base${String(i).padStart(4, "0")}` }));
        const edit = (prefix: string, o: typeof m) => {
          let d = base;
          for (let i = 0; i < o.deletes && i < size; i++) d = deleteNote(d, `base${String((o.at + i * 7) % size).padStart(4, "0")}`).doc;
          for (let i = 0; i < o.adds && (d.blocks[blockId]?.length ?? 0) < 60; i++) {
            d = addNote(d, blockId, makeNote("", { id: `${prefix}${String(i).padStart(4, "0")}` }), o.at + i);
          }
          return d;
        };
        const [mine, theirs] = [edit("mine", m), edit("thrs", t)];
        const r = mergeDocuments(template, base, mine, theirs);
        expectValid(template, r.doc);
        const result = ids(r.doc, blockId);
        const mineAdded = ids(mine, blockId).filter((id) => id.startsWith("mine"));
        const wanted = new Set([...ids(theirs, blockId).filter((id) => !id.startsWith("base") || ids(mine, blockId).includes(id)), ...mineAdded]);
        expect(result.length).toBe(Math.min(60, wanted.size));
        expect(new Set([...result, ...r.dropped])).toEqual(wanted);
        // What is dropped is the tail of my additions.
        expect(r.dropped).toEqual(mineAdded.slice(mineAdded.length - r.dropped.length).sort());
      }),
      runs,
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(world, (w) => {
        const { base, mine, theirs } = build(template, w);
        const r = mergeDocuments(template, base, mine, theirs);
        expect(mergeDocuments(template, base, mine, theirs)).toStrictEqual(r);
        expect(mergeDocuments(template, structuredClone(base), structuredClone(mine), structuredClone(theirs))).toEqual(r);
      }),
      runs,
    );
  });

  it("gives theirs when I changed nothing, mine when they changed nothing, and x when both made x", () => {
    fc.assert(
      fc.property(world, (w) => {
        const { base, mine, theirs } = build(template, w);
        const onlyTheirs = mergeDocuments(template, base, base, theirs);
        expect(onlyTheirs.doc).toEqual(theirs);
        expect(onlyTheirs).toMatchObject({ conflicts: [], dropped: [], mineChanged: false });
        const onlyMine = mergeDocuments(template, base, mine, base);
        expect(onlyMine.doc).toEqual(mine);
        expect(onlyMine).toMatchObject({ conflicts: [], dropped: [], mineChanged: !sameJson(mine, base) });
        const same = mergeDocuments(template, base, mine, mine);
        expect(same.doc).toEqual(mine);
        expect(same).toMatchObject({ conflicts: [], dropped: [], mineChanged: false });
      }),
      runs,
    );
  });

  it("resolves all conflicts either way into valid documents", () => {
    fc.assert(
      fc.property(world, (w) => {
        const { base, mine, theirs } = build(template, w);
        const r = mergeDocuments(template, base, mine, theirs);
        const all = (choice: Choice) => Object.fromEntries(r.conflicts.map((c) => [c.noteId, choice]));
        const theirsWay = resolveConflicts(template, base, mine, theirs, all("theirs"));
        expect(theirsWay).toStrictEqual(r.doc);
        const mineWay = resolveConflicts(template, base, mine, theirs, all("mine"));
        expectValid(template, mineWay);
        const resolved = locateNotes(mineWay);
        for (const c of r.conflicts) {
          expect(resolved.get(c.noteId)?.blockId, c.noteId).toBe(c.mine?.blockId);
          if (c.mine) expect(resolved.get(c.noteId)?.note.text).toBe(c.mine.note.text);
        }
      }),
      runs,
    );
  });
});

function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([, x]) => x !== undefined)
              .sort(([x], [y]) => (x < y ? -1 : 1))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
