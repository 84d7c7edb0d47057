"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { createSegmentCanvasAction } from "@/app/(app)/cohorts/[cohortId]/canvases/actions";
import { cn } from "@/components/ui/cn";
import { SEGMENT_COLORS, type Note, type SegmentColor } from "@/lib/canvas/document";
import type { LinkedCanvas } from "@/lib/canvas/segments";
import { SEGMENT_STYLES } from "./segment-colors";
import { SegmentDot } from "./segment-dot";

const KINDS = ["value-proposition", "empathy-map", "persona"] as const;

/**
 * The menu part of a customer-segment note on a Business Model Canvas: its colour, the canvases
 * made for it, and "create … for this segment" (saving pending edits first, so the new canvas can
 * point at the note).
 */
export function SegmentTools(props: {
  note: Note;
  cohortId: string;
  canvasId: string;
  linked: LinkedCanvas[];
  onColor: (color: SegmentColor | undefined) => void;
  saveNow: () => Promise<boolean>;
}) {
  const t = useTranslations("editor");
  const tk = useTranslations("editor.kinds");
  const [pending, start] = useTransition();
  const [creating, setCreating] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function create(template: (typeof KINDS)[number]) {
    setError(null);
    setCreating(template);
    start(async () => {
      if (!(await props.saveNow())) {
        setError(t("segmentSaveFirst"));
        setCreating(null);
        return;
      }
      const result = await createSegmentCanvasAction(null, {
        cohortId: props.cohortId,
        segmentCanvasId: props.canvasId,
        segmentNoteId: props.note.id,
        template,
        title: `${tk(template)}: ${props.note.text.trim().split("\n")[0] || t("unnamedSegment")}`.slice(0, 120),
      });
      // On success the action redirects to the new canvas.
      if (result && !result.ok) setError(result.message);
      setCreating(null);
    });
  }

  return (
    <>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 font-medium">{t("segmentColor")}</legend>
        <div className="flex flex-wrap gap-1.5">
          {SEGMENT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              aria-pressed={props.note.color === color}
              aria-label={t(`colors.${color}`)}
              title={t(`colors.${color}`)}
              onClick={() => props.onColor(props.note.color === color ? undefined : color)}
              className={cn(
                "size-6 rounded-full border-2 border-white ring-1 ring-stone-300",
                SEGMENT_STYLES[color].dot,
                props.note.color === color && "ring-2 ring-ink",
              )}
            />
          ))}
        </div>
      </fieldset>
      <div className="flex flex-col gap-1">
        <p className="font-medium">{t("segmentCanvases")}</p>
        {props.linked.length > 0 && (
          <ul className="flex flex-col gap-0.5">
            {props.linked.map((c) => (
              <li key={c.id}>
                <Link href={`/cohorts/${props.cohortId}/canvases/${c.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {c.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap gap-1">
          {KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              disabled={pending}
              onClick={() => create(kind)}
              aria-label={t("createForSegment", { kind: tk(kind) })}
              className="rounded border border-line bg-white px-2 py-1 hover:bg-stone-50 disabled:opacity-50"
            >
              {creating === kind ? t("creatingForSegment") : `+ ${tk(kind)}`}
            </button>
          ))}
        </div>
        {error && (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        )}
      </div>
    </>
  );
}

/** Toggle buttons that tag a note with the customer segments of its canvas. */
export function SegmentPicker(props: {
  segments: Array<{ id: string; text: string; color?: SegmentColor }>;
  chosen: string[];
  onChange: (segments: string[]) => void;
}) {
  const t = useTranslations("editor");
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 font-medium">{t("segments")}</legend>
      {props.segments.length === 0 ? (
        <p className="text-stone-500">{t("segmentsNone")}</p>
      ) : (
        <div className="flex flex-wrap gap-1">
          {props.segments.map((segment) => {
            const on = props.chosen.includes(segment.id);
            return (
              <button
                key={segment.id}
                type="button"
                aria-pressed={on}
                onClick={() => props.onChange(on ? props.chosen.filter((s) => s !== segment.id) : [...props.chosen, segment.id])}
                className={cn(
                  "inline-flex max-w-full items-center gap-1.5 rounded-full border px-2 py-0.5",
                  on ? "border-ink bg-white font-medium text-ink" : "border-line bg-white text-stone-600 hover:bg-stone-50",
                )}
              >
                <SegmentDot color={segment.color} />
                <span className="truncate">{segment.text.trim() || t("unnamedSegment")}</span>
              </button>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}
