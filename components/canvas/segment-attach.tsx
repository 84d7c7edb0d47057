"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { attachSegmentAction } from "@/app/(app)/cohorts/[cohortId]/canvases/actions";
import { Spinner } from "@/components/ui/spinner";
import type { SegmentColor } from "@/lib/canvas/document";
import { segmentOptionGroups, type SegmentOption } from "@/lib/canvas/segment-options";
import { SegmentDot } from "./segment-dot";

/**
 * Which customer segment a Value Proposition Canvas, Empathy Map or Persona is about: chosen from
 * the segments on the student's Business Model Canvases, grouped by canvas, saved on change like
 * every other edit of the canvas.
 */
export function SegmentAttach(props: {
  cohortId: string;
  canvasId: string;
  segments: Array<SegmentOption & { color?: SegmentColor }>;
  current: { canvasId: string; noteId: string } | null;
}) {
  const t = useTranslations("editor");
  const key = (s: { canvasId: string; noteId: string }) => `${s.canvasId}:${s.noteId}`;
  const [value, setValue] = useState(props.current ? key(props.current) : "");
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const groups = segmentOptionGroups(props.segments, props.current);
  const chosen = props.segments.find((s) => key(s) === value);

  if (props.segments.length === 0) {
    return (
      <p className="text-sm text-muted print:hidden">
        {t("segmentAttachNone")}{" "}
        <Link href={`/cohorts/${props.cohortId}/canvases`} className="text-brand-700 underline">
          {t("segmentAttachNoneLink")}
        </Link>
      </p>
    );
  }

  function save(next: string) {
    const previous = value;
    setValue(next);
    setMessage(null);
    start(async () => {
      const result = await attachSegmentAction(null, { cohortId: props.cohortId, canvasId: props.canvasId, segment: next });
      if (result.ok) setMessage({ ok: true, text: t("segmentAttachSaved") });
      else {
        setValue(previous);
        setMessage({ ok: false, text: result.message });
      }
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm print:hidden">
      <SegmentDot color={chosen?.color} className="size-3" />
      <label htmlFor="segment-select" className="text-muted">
        {t("segmentAttachLabel")}
      </label>
      <select
        id="segment-select"
        value={value}
        disabled={pending}
        onChange={(e) => save(e.target.value)}
        aria-describedby="segment-attach-status"
        className="max-w-full min-w-0 rounded-lg border border-line bg-white px-2 py-1.5 sm:max-w-80"
      >
        <option value="">{t("segmentAttachNoSegment")}</option>
        {groups.map((group) => (
          <optgroup key={group.canvasId} label={group.label}>
            {group.options.map((s) => (
              <option key={key(s)} value={key(s)}>
                {s.text.trim().slice(0, 60) || t("unnamedSegment")}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <span id="segment-attach-status" role="status" className="inline-flex items-center gap-1.5">
        {pending ? (
          <>
            <Spinner />
            <span className="text-muted">{t("segmentAttachSaving")}</span>
          </>
        ) : message ? (
          <span className={message.ok ? "text-brand-700" : "text-red-800"}>{message.text}</span>
        ) : null}
      </span>
      {props.current && !props.segments.some((s) => key(s) === key(props.current!)) && (
        <span className="text-amber-900">{t("segmentGone")}</span>
      )}
    </div>
  );
}
