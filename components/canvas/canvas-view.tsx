import type React from "react";
import { cn } from "@/components/ui/cn";
import { locateNotes, notesOf, segmentColors, type CanvasDocument } from "@/lib/canvas/document";
import { getTemplate } from "@/lib/canvas/templates";
import type { TemplateKind } from "@/lib/canvas/types";
import { BoardFrame } from "./board-frame";
import { PLAIN_NOTE, SEGMENT_STYLES } from "./segment-colors";
import { SegmentDots } from "./segment-dot";

export type CanvasViewLabels = {
  empty: string;
  /** The fit links of a note in this block: "Relieves" on a reliever, "Relieved by" on a pain. */
  linkLabel: (blockId: string) => string;
  severity: (n: number) => string;
  importance: (n: number) => string;
  jobType: (type: string) => string;
  sections: { map: string; profile: string };
};

/**
 * A canvas read-only, in the board's layout: the frozen canvases of a submission, the export sheet
 * and print. Rendered on the server (no JavaScript); blocks are labelled sections with lists, so it
 * reads well without sight. `idPrefix` keeps note anchors unique when several canvases share a page.
 */
export function CanvasView(props: {
  template: TemplateKind;
  doc: CanvasDocument;
  locale: "de" | "en";
  labels: CanvasViewLabels;
  idPrefix: string;
  /** Something to offer on each note (the review form's "refer to this note"); only from client components. */
  noteAction?: (note: { id: string; text: string }) => React.ReactNode;
  headingLevel?: "h3" | "h4";
}) {
  const template = getTemplate(props.template);
  const { doc, locale, labels } = props;
  const where = locateNotes(doc);
  const colorsOf = segmentColors(doc);
  const Heading = props.headingLevel ?? "h4";

  return (
    <BoardFrame
      template={template}
      sectionTitles={labels.sections}
      renderBlock={(block, place) => {
        const notes = notesOf(doc, block.id);
        const headingId = `${props.idPrefix}-${block.id}`;
        return (
          <section key={block.id} aria-labelledby={headingId} style={place} className="board-block flex min-h-24 flex-col gap-2 rounded-xl border border-line bg-white p-3">
            <Heading id={headingId} className="note-text text-sm font-semibold">
              {block.title[locale]}
            </Heading>
            {notes.length === 0 ? (
              <p className="text-xs text-stone-600">{labels.empty}</p>
            ) : (
              <ul className="flex flex-col gap-1.5">
                {notes.map((note) => {
                  const colors = colorsOf(block.id, note);
                  const look = colors[0] ? SEGMENT_STYLES[colors[0]] : PLAIN_NOTE;
                  const links = doc.links.flatMap((l) => {
                    const other = l.from === note.id ? l.to : l.to === note.id ? l.from : null;
                    return other ? [where.get(other)?.note.text.trim() || "…"] : [];
                  });
                  const attribute =
                    note.severity !== undefined
                      ? labels.severity(note.severity)
                      : note.importance !== undefined
                        ? labels.importance(note.importance)
                        : note.jobType
                          ? labels.jobType(note.jobType)
                          : null;
                  return (
                    <li
                      key={note.id}
                      id={`${props.idPrefix}-note-${note.id}`}
                      data-note-id={note.id}
                      className={cn("note-text rounded-lg border px-2.5 py-1.5 text-sm leading-snug whitespace-pre-wrap shadow-xs", look.card)}
                    >
                      <SegmentDots colors={colors} />
                      {note.text || "…"}
                      {attribute && <span className="mt-0.5 block text-xs text-stone-700">{attribute}</span>}
                      {links.length > 0 && (
                        <span className="mt-0.5 block text-xs text-stone-700">
                          {labels.linkLabel(block.id)}: {links.join(" · ")}
                        </span>
                      )}
                      {props.noteAction?.({ id: note.id, text: note.text })}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      }}
    />
  );
}
