"use client";

import { useEffect, useState, type RefObject } from "react";
import type { FitLink } from "@/lib/canvas/document";

type Path = { key: string; d: string; emphasis: boolean };

/**
 * The fit view: a curve from each reliever, creator and product to the pain, gain or job it
 * addresses, drawn over the wide board (in the one-column layout the notes' link lines say it).
 * Decorative for assistive technology: every link is also written on its notes.
 */
export function FitConnectors(props: { board: RefObject<HTMLDivElement | null>; links: FitLink[]; active: string | null; version: unknown }) {
  const [paths, setPaths] = useState<Path[]>([]);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const { board, links, active, version } = props;

  // A passive effect: the board's ref (a parent) is attached only after this child's layout effects ran.
  useEffect(() => {
    const el = board.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const sections = el.querySelector(".board-sections");
        const wide = sections ? getComputedStyle(sections).display === "grid" : false;
        const origin = el.getBoundingClientRect();
        setSize({ width: origin.width, height: origin.height });
        if (!wide) return setPaths([]);
        const rectOf = (id: string) => el.querySelector(`[data-note-id="${CSS.escape(id)}"]`)?.getBoundingClientRect();
        const next: Path[] = [];
        for (const link of links) {
          const a = rectOf(link.from);
          const b = rectOf(link.to);
          if (!a || !b) continue;
          // From the side of the source that faces the target, to the facing side of the target.
          const rightwards = a.left + a.width / 2 <= b.left + b.width / 2;
          const x1 = (rightwards ? a.right : a.left) - origin.left;
          const y1 = a.top + a.height / 2 - origin.top;
          const x2 = (rightwards ? b.left : b.right) - origin.left;
          const y2 = b.top + b.height / 2 - origin.top;
          const bend = Math.max(40, Math.abs(x2 - x1) / 2) * (rightwards ? 1 : -1);
          next.push({
            key: `${link.from}>${link.to}`,
            d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`,
            emphasis: active === link.from || active === link.to,
          });
        }
        setPaths(next);
      });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    el.querySelectorAll(".board-block").forEach((b) => observer.observe(b));
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [board, links, active, version]);

  if (paths.length === 0) return null;
  return (
    <svg
      aria-hidden
      data-testid="fit-connectors"
      className="pointer-events-none absolute inset-0 overflow-visible"
      width={size.width}
      height={size.height}
    >
      {paths.map((p) => (
        <path
          key={p.key}
          d={p.d}
          fill="none"
          stroke={p.emphasis ? "var(--color-brand-600)" : "var(--color-brand-500)"}
          strokeOpacity={active && !p.emphasis ? 0.25 : 0.8}
          strokeWidth={p.emphasis ? 3 : 1.75}
          strokeDasharray={p.emphasis ? undefined : "5 4"}
        />
      ))}
    </svg>
  );
}
