"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { attemptAction } from "@/app/(app)/cohorts/[cohortId]/calibration/actions";
import { FinalSubmit, RubricFields, RubricNote } from "@/components/reviews/rubric-fields";
import type { RubricCriterion } from "@/lib/assignments/types";
import type { ReviewScores } from "@/lib/pairing/types";

/**
 * The student's assessment of an example: the rubric (scores required, comments optional) and an
 * optional "what stands out". Submitting once makes the attempt; the result page follows.
 */
export function AttemptForm(props: { cohortId: string; exampleId: string; rubric: RubricCriterion[] }) {
  const t = useTranslations("calibration");
  const [scores, setScores] = useState<ReviewScores>({});
  const [standout, setStandout] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const submit = () =>
    start(async () => {
      setMessage(null);
      const result = await attemptAction(null, { cohortId: props.cohortId, exampleId: props.exampleId, scores, standout });
      // Success redirects to the comparison; only refusals come back.
      if (result && !result.ok) {
        const { scores: nested, ...fields } = result.fieldErrors ?? {};
        setFieldErrors(fields);
        // A comment too long is reported for "scores" as a whole: say it with the message.
        setMessage([result.message, ...(nested ?? [])].join(" "));
      }
    });

  return (
    <form
      aria-labelledby="attempt-heading"
      className="flex flex-col gap-6 self-start rounded-xl border border-line bg-white p-5 shadow-xs lg:sticky lg:top-6"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="flex flex-col gap-1">
        <h2 id="attempt-heading" className="text-lg font-semibold">
          {t("yourAssessment")}
        </h2>
        <p className="text-sm text-muted">{t("assessHint")}</p>
      </div>
      <RubricFields rubric={props.rubric} scores={scores} onChange={setScores} fieldErrors={fieldErrors} idPrefix="attempt-" disabled={pending} />
      <RubricNote id="attempt-standout" label={t("standout")} value={standout} onChange={setStandout} errors={fieldErrors.standout} disabled={pending} />
      <FinalSubmit pending={pending} message={message} label={t("submit")} pendingLabel={t("submitting")} hint={t("submitHint")} />
    </form>
  );
}
