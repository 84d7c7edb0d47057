import { cn } from "@/components/ui/cn";
import { SEGMENT_COLORS, type SegmentColor } from "@/lib/canvas/document";
import { SEGMENT_STYLES } from "./segment-colors";

const isSegmentColor = (c: string | undefined): c is SegmentColor => SEGMENT_COLORS.includes(c as SegmentColor);

/** A customer segment's colour as a dot (grey when it has none); decorative, the name says the rest. */
export function SegmentDot({ color, className = "size-2.5" }: { color?: string; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn("inline-block shrink-0 rounded-full", className, isSegmentColor(color) ? SEGMENT_STYLES[color].dot : "bg-stone-300")}
    />
  );
}

/** The dots of the segments a note belongs to, before its text or menu summary. */
export function SegmentDots({ colors }: { colors: SegmentColor[] }) {
  if (colors.length === 0) return null;
  return (
    <span aria-hidden className="mr-1.5 inline-flex gap-0.5 align-middle">
      {colors.map((c, i) => (
        <SegmentDot key={i} color={c} className="size-2" />
      ))}
    </span>
  );
}
