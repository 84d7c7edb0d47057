import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type BadgeTone = "neutral" | "brand" | "warning" | "info";

const TONES: Record<BadgeTone, string> = {
  neutral: "border-line bg-stone-100 text-stone-700",
  brand: "border-brand-200 bg-brand-50 text-brand-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  info: "border-sky-200 bg-sky-50 text-sky-900",
};

/** A small status label of a thread or post ("Pinned", "Locked", "Hidden" …). */
export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span className={cn("inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap", TONES[tone])}>
      {children}
    </span>
  );
}

/** "Unread": a dot for the eye, the word for screen readers. */
export function UnreadDot({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center" title={label}>
      <span aria-hidden className="size-2.5 rounded-full bg-brand-600" />
      <span className="sr-only">{label}</span>
    </span>
  );
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toLocaleUpperCase())
    .join("");
}
