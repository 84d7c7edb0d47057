"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { saveSelfAssessmentAction } from "@/app/(app)/cohorts/[cohortId]/self-assessment/actions";
import { FinalSubmit, RubricFields, RubricNote } from "@/components/reviews/rubric-fields";
import type { RubricCriterion } from "@/lib/assignments/types";
import type { ReviewScores } from "@/lib/pairing/types";

/**
 * The student's own scores for their submission, on the assignment's rubric, and an optional
 * comment. Sent once: the page then shows it read-only (the action revalidates the page).
 */
export function SelfAssessmentForm({ cohortId, submissionId, rubric }: { cohortId: string; submissionId: string; rubric: RubricCriterion[] }) {
  const t = useTranslations("selfAssessment");
  const [scores, setScores] = useState<ReviewScores>({});
  const [comment, setComment] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const submit = () =>
    start(async () => {
      const result = await saveSelfAssessmentAction(null, { cohortId, submissionId, scores, comment });
      if (result.ok) return;
      setFieldErrors(result.fieldErrors ?? {});
      // Errors without a field of their own here (a malformed answer) join the form's message.
      const known = (k: string) => k === "comment" || k.startsWith("score-") || k.startsWith("comment-");
      const other = Object.entries(result.fieldErrors ?? {}).flatMap(([k, v]) => (known(k) ? [] : v));
      setMessage([result.message, ...other].join(" "));
    });

  return (
    <form
      aria-labelledby="self-form-heading"
      className="flex flex-col gap-6 self-start rounded-xl border border-line bg-white p-5 shadow-xs lg:sticky lg:top-6"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <h2 id="self-form-heading" className="text-lg font-semibold">
        {t("formHeading")}
      </h2>
      <RubricFields
        rubric={rubric}
        scores={scores}
        onChange={(next) => {
          setScores(next);
          setMessage(null);
        }}
        fieldErrors={fieldErrors}
        idPrefix="self-"
        disabled={pending}
      />
      <RubricNote
        id="self-comment"
        label={t("comment")}
        hint={t("commentHint")}
        value={comment}
        onChange={setComment}
        errors={fieldErrors.comment}
        disabled={pending}
      />
      <FinalSubmit pending={pending} message={message} label={t("submit")} pendingLabel={t("submitting")} hint={t("finalHint")} />
    </form>
  );
}
