"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { submitAction } from "@/app/(app)/cohorts/[cohortId]/lessons/[lessonSlug]/actions";
import { cn } from "@/components/ui/cn";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { CandidateCanvas } from "@/lib/assignments/store";
import type { Requirement } from "@/lib/assignments/types";
import { SegmentDot } from "@/components/canvas/segment-dot";

/**
 * The checklist and the choice of canvases to submit. The live checklist follows the ticks; the
 * server checks the same rules again and refuses with a reason.
 */
export function SubmitForm(props: {
  cohortId: string;
  assignmentId: string;
  requirements: Requirement[];
  candidates: CandidateCanvas[];
  preselected: string[];
  resubmit: boolean;
}) {
  const t = useTranslations("assignment");
  const tk = useTranslations("canvas.kinds");
  const [state, action] = useActionState(submitAction, null);
  const [chosen, setChosen] = useState<string[]>(props.preselected);
  const picked = props.candidates.filter((c) => chosen.includes(c.id));
  const canvasesHref = `/cohorts/${props.cohortId}/canvases`;

  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <input type="hidden" name="cohortId" value={props.cohortId} />
      <input type="hidden" name="assignmentId" value={props.assignmentId} />
      <ul className="flex flex-col gap-2" aria-label={t("checklist")}>
        {props.requirements.map((req) => {
          const ofKind = picked.filter((c) => c.template === req.template);
          const ready = ofKind.filter((c) => !c.empty && (!req.distinctSegments || c.segment));
          const segments = new Set(ready.map((c) => c.segment?.key));
          const ok = ready.length === req.count && (!req.distinctSegments || segments.size === req.count);
          return (
            <li key={req.template} className="flex items-start gap-2 text-sm" data-testid="requirement">
              <span aria-hidden className={cn("mt-0.5 grid size-5 shrink-0 place-items-center rounded-full text-xs text-white", ok ? "bg-emerald-600" : "bg-stone-300")}>
                {ok ? "✓" : ""}
              </span>
              <span>
                {t(req.distinctSegments ? "requirementDistinct" : "requirement", { count: req.count, kind: tk(req.template) })}
                <span className="text-muted"> — {t("chosenOf", { chosen: ready.length, count: req.count })}</span>
                <span className="sr-only">{ok ? t("met") : t("notMet")}</span>
              </span>
            </li>
          );
        })}
      </ul>

      {props.candidates.length === 0 ? (
        <p className="rounded-lg bg-stone-50 p-4 text-sm text-muted">
          {t("noCandidates")}{" "}
          <Link href={canvasesHref} className="font-medium text-brand-700 underline">
            {t("toCanvases")}
          </Link>
        </p>
      ) : (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-medium">{t("chooseCanvases")}</legend>
          {props.candidates.map((c) => (
            <label
              key={c.id}
              className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-line bg-white px-3 py-2.5 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-200"
            >
              <input
                type="checkbox"
                name="canvasIds"
                value={c.id}
                checked={chosen.includes(c.id)}
                onChange={(e) => setChosen((list) => (e.target.checked ? [...list, c.id] : list.filter((id) => id !== c.id)))}
                className="accent-brand-600"
              />
              <span className="font-medium">{c.title}</span>
              <span className="text-muted">{tk(c.template)}</span>
              {c.segment ? (
                <span className="flex items-center gap-1.5 text-stone-700">
                  <SegmentDot color={c.segment.color} />
                  {c.segment.text}
                </span>
              ) : (
                // Only a warning where the assignment asks for a segment per canvas.
                props.requirements.some((r) => r.template === c.template && r.distinctSegments) && (
                  <span className="text-amber-800">{t("noSegment")}</span>
                )
              )}
              {c.empty && <span className="text-amber-800">{t("emptyCanvas")}</span>}
              {c.fit !== null && <span className="ml-auto tabular-nums text-muted">{t("fit", { score: Math.round(c.fit * 100) })}</span>}
            </label>
          ))}
        </fieldset>
      )}

      <div className="flex flex-col gap-1.5">
        <label htmlFor="submit-comment" className="text-sm font-medium">
          {t("comment")}
        </label>
        <textarea
          id="submit-comment"
          name="comment"
          rows={3}
          maxLength={20000}
          defaultValue={state && !state.ok ? state.values?.comment : undefined}
          aria-describedby="submit-comment-hint"
          className="rounded-lg border border-line bg-white px-3 py-2 text-[0.95rem] shadow-xs outline-none focus-visible:border-brand-500 focus-visible:ring-2 focus-visible:ring-brand-200"
        />
        <p id="submit-comment-hint" className="text-xs text-muted">
          {t("commentHint")}
        </p>
      </div>
      <FormMessage tone="error">{state && !state.ok ? state.message : null}</FormMessage>
      <div>
        <SubmitButton pendingLabel={t("submitting")}>{props.resubmit ? t("resubmit") : t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
