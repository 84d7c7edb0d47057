/**
 * The segment picker's options: the segments of a student's Business Model Canvases, grouped by
 * canvas in the order given (oldest canvas first). A segment that reads the same as one already
 * listed — same canvas title, same text, as copies of a canvas leave behind — is listed once; the
 * one the canvas is attached to wins, so the current choice always shows.
 */

export type SegmentOption = { canvasId: string; noteId: string; canvasTitle: string; text: string };
export type SegmentGroup<T extends SegmentOption> = { canvasId: string; label: string; options: T[] };

const sameAs = (o: SegmentOption) => `${o.canvasTitle.trim().toLowerCase()}\u0000${o.text.trim().toLowerCase()}`;

export function segmentOptionGroups<T extends SegmentOption>(
  segments: T[],
  current: { canvasId: string; noteId: string } | null,
): SegmentGroup<T>[] {
  const isCurrent = (o: SegmentOption) => current !== null && o.canvasId === current.canvasId && o.noteId === current.noteId;
  const keep = new Map<string, T>();
  for (const option of segments) {
    const key = sameAs(option);
    if (!keep.has(key) || isCurrent(option)) keep.set(key, option);
  }
  const kept = new Set(keep.values());
  const groups: SegmentGroup<T>[] = [];
  for (const option of segments) {
    if (!kept.has(option)) continue;
    let group = groups.find((g) => g.canvasId === option.canvasId);
    if (!group) {
      group = { canvasId: option.canvasId, label: option.canvasTitle.trim(), options: [] };
      groups.push(group);
    }
    group.options.push(option);
  }
  // Two canvases with one title: number them, so the groups can be told apart.
  const seen = new Map<string, number>();
  for (const group of groups) {
    const n = (seen.get(group.label) ?? 0) + 1;
    seen.set(group.label, n);
    if (n > 1) group.label = `${group.label} (${n})`;
  }
  return groups;
}
