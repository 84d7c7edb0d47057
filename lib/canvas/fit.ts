import { locateNotes, notesOf, type CanvasDocument, type Note, type Weight } from "./document";

export const DEFAULT_WEIGHT: Weight = 2;

export type FitItem = { noteId: string; blockId: "pains" | "gains"; text: string; weight: number };

export type FitResult = {
  /** Weighted share (0…1) of pains and gains that a linked reliever/creator addresses; null with none. */
  score: number | null;
  addressedWeight: number;
  totalWeight: number;
  /** Unaddressed pains and gains, heaviest first. */
  unaddressed: FitItem[];
  /** Pain relievers and gain creators linked to nothing that exists. */
  unlinked: Array<{ noteId: string; blockId: "pain-relievers" | "gain-creators"; text: string }>;
  /** The value map has notes while the customer profile is still empty: the editor nudges. */
  mapBeforeProfile: boolean;
};

const weightOf = (note: Note, key: "severity" | "importance") => note[key] ?? DEFAULT_WEIGHT;

/**
 * The fit score of a Value Proposition Canvas: a pure function of the document. Links that point
 * at notes that no longer exist, or at the wrong block, count for nothing.
 */
export function fitScore(doc: CanvasDocument): FitResult {
  const where = locateNotes(doc);
  const validLinks = doc.links.filter((l) => where.has(l.from) && where.has(l.to));
  const addressedBy = (targetBlock: string, sourceBlock: string) => {
    const set = new Set<string>();
    for (const l of validLinks) {
      if (where.get(l.from)!.blockId === sourceBlock && where.get(l.to)!.blockId === targetBlock) set.add(l.to);
    }
    return set;
  };
  const relievedPains = addressedBy("pains", "pain-relievers");
  const createdGains = addressedBy("gains", "gain-creators");

  const items: Array<FitItem & { addressed: boolean }> = [
    ...notesOf(doc, "pains").map((n) => ({
      noteId: n.id,
      blockId: "pains" as const,
      text: n.text,
      weight: weightOf(n, "severity"),
      addressed: relievedPains.has(n.id),
    })),
    ...notesOf(doc, "gains").map((n) => ({
      noteId: n.id,
      blockId: "gains" as const,
      text: n.text,
      weight: weightOf(n, "importance"),
      addressed: createdGains.has(n.id),
    })),
  ];
  const totalWeight = items.reduce((sum, i) => sum + i.weight, 0);
  const addressedWeight = items.filter((i) => i.addressed).reduce((sum, i) => sum + i.weight, 0);

  const unlinked = (["pain-relievers", "gain-creators"] as const).flatMap((blockId) =>
    notesOf(doc, blockId)
      .filter((n) => !validLinks.some((l) => l.from === n.id && isTargetOf(blockId, where.get(l.to)!.blockId)))
      .map((n) => ({ noteId: n.id, blockId, text: n.text })),
  );

  const profileCount = ["customer-jobs", "pains", "gains"].reduce((s, b) => s + notesOf(doc, b).length, 0);
  const mapCount = ["products-services", "pain-relievers", "gain-creators"].reduce((s, b) => s + notesOf(doc, b).length, 0);

  return {
    score: totalWeight === 0 ? null : addressedWeight / totalWeight,
    addressedWeight,
    totalWeight,
    unaddressed: items
      .filter((i) => !i.addressed)
      .sort((a, b) => b.weight - a.weight)
      .map(({ addressed: _addressed, ...item }) => item),
    unlinked,
    mapBeforeProfile: mapCount > 0 && profileCount === 0,
  };
}

function isTargetOf(source: "pain-relievers" | "gain-creators", target: string): boolean {
  return source === "pain-relievers" ? target === "pains" : target === "gains";
}
