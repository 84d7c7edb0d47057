"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import { assessSubmissionAction, clearAssessmentAction } from "@/app/(app)/cohorts/[cohortId]/gradebook/actions";
import { RubricFields, RubricNote } from "@/components/reviews/rubric-fields";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Spinner } from "@/components/ui/spinner";
import { SubmitButton } from "@/components/ui/submit-button";
import type { RubricCriterion } from "@/lib/assignments/types";
import { ASSESSMENT_COMMENT_MAX } from "@/lib/grades/limits";
import type { ReviewScores } from "@/lib/pairing/types";

type Props = {
  cohortId: string;
  submissionId: string;
  rubric: RubricCriterion[];
  initial: { scores: ReviewScores; comment: string } | null;
};

/**
 * The instructor's own rubric scores for one submission: once saved they replace the received
 * scores in its grade; "Clear" goes back to the received scores.
 */
export function AssessmentForm({ cohortId, submissionId, rubric, initial }: Props) {
  const t = useTranslations("grades");
  const [scores, setScores] = useState<ReviewScores>(initial?.scores ?? {});
  const [comment, setComment] = useState(initial?.comment ?? "");
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [saving, startSave] = useTransition();
  const [clearState, clear] = useActionState(clearAssessmentAction, null);

  const save = () =>
    startSave(async () => {
      const result = await assessSubmissionAction(null, { cohortId, submissionId, scores, comment });
      setFieldErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      setMessage(result.ok ? { tone: "success", text: t("assess.saved", { percent: result.data.points ?? 0 }) } : { tone: "error", text: result.message });
    });

  return (
    <div className="flex flex-col gap-5">
      <form
        className="flex flex-col gap-5"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <RubricFields
          rubric={rubric}
          scores={scores}
          onChange={(next) => {
            setScores(next);
            setMessage(null);
          }}
          fieldErrors={fieldErrors}
          idPrefix="assess-"
          disabled={saving}
        />
        <RubricNote
          id="assess-comment"
          label={t("assess.comment")}
          rows={3}
          maxLength={ASSESSMENT_COMMENT_MAX}
          value={comment}
          onChange={setComment}
          errors={fieldErrors.comment}
          disabled={saving}
          below={
            <p id="assess-comment-below" className="text-xs text-muted">
              {t("assess.commentHint")}
            </p>
          }
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={saving} aria-disabled={saving}>
            {saving && <Spinner />}
            <span aria-live="polite">{saving ? t("assess.saving") : initial ? t("assess.update") : t("assess.save")}</span>
          </Button>
        </div>
        {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}
      </form>
      {initial && (
        <form action={clear} className="flex flex-col items-start gap-2 border-t border-line pt-4">
          <input type="hidden" name="cohortId" value={cohortId} />
          <input type="hidden" name="submissionId" value={submissionId} />
          <p className="text-sm text-muted">{t("assess.clearHint")}</p>
          <SubmitButton variant="secondary" className="px-3 py-1.5" pendingLabel={t("assess.clearing")}>
            {t("assess.clear")}
          </SubmitButton>
          {clearState && <FormMessage tone={clearState.ok ? "success" : "error"}>{clearState.ok ? t("assess.cleared") : clearState.message}</FormMessage>}
        </form>
      )}
    </div>
  );
}
