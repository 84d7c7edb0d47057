import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyDocument, locateNotes, type CanvasDocument } from "./document";
import { addNote, deleteNote, makeNote, moveNote, restoreNote, toggleLink, updateNote } from "./operations";
import { businessModelCanvas as bmcTemplate } from "./templates/business-model";
import { valuePropositionCanvas as vpc } from "./templates/value-proposition";
import { checkDocument } from "./validate";

function sample() {
  const pain = makeNote("Lange Wartezeit", { severity: 3 });
  const reliever = makeNote("Live-Tracking");
  let doc = addNote(emptyDocument(), "pains", pain);
  doc = addNote(doc, "pain-relievers", reliever);
  doc = toggleLink(doc, vpc, reliever.id, pain.id);
  return { doc, pain, reliever };
}

describe("document operations", () => {
  it("links only what the template allows, and toggles", () => {
    const { doc, pain, reliever } = sample();
    expect(doc.links).toEqual([{ from: reliever.id, to: pain.id }]);
    expect(toggleLink(doc, vpc, pain.id, reliever.id)).toBe(doc);
    expect(toggleLink(doc, vpc, reliever.id, pain.id).links).toEqual([]);
  });

  it("deletes a note with its links and puts everything back on undo", () => {
    const { doc, pain } = sample();
    const { doc: without, removed } = deleteNote(doc, pain.id);
    expect(locateNotes(without).has(pain.id)).toBe(false);
    expect(without.links).toEqual([]);
    expect(restoreNote(without, removed!)).toEqual(doc);
  });

  it("drops links that a move makes invalid, and keeps the rest", () => {
    const { doc, reliever } = sample();
    expect(moveNote(doc, vpc, reliever.id, "pain-relievers", 0).links).toHaveLength(1);
    const moved = moveNote(doc, vpc, reliever.id, "gain-creators", 0);
    expect(moved.blocks["gain-creators"]?.map((n) => n.id)).toEqual([reliever.id]);
    expect(moved.links).toEqual([]);
    expect(moveNote(doc, vpc, reliever.id, "no-such-block", 0)).toBe(doc);
  });

  it("drops what the new block does not carry, so a moved note still passes validation", () => {
    const pain = makeNote("Kaltes Essen", { severity: 3 });
    const doc = addNote(emptyDocument(), "pains", pain);
    const moved = moveNote(doc, vpc, pain.id, "gains", 0);
    expect(moved.blocks.gains![0]).toEqual({ ...pain, severity: undefined });
    expect(checkDocument(vpc, moved).ok).toBe(true);

    const segment = makeNote("Büros", { color: "teal" });
    const channel = makeNote("Newsletter", { tags: ["awareness"] });
    let bmc = addNote(emptyDocument(), "customer-segments", segment);
    bmc = addNote(bmc, "channels", { ...channel, segments: [segment.id] });
    expect(checkDocument(bmcTemplate, bmc).ok).toBe(true);
    const out = moveNote(bmc, bmcTemplate, segment.id, "value-propositions", 0);
    expect(out.blocks["value-propositions"]![0]!.color).toBeUndefined();
    expect(out.blocks.channels![0]!.segments).toEqual([]);
    expect(checkDocument(bmcTemplate, out).ok).toBe(true);
    const tagged = moveNote(bmc, bmcTemplate, channel.id, "key-partners", 0);
    expect(tagged.blocks["key-partners"]![0]!.tags).toEqual([]);
    expect(checkDocument(bmcTemplate, tagged).ok).toBe(true);
  });

  it("edits in place", () => {
    const { doc, pain } = sample();
    const edited = updateNote(doc, pain.id, { text: "Sehr lange Wartezeit", severity: 2 });
    expect(edited.blocks.pains?.[0]).toMatchObject({ id: pain.id, text: "Sehr lange Wartezeit", severity: 2 });
  });

  it("keeps any sequence of edits a valid document that loses no note (property)", () => {
    const blocks = vpc.blocks.map((b) => b.id);
    const op = fc.oneof(
      fc.record({ kind: fc.constant("add" as const), block: fc.constantFrom(...blocks), text: fc.string({ maxLength: 40 }) }),
      fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("move" as const), pick: fc.nat(), block: fc.constantFrom(...blocks), index: fc.nat({ max: 10 }) }),
      fc.record({ kind: fc.constant("link" as const), a: fc.nat(), b: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let doc: CanvasDocument = emptyDocument();
        let expected = 0;
        for (const o of ops) {
          const ids = [...locateNotes(doc).keys()];
          if (o.kind === "add") {
            doc = addNote(doc, o.block, makeNote(o.text));
            expected++;
          } else if (o.kind === "delete" && ids.length) {
            const { doc: next, removed } = deleteNote(doc, ids[o.pick % ids.length]!);
            if (removed) expected--;
            doc = next;
          } else if (o.kind === "move" && ids.length) {
            doc = moveNote(doc, vpc, ids[o.pick % ids.length]!, o.block, o.index);
          } else if (o.kind === "link" && ids.length) {
            doc = toggleLink(doc, vpc, ids[o.a % ids.length]!, ids[o.b % ids.length]!);
          }
        }
        return locateNotes(doc).size === expected && checkDocument(vpc, doc).ok;
      }),
    );
  });
});

describe("checkDocument", () => {
  it("refuses links between the wrong blocks, unknown blocks, wrong attributes and duplicate notes", () => {
    const { doc, pain, reliever } = sample();
    const job = makeNote("Pizza bestellen", { jobType: "functional" });
    const cases: Array<[unknown, string]> = [
      [{ ...doc, links: [{ from: pain.id, to: reliever.id }] }, "canvasLinkNotAllowed"],
      [{ ...doc, blocks: { ...doc.blocks, sees: [] } }, "canvasUnknownBlock"],
      [addNote(doc, "pains", { ...job }), "canvasAttributeNotHere"],
      [addNote(doc, "gains", { ...pain, severity: undefined }), "canvasDuplicateNote"],
      [{ ...doc, links: [...doc.links, ...doc.links] }, "canvasDuplicateLink"],
      [addNote(doc, "pains", makeNote("x", { color: "teal" })), "canvasColorNotHere"],
    ];
    for (const [input, key] of cases) {
      const result = checkDocument(vpc, input);
      expect(result.ok, key).toBe(false);
      if (!result.ok) expect(result.issues.map((i) => i.message)).toContain(key);
    }
    expect(checkDocument(vpc, addNote(doc, "customer-jobs", job)).ok).toBe(true);
  });

  it("refuses more than 60 notes in a block and documents over 256 KB", () => {
    let crowded = emptyDocument();
    for (let i = 0; i < 61; i++) crowded = addNote(crowded, "gains", makeNote(`g${i}`));
    expect(checkDocument(vpc, crowded)).toMatchObject({ ok: false, issues: [{ message: "canvasTooManyNotes" }] });
    let big = emptyDocument();
    for (const block of vpc.blocks) for (let i = 0; i < 60; i++) big = addNote(big, block.id, makeNote("ü".repeat(500)));
    expect(checkDocument(vpc, big)).toMatchObject({ ok: false, issues: [{ message: "canvasTooLarge" }] });
  });
});
