import type { ReactNode } from "react";

/**
 * The fixed-height box a chart draws in (and its placeholder before that). Screen readers meet one
 * image named by the summary; the SVG's axis labels inside are hidden from them (the table has the data).
 */
export function ChartFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="img" aria-label={label} className="relative h-64 w-full">
      <div aria-hidden className="h-full w-full">
        {children}
      </div>
    </div>
  );
}

/** What a chart card shows instead of a chart, in the same height so the two cards stay level. */
export function ChartEmpty({ title, hint }: { title: string; hint?: string }) {
  return (
    <div className="flex h-64 flex-col items-center justify-center gap-1.5 rounded-lg border border-dashed border-line bg-canvas/60 px-6 text-center">
      <p className="text-sm font-medium text-ink">{title}</p>
      {hint && <p className="max-w-sm text-xs text-muted">{hint}</p>}
    </div>
  );
}
