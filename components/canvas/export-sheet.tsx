import { forwardRef } from "react";
import type { CanvasDocument } from "@/lib/canvas/document";
import type { TemplateKind } from "@/lib/canvas/types";
import { CanvasView, type CanvasViewLabels } from "./canvas-view";

export type ExportMeta = {
  title: string;
  kind: string;
  segment: string | null;
  author: string;
  date: string;
  /** "Fit 67 %" for a Value Proposition Canvas, else null. */
  fit: string | null;
};

/**
 * A canvas as it is handed in: a header with title, type, segment, author, date and fit, then the
 * board drawn again read-only (no editing controls exist in it, so none can leak into an image,
 * a PDF or a print). Print shows this sheet instead of the editor.
 */
export const ExportSheet = forwardRef<
  HTMLDivElement,
  { meta: ExportMeta; template: TemplateKind; doc: CanvasDocument; locale: "de" | "en"; labels: CanvasViewLabels; idPrefix: string; className?: string }
>(function ExportSheet({ meta, template, doc, locale, labels, idPrefix, className }, ref) {
  return (
    <div ref={ref} className={`export-sheet flex flex-col gap-4 bg-canvas p-6 ${className ?? ""}`} data-testid="export-sheet">
      {/* A div, not a header: print hides the app's own header bar (app/globals.css). */}
      <div className="flex flex-wrap items-end justify-between gap-x-8 gap-y-2 border-b border-line pb-3">
        <div>
          <p className="text-sm font-medium text-brand-700">{meta.kind}</p>
          <p className="text-2xl font-semibold tracking-tight">{meta.title}</p>
          <p className="mt-1 text-sm text-stone-700">{[meta.segment, meta.author, meta.date].filter(Boolean).join(" · ")}</p>
        </div>
        {meta.fit && <p className="rounded-full bg-brand-50 px-3 py-1 text-base font-semibold text-brand-900">{meta.fit}</p>}
      </div>
      <div data-export-board>
        <CanvasView template={template} doc={doc} locale={locale} labels={labels} idPrefix={idPrefix} headingLevel="h3" />
      </div>
    </div>
  );
});
