"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createExampleAction } from "@/app/(app)/cohorts/[cohortId]/calibration/actions";
import { SegmentDot } from "@/components/canvas/segment-dot";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { CandidateCanvas } from "@/lib/assignments/store";
import { EXAMPLE_TITLE_MAX } from "@/lib/calibration/limits";

/** "New example": a title and one or more of the instructor's own canvases, frozen into the example. */
export function NewExampleForm(props: { cohortId: string; assignmentId: string; candidates: CandidateCanvas[] }) {
  const t = useTranslations("calibration.examples");
  const tk = useTranslations("canvas.kinds");
  const [state, action] = useActionState(createExampleAction, null);
  const [chosen, setChosen] = useState<string[]>([]);
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  if (props.candidates.length === 0) {
    return (
      <p className="rounded-lg bg-stone-50 p-4 text-sm text-muted">
        {t("noCanvases")}{" "}
        <Link href={`/cohorts/${props.cohortId}/canvases`} className="font-medium text-brand-700 underline">
          {t("toCanvases")}
        </Link>
      </p>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <input type="hidden" name="cohortId" value={props.cohortId} />
      <input type="hidden" name="assignmentId" value={props.assignmentId} />
      <Field
        name="title"
        id="example-title"
        label={t("titleLabel")}
        hint={t("titleHint")}
        errors={errors?.title}
        maxLength={EXAMPLE_TITLE_MAX}
        defaultValue={state && !state.ok ? state.values?.title : undefined}
        required
      />
      <fieldset className="flex flex-col gap-2" aria-describedby="example-canvases-error">
        <legend className="mb-2 text-sm font-medium">{t("canvasesLegend")}</legend>
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
            {c.segment && (
              <span className="flex items-center gap-1.5 text-stone-700">
                <SegmentDot color={c.segment.color} />
                {c.segment.text}
              </span>
            )}
            {c.empty && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900">{t("empty")}</span>}
          </label>
        ))}
        <p id="example-canvases-error" aria-live="polite" className="text-sm text-red-700 empty:hidden">
          {errors?.canvasIds?.join(" ")}
        </p>
      </fieldset>
      {state && !state.ok && <FormMessage tone="error">{state.message}</FormMessage>}
      <SubmitButton pendingLabel={t("creating")} className="self-start">
        {t("create")}
      </SubmitButton>
    </form>
  );
}
