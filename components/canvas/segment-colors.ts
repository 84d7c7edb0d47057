import type { SegmentColor } from "@/lib/canvas/document";

/** Tailwind classes per segment colour, spelled out so the compiler sees every one. */
export const SEGMENT_STYLES: Record<SegmentColor, { card: string; dot: string; rule: string; hover: string }> = {
  teal: { card: "border-teal-300 bg-teal-50", dot: "bg-teal-500", rule: "border-teal-200/70", hover: "hover:bg-teal-100" },
  amber: { card: "border-amber-300 bg-amber-100", dot: "bg-amber-500", rule: "border-amber-200/70", hover: "hover:bg-amber-200/60" },
  rose: { card: "border-rose-300 bg-rose-50", dot: "bg-rose-500", rule: "border-rose-200/70", hover: "hover:bg-rose-100" },
  violet: { card: "border-violet-300 bg-violet-50", dot: "bg-violet-500", rule: "border-violet-200/70", hover: "hover:bg-violet-100" },
  sky: { card: "border-sky-300 bg-sky-50", dot: "bg-sky-500", rule: "border-sky-200/70", hover: "hover:bg-sky-100" },
  lime: { card: "border-lime-300 bg-lime-50", dot: "bg-lime-600", rule: "border-lime-200/70", hover: "hover:bg-lime-100" },
};

export const PLAIN_NOTE = { card: "border-amber-200 bg-amber-50", rule: "border-amber-200/70", hover: "hover:bg-amber-100" };
