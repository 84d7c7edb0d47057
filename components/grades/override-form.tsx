"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { overrideGradeAction, removeOverrideAction } from "@/app/(app)/cohorts/[cohortId]/gradebook/actions";
import { Field, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { OVERRIDE_REASON_MAX } from "@/lib/grades/limits";

type Props = {
  cohortId: string;
  assignmentId: string;
  userId: string;
  /** The override in force, its points already formatted for the reader. */
  current: { points: number; shown: string; reason: string; by: string | null } | null;
};

/** The instructor's own grade in place of the computed one, with the reason (the student sees it); removable. */
export function OverrideForm({ cohortId, assignmentId, userId, current }: Props) {
  const t = useTranslations("grades");
  const [state, action] = useActionState(overrideGradeAction, null);
  const [removeState, remove] = useActionState(removeOverrideAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <div className="flex flex-col gap-4">
      {current && (
        <div className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm">
          <p>
            <span className="font-medium">{t("override.current", { points: current.shown })}</span>
            {current.by && <span className="text-muted"> · {t("override.by", { name: current.by })}</span>}
            <span className="block">{current.reason}</span>
          </p>
          <form action={remove}>
            <input type="hidden" name="cohortId" value={cohortId} />
            <input type="hidden" name="assignmentId" value={assignmentId} />
            <input type="hidden" name="userId" value={userId} />
            <SubmitButton variant="secondary" className="px-3 py-1.5" pendingLabel={t("override.removing")}>
              {t("override.remove")}
            </SubmitButton>
          </form>
        </div>
      )}
      {removeState && <FormMessage tone={removeState.ok ? "success" : "error"}>{removeState.ok ? t("override.removed") : removeState.message}</FormMessage>}
      <form action={action} className="flex flex-col gap-3" noValidate>
        <input type="hidden" name="cohortId" value={cohortId} />
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <input type="hidden" name="userId" value={userId} />
        <Field
          name="points"
          id={`override-points-${userId}`}
          label={t("override.points")}
          hint={t("override.pointsHint")}
          inputMode="decimal"
          autoComplete="off"
          required
          className="max-w-40"
          defaultValue={typed?.points ?? (current ? String(current.points) : "")}
          errors={errors?.points}
        />
        <TextAreaField
          name="reason"
          id={`override-reason-${userId}`}
          label={t("override.reason")}
          hint={t("override.reasonHint", { max: OVERRIDE_REASON_MAX })}
          rows={3}
          maxLength={OVERRIDE_REASON_MAX}
          required
          defaultValue={typed?.reason ?? current?.reason ?? ""}
          errors={errors?.reason}
        />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pendingLabel={t("override.saving")}>{current ? t("override.change") : t("override.save")}</SubmitButton>
        </div>
        {state && (!state.ok ? !state.fieldErrors && <FormMessage tone="error">{state.message}</FormMessage> : <FormMessage tone="success">{t("override.saved")}</FormMessage>)}
      </form>
    </div>
  );
}
