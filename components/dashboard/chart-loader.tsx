"use client";

import dynamic from "next/dynamic";

// recharts (with d3 and redux) is loaded on demand, so only the dashboard pays for it. The charts
// draw in the browser only: their size comes from the container, which the server cannot know.
// The placeholder has the chart's height, so nothing moves when the chart arrives.
function ChartSkeleton() {
  return (
    <div className="flex h-full flex-col justify-between py-2 pl-12 pr-3" aria-hidden>
      {[0, 1, 2, 3, 4].map((i) => (
        <div key={i} className="h-px bg-line" />
      ))}
      <div className="motion-safe:animate-pulse absolute inset-0 rounded-lg bg-stone-100/50" />
    </div>
  );
}

export const CompletionChartLoader = dynamic(() => import("./charts").then((m) => m.CompletionChart), {
  ssr: false,
  loading: ChartSkeleton,
});

export const FitChartLoader = dynamic(() => import("./charts").then((m) => m.FitChart), {
  ssr: false,
  loading: ChartSkeleton,
});
