import type { CSSProperties, ReactNode } from "react";
import { boardSections, gridLines } from "@/lib/canvas/layout";
import type { BlockDef, CanvasTemplate } from "@/lib/canvas/types";

/**
 * The board's frame, shared by the editor, the read-only canvas and the export sheet: sections
 * (one rectangle, or the Value Proposition Canvas's square and circle) holding the blocks. Which
 * layout shows is decided in CSS by the board's own width (app/globals.css, "canvas board").
 * No hooks: it renders on the server and in the browser alike.
 */
export function BoardFrame(props: {
  template: CanvasTemplate;
  /** Titles of the two halves of a Value Proposition Canvas. */
  sectionTitles?: { map: string; profile: string };
  renderBlock: (block: BlockDef, place: CSSProperties) => ReactNode;
  /** Drawn over the board (the fit connectors). */
  overlay?: ReactNode;
  className?: string;
}) {
  const sections = boardSections(props.template);
  return (
    <div className={`canvas-board relative ${props.className ?? ""}`}>
      <div className="board-sections" data-kind={props.template.kind}>
        {sections.map((section) => (
          <div key={section.id} className="board-section" data-shape={section.shape}>
            {section.id !== "canvas" && props.sectionTitles && (
              <p className="board-section-title" aria-hidden>
                {props.sectionTitles[section.id]}
              </p>
            )}
            <div className="board-shape">
              <div className="board-grid" style={{ "--cols": section.columns } as CSSProperties}>
                {section.blocks.map((placed) => {
                  const lines = gridLines(placed);
                  return props.renderBlock(placed.block, { "--gc": lines.column, "--gr": lines.row } as CSSProperties);
                })}
              </div>
            </div>
          </div>
        ))}
      </div>
      {props.overlay}
    </div>
  );
}
