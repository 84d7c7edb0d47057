import { getLocale, getTranslations } from "next-intl/server";
import { CanvasView } from "@/components/canvas/canvas-view";
import { canvasViewLabels } from "@/components/canvas/canvas-view-labels";
import type { FrozenCanvas } from "@/lib/assignments/types";
import { SegmentDot } from "@/components/canvas/segment-dot";

/** The canvases of a submission version, read-only, each with its segment and fit score. */
export async function FrozenCanvases({ canvases, idPrefix }: { canvases: FrozenCanvas[]; idPrefix: string }) {
  const [t, te, tc, locale] = await Promise.all([
    getTranslations("assignment"),
    getTranslations("editor"),
    getTranslations("canvas"),
    getLocale(),
  ]);
  const labels = canvasViewLabels(te as (key: string) => string);
  return (
    <div className="flex flex-col gap-8">
      {canvases.map((canvas, i) => (
        <section key={canvas.canvasId} aria-labelledby={`${idPrefix}-${i}-title`} className="flex flex-col gap-3">
          <header className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
            <p className="text-xs font-medium tracking-wide text-brand-700 uppercase">{tc(`kinds.${canvas.template}`)}</p>
            <h3 id={`${idPrefix}-${i}-title`} className="text-lg font-semibold">
              {canvas.title}
            </h3>
            {canvas.segment && (
              <span className="flex items-center gap-1.5 text-sm text-stone-700">
                <SegmentDot color={canvas.segment.color} />
                {tc("forSegment", { segment: canvas.segment.text })}
              </span>
            )}
            {canvas.fit !== null && (
              <span className="ml-auto rounded-full bg-brand-50 px-2.5 py-0.5 text-sm font-medium text-brand-900" data-testid="frozen-fit">
                {t("fit", { score: Math.round(canvas.fit * 100) })}
              </span>
            )}
          </header>
          <CanvasView template={canvas.template} doc={canvas.document} locale={locale === "en" ? "en" : "de"} labels={labels} idPrefix={`${idPrefix}-${i}`} />
        </section>
      ))}
    </div>
  );
}
