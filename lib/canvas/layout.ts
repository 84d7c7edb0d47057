import type { BlockDef, CanvasTemplate } from "./types";

/**
 * How a template is laid out on a board, as pure data: the editor, the read-only view, the print
 * and the export all draw from it. A wide board shows one or two shapes (the Value Proposition
 * Canvas: the value map as a square facing the customer profile as a circle; every other template:
 * one rectangle with the canonical grid). A narrow board shows every block in one column, in the
 * order of the sections and their blocks here: the template's own order, a VPC customer first.
 * Which one shows is decided in CSS by the board's own width (app/globals.css, "canvas board").
 */

export type Shape = "rectangle" | "square" | "circle";

export type PlacedBlock = { block: BlockDef; column: number; row: number; columnSpan: number; rowSpan: number };

export type BoardSection = {
  /** "map" / "profile" for the two halves of a Value Proposition Canvas, "canvas" otherwise. */
  id: "canvas" | "map" | "profile";
  shape: Shape;
  columns: number;
  rows: number;
  /** Blocks with their place in this section's own grid (1-based lines). */
  blocks: PlacedBlock[];
};

export function boardSections(template: CanvasTemplate): BoardSection[] {
  const areas = [...new Set(template.blocks.map((b) => b.area))];
  if (areas.length < 2 || areas.some((a) => a === undefined)) {
    return [
      {
        id: "canvas",
        shape: "rectangle",
        columns: template.grid.columns,
        rows: template.grid.rows,
        blocks: template.blocks.map((block) => ({ block, ...block.grid })),
      },
    ];
  }
  // Sections come in reading order (a Value Proposition Canvas leads with the customer profile);
  // wide, the board draws the value map (square) left of the profile (circle), as every published
  // version of the canvas does. Each section keeps the columns its blocks use in the template's grid.
  return (areas as Array<"map" | "profile">).map((area) => {
    const blocks = template.blocks.filter((b) => b.area === area);
    const columns = compactColumns(blocks);
    const rows = Math.max(...blocks.map((b) => b.grid.row + b.grid.rowSpan - 1));
    return {
      id: area,
      shape: area === "map" ? "square" : "circle",
      columns: columns.count,
      rows,
      blocks: blocks.map((block) => {
        const first = columns.at.get(block.grid.column)!;
        const last = columns.at.get(block.grid.column + block.grid.columnSpan - 1)!;
        return { block, ...block.grid, column: first, columnSpan: last - first + 1 };
      }),
    } satisfies BoardSection;
  });
}

/**
 * A section's own columns: the template's columns its blocks use, with neighbours that the same
 * blocks cover merged into one (the VPC's 2-column-wide gains become one column beside the jobs),
 * so each part of a shape gets an even share of its width.
 */
function compactColumns(blocks: BlockDef[]): { count: number; at: Map<number, number> } {
  const first = Math.min(...blocks.map((b) => b.grid.column));
  const last = Math.max(...blocks.map((b) => b.grid.column + b.grid.columnSpan - 1));
  const cover = (column: number) =>
    blocks
      .filter((b) => b.grid.column <= column && column < b.grid.column + b.grid.columnSpan)
      .map((b) => b.id)
      .join(",");
  const at = new Map<number, number>();
  let count = 0;
  for (let column = first; column <= last; column++) {
    if (column === first || cover(column) !== cover(column - 1)) count++;
    at.set(column, count);
  }
  return { count, at };
}

/** The CSS grid lines of a placed block, for `grid-column` / `grid-row`. */
export function gridLines(p: Pick<PlacedBlock, "column" | "row" | "columnSpan" | "rowSpan">) {
  return { column: `${p.column} / span ${p.columnSpan}`, row: `${p.row} / span ${p.rowSpan}` };
}
