"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { attachSegmentAction } from "@/app/(app)/cohorts/[cohortId]/canvases/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { SegmentColor } from "@/lib/canvas/document";
import { SegmentDot } from "./segment-dot";

type SegmentOption = { canvasId: string; noteId: string; canvasTitle: string; text: string; color?: SegmentColor };

/**
 * Which customer segment a Value Proposition Canvas, Empathy Map or Persona is about: chosen from
 * the segments on the student's Business Model Canvases.
 */
export function SegmentAttach(props: {
  cohortId: string;
  canvasId: string;
  segments: SegmentOption[];
  current: { canvasId: string; noteId: string } | null;
}) {
  const t = useTranslations("editor");
  const [state, action] = useActionState(attachSegmentAction, null);
  const key = (s: { canvasId: string; noteId: string }) => `${s.canvasId}:${s.noteId}`;
  const current = props.current ? props.segments.find((s) => key(s) === key(props.current!)) : undefined;
  const byCanvas = new Map<string, SegmentOption[]>();
  for (const s of props.segments) byCanvas.set(s.canvasId, [...(byCanvas.get(s.canvasId) ?? []), s]);

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
  return (
    <form action={action} className="flex flex-wrap items-center gap-2 text-sm print:hidden">
      <input type="hidden" name="cohortId" value={props.cohortId} />
      <input type="hidden" name="canvasId" value={props.canvasId} />
      <SegmentDot color={current?.color} className="size-3" />
      <label htmlFor="segment-select" className="text-muted">
        {t("segmentAttachLabel")}
      </label>
      <select
        id="segment-select"
        name="segment"
        defaultValue={current ? key(current) : ""}
        className="max-w-72 rounded-lg border border-line bg-white px-2 py-1.5"
      >
        <option value="">{t("segmentAttachNoSegment")}</option>
        {[...byCanvas.entries()].map(([canvasId, options]) => (
          <optgroup key={canvasId} label={options[0]!.canvasTitle}>
            {options.map((s) => (
              <option key={key(s)} value={key(s)}>
                {s.text.trim().slice(0, 60) || t("unnamedSegment")}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <SubmitButton variant="secondary" className="px-3 py-1.5" pendingLabel={t("segmentAttaching")}>
        {t("segmentAttach")}
      </SubmitButton>
      {props.current && !current && <span className="text-amber-800">{t("segmentGone")}</span>}
      <FormMessage tone={state?.ok ? "success" : "error"}>
        {state ? (state.ok ? t("segmentAttached") : state.message) : null}
      </FormMessage>
    </form>
  );
}
