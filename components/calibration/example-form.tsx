"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { saveExampleAction } from "@/app/(app)/cohorts/[cohortId]/calibration/actions";
import { RubricFields, RubricNote } from "@/components/reviews/rubric-fields";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Spinner } from "@/components/ui/spinner";
import type { RubricCriterion } from "@/lib/assignments/types";
import { EXAMPLE_TITLE_MAX } from "@/lib/calibration/limits";
import type { ReviewScores } from "@/lib/pairing/types";

type Props = {
  cohortId: string;
  exampleId: string;
  rubric: RubricCriterion[];
  initial: { title: string; scores: ReviewScores; standout: string };
};

/** The instructor's assessment of an example: title, per criterion the score and why, and a summary. */
export function ExampleForm(props: Props) {
  const t = useTranslations("calibration.example");
  const [title, setTitle] = useState(props.initial.title);
  const [scores, setScores] = useState<ReviewScores>(props.initial.scores);
  const [standout, setStandout] = useState(props.initial.standout);
  const [dirty, setDirty] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const changed = () => {
    setDirty(true);
    setMessage(null);
  };

  const save = () =>
    start(async () => {
      const result = await saveExampleAction(null, { cohortId: props.cohortId, exampleId: props.exampleId, title, scores, standout });
      if (result.ok) {
        setDirty(false);
        setFieldErrors({});
        setMessage({ tone: "success", text: result.data.rescored > 0 ? t("rescored", { count: result.data.rescored }) : t("saved") });
      } else {
        const { scores: nested, ...fields } = result.fieldErrors ?? {};
        setFieldErrors(fields);
        setMessage({ tone: "error", text: [result.message, ...(nested ?? [])].join(" ") });
      }
    });

  return (
    <form
      aria-labelledby="example-form-heading"
      className="flex flex-col gap-6 self-start rounded-xl border border-line bg-white p-5 shadow-xs lg:sticky lg:top-6"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      noValidate
    >
      <div className="flex flex-col gap-1">
        <h2 id="example-form-heading" className="text-lg font-semibold">
          {t("scoring")}
        </h2>
        <p className="text-sm text-muted">{t("scoringHint")}</p>
      </div>
      <Field
        name="title"
        id="example-title"
        label={t("titleLabel")}
        value={title}
        maxLength={EXAMPLE_TITLE_MAX}
        errors={fieldErrors.title}
        onChange={(e) => {
          setTitle(e.target.value);
          changed();
        }}
        required
      />
      <RubricFields
        rubric={props.rubric}
        scores={scores}
        onChange={(next) => {
          setScores(next);
          changed();
        }}
        fieldErrors={fieldErrors}
        idPrefix="example-"
        disabled={pending}
      />
      <RubricNote
        id="example-standout"
        label={t("summary")}
        value={standout}
        onChange={(value) => {
          setStandout(value);
          changed();
        }}
        errors={fieldErrors.standout}
        below={
          <p id="example-standout-below" className="text-xs text-muted">
            {t("summaryHint")}
          </p>
        }
      />
      {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending && <Spinner />}
          <span aria-live="polite">{pending ? t("saving") : t("save")}</span>
        </Button>
        {dirty && <span className="text-xs text-muted">{t("unsaved")}</span>}
      </div>
    </form>
  );
}
