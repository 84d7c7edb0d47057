// The palette of app/globals.css, as hex because SVG attributes take no CSS variables: brand teal
// for submissions and bars, a warm ochre for reviews — apart in hue and in lightness, and the review
// line is dashed as well, so the two lines differ without colour too. Free of "use client" so that
// both the server-rendered legend and the client charts read it.
export const CHART_COLORS = {
  submitted: "#237566",
  reviewed: "#b7791f",
  bar: "#2f8f7f",
  grid: "#e3e1dc",
  axis: "#5b6169",
  cursor: "#eef6f4",
} as const;

/** The key of a line chart, drawn in HTML so it is there before the chart's script arrives. */
export function ChartLegend({ items }: { items: { name: string; color: string; dashed?: boolean }[] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted" aria-hidden>
      {items.map((item) => (
        <li key={item.name} className="flex items-center gap-1.5">
          <svg width="20" height="6" viewBox="0 0 20 6" className="shrink-0">
            <line x1="0" y1="3" x2="20" y2="3" stroke={item.color} strokeWidth="2.5" strokeDasharray={item.dashed ? "6 4" : undefined} />
          </svg>
          {item.name}
        </li>
      ))}
    </ul>
  );
}
