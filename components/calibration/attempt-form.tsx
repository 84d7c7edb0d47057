"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { attemptAction } from "@/app/(app)/cohorts/[cohortId]/calibration/actions";
import { RubricFields, textareaClass } from "@/components/reviews/rubric-fields";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormMessage } from "@/components/ui/form-message";
import { Spinner } from "@/components/ui/spinner";
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
      <div className="flex flex-col gap-1.5">
        <label htmlFor="attempt-standout" className="font-medium">
          {t("standout")}
        </label>
        <textarea
          id="attempt-standout"
          rows={4}
          value={standout}
          disabled={pending}
          onChange={(e) => setStandout(e.target.value)}
          aria-invalid={Boolean(fieldErrors.standout) || undefined}
          aria-describedby="attempt-standout-error"
          className={cn(textareaClass, fieldErrors.standout ? "border-red-600" : "border-line")}
        />
        <p id="attempt-standout-error" aria-live="polite" className="text-sm text-red-700 empty:hidden">
          {fieldErrors.standout?.join(" ")}
        </p>
      </div>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <div className="flex flex-col gap-2">
        <Button type="submit" disabled={pending} aria-disabled={pending} className="self-start">
          {pending && <Spinner />}
          <span aria-live="polite">{pending ? t("submitting") : t("submit")}</span>
        </Button>
        <p className="text-xs text-muted">{t("submitHint")}</p>
      </div>
    </form>
  );
}
