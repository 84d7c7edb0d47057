"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { saveAssignmentAction } from "@/app/(app)/cohorts/[cohortId]/lessons/[lessonSlug]/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  REQUIREMENTS_MAX,
  RUBRIC_MAX,
  type Anonymity,
  type CalibrationMode,
  type GradeAggregate,
  type GradeWeights,
  type PairingMode,
  type Requirement,
  type RubricCriterion,
} from "@/lib/assignments/types";
import type { TemplateKind } from "@/lib/canvas/types";

export type AssignmentFormValues = {
  instructionsMd: string;
  requirements: Requirement[];
  rubric: RubricCriterion[];
  reviewsPerStudent: number;
  submissionDue: string; // YYYY-MM-DDTHH:mm in the cohort's time zone
  reviewDue: string;
  /** Null for a new assignment: the instructor chooses explicitly. */
  anonymity: Anonymity | null;
  hideReceivedUntilGiven: boolean;
  pairingMode: PairingMode;
  minCommentChars: number;
  minSummaryChars: number;
  calibration: CalibrationMode;
  selfAssessment: boolean;
  gradeAggregate: GradeAggregate;
  gradeWeights: GradeWeights;
};

const ANONYMITY: Anonymity[] = ["named", "reviewers", "double"];
const CALIBRATION: CalibrationMode[] = ["off", "optional", "required"];
const WEIGHTS: (keyof GradeWeights)[] = ["submission", "reviewing", "calibration", "helpfulness"];

const KINDS: TemplateKind[] = ["value-proposition", "business-model", "empathy-map", "persona"];
const input =
  "rounded-lg border border-line bg-white px-3 py-2 text-[0.95rem] shadow-xs outline-none focus-visible:border-brand-500 focus-visible:ring-2 focus-visible:ring-brand-200";
const small = "rounded-md border border-line bg-white px-2 py-1 text-sm hover:bg-stone-50 disabled:opacity-40";

/** Create or edit a lesson's assignment; requirements and rubric are rows added and removed in place. */
export function AssignmentForm(props: {
  cohortId: string;
  lessonId: string;
  timeZone: string;
  version: number;
  initial: AssignmentFormValues;
  /** Where the calibration examples are kept, once the assignment exists. */
  examplesHref?: string;
}) {
  const t = useTranslations("assignmentForm");
  const tk = useTranslations("canvas.kinds");
  const [state, action] = useActionState(saveAssignmentAction, null);
  const version = state?.ok ? state.data.version : props.version;
  const [requirements, setRequirements] = useState(props.initial.requirements);
  const [rubric, setRubric] = useState(props.initial.rubric);
  const failed = state && !state.ok ? state : null;
  const errors = (field: string) => failed?.fieldErrors?.[field];
  const value = (field: keyof AssignmentFormValues, fallback: string) => failed?.values?.[field] ?? fallback;

  const setCriterion = (i: number, patch: Partial<RubricCriterion>) =>
    setRubric((list) => list.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const moveCriterion = (i: number, by: number) =>
    setRubric((list) => {
      const next = [...list];
      const [item] = next.splice(i, 1);
      next.splice(i + by, 0, item!);
      return next;
    });

  return (
    <form action={action} className="flex flex-col gap-8" noValidate>
      <input type="hidden" name="cohortId" value={props.cohortId} />
      <input type="hidden" name="lessonId" value={props.lessonId} />
      <input type="hidden" name="timeZone" value={props.timeZone} />
      <input type="hidden" name="baseVersion" value={version} />
      <input type="hidden" name="requirements" value={JSON.stringify(requirements)} />
      <input type="hidden" name="rubric" value={JSON.stringify(rubric)} />

      <div className="flex flex-col gap-1.5">
        <label htmlFor="instructionsMd" className="text-sm font-medium">
          {t("instructions")}
        </label>
        <textarea
          id="instructionsMd"
          name="instructionsMd"
          rows={8}
          maxLength={20000}
          defaultValue={value("instructionsMd", props.initial.instructionsMd)}
          aria-describedby="instructions-hint"
          className={input}
        />
        <p id="instructions-hint" className="text-xs text-muted">
          {t("instructionsHint")}
        </p>
      </div>

      <fieldset className="flex flex-col gap-3" aria-describedby="requirements-error">
        <legend className="mb-1 text-base font-semibold">{t("requirements")}</legend>
        {requirements.map((req, i) => (
          <div key={i} className="flex flex-wrap items-end gap-3 rounded-lg bg-stone-50 p-3">
            <label className="flex flex-col gap-1 text-sm">
              <span>{t("count")}</span>
              <input
                type="number"
                min={1}
                max={6}
                value={req.count}
                onChange={(e) => setRequirements((l) => l.map((r, j) => (j === i ? { ...r, count: Number(e.target.value) } : r)))}
                className={`${input} w-20`}
              />
            </label>
            <label className="flex flex-col gap-1 text-sm">
              <span>{t("kind")}</span>
              <select
                value={req.template}
                onChange={(e) => setRequirements((l) => l.map((r, j) => (j === i ? { ...r, template: e.target.value as TemplateKind } : r)))}
                className={input}
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {tk(k)}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-2 pb-2 text-sm">
              <input
                type="checkbox"
                checked={req.distinctSegments}
                onChange={(e) => setRequirements((l) => l.map((r, j) => (j === i ? { ...r, distinctSegments: e.target.checked } : r)))}
                className="accent-brand-600"
              />
              {t("distinctSegments")}
            </label>
            <button
              type="button"
              className={`${small} ml-auto text-red-700`}
              disabled={requirements.length === 1}
              onClick={() => setRequirements((l) => l.filter((_, j) => j !== i))}
            >
              {t("remove")}
            </button>
          </div>
        ))}
        <div>
          <button
            type="button"
            className={small}
            disabled={requirements.length >= REQUIREMENTS_MAX}
            onClick={() => setRequirements((l) => [...l, { template: "empathy-map", count: 1, distinctSegments: false }])}
          >
            + {t("addRequirement")}
          </button>
        </div>
        <p id="requirements-error" aria-live="polite" className="text-sm text-red-700 empty:hidden">
          {errors("requirements")?.join(" ")}
        </p>
      </fieldset>

      <fieldset className="flex flex-col gap-3" aria-describedby="rubric-error">
        <legend className="mb-1 text-base font-semibold">{t("rubric")}</legend>
        {rubric.map((c, i) => (
          <div key={c.id} className="flex flex-col gap-2 rounded-lg bg-stone-50 p-3">
            <div className="flex flex-wrap items-end gap-3">
              <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm">
                <span>{t("criterionTitle", { n: i + 1 })}</span>
                <input value={c.title} maxLength={120} onChange={(e) => setCriterion(i, { title: e.target.value })} className={input} />
              </label>
              <label className="flex flex-col gap-1 text-sm">
                <span>{t("scale")}</span>
                <select value={c.scale} onChange={(e) => setCriterion(i, { scale: Number(e.target.value) })} className={input}>
                  {[2, 3, 4, 5].map((n) => (
                    <option key={n} value={n}>
                      {t("points", { n })}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <label className="flex flex-col gap-1 text-sm">
              <span>{t("criterionPrompt", { n: i + 1 })}</span>
              <input value={c.prompt} maxLength={500} onChange={(e) => setCriterion(i, { prompt: e.target.value })} className={input} />
            </label>
            <div className="flex gap-2">
              <button type="button" className={small} disabled={i === 0} onClick={() => moveCriterion(i, -1)} aria-label={t("moveUp", { n: i + 1 })}>
                ↑
              </button>
              <button type="button" className={small} disabled={i === rubric.length - 1} onClick={() => moveCriterion(i, 1)} aria-label={t("moveDown", { n: i + 1 })}>
                ↓
              </button>
              <button type="button" className={`${small} ml-auto text-red-700`} disabled={rubric.length === 1} onClick={() => setRubric((l) => l.filter((_, j) => j !== i))}>
                {t("remove")}
              </button>
            </div>
          </div>
        ))}
        <div>
          <button
            type="button"
            className={small}
            disabled={rubric.length >= RUBRIC_MAX}
            onClick={() => setRubric((l) => [...l, { id: `c${Date.now().toString(36)}`, title: "", prompt: "", scale: 4 }])}
          >
            + {t("addCriterion")}
          </button>
        </div>
        <p id="rubric-error" aria-live="polite" className="text-sm text-red-700 empty:hidden">
          {errors("rubric")?.join(" ")}
        </p>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="submissionDue"
          type="datetime-local"
          label={t("submissionDue")}
          hint={t("inZone", { zone: props.timeZone })}
          defaultValue={value("submissionDue", props.initial.submissionDue)}
          errors={errors("submissionDue")}
        />
        <Field
          name="reviewDue"
          type="datetime-local"
          label={t("reviewDue")}
          hint={t("inZone", { zone: props.timeZone })}
          defaultValue={value("reviewDue", props.initial.reviewDue)}
          errors={errors("reviewDue")}
        />
        <Field
          name="reviewsPerStudent"
          type="number"
          min={1}
          max={4}
          label={t("reviewsPerStudent")}
          defaultValue={value("reviewsPerStudent", String(props.initial.reviewsPerStudent))}
          errors={errors("reviewsPerStudent")}
          className="max-w-40"
        />
      </div>

      <fieldset className="flex flex-col gap-2" aria-describedby={errors("anonymity") ? "anonymity-error" : undefined}>
        <legend className="mb-1 text-base font-semibold">{t("anonymity")}</legend>
        <p className="text-sm text-muted">{t("anonymityHint")}</p>
        {ANONYMITY.map((mode) => (
          <label key={mode} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="anonymity"
              value={mode}
              defaultChecked={value("anonymity", props.initial.anonymity ?? "") === mode}
              className="mt-1 accent-brand-600"
            />
            <span>
              <span className="font-medium">{t(`anonymity_${mode}`)}</span>
              <span className="block text-muted">{t(`anonymity_${mode}_hint`)}</span>
            </span>
          </label>
        ))}
        <p id="anonymity-error" aria-live="polite" className="text-sm text-red-700 empty:hidden">
          {errors("anonymity")?.join(" ")}
        </p>
      </fieldset>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-base font-semibold">{t("reviews")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="hideReceivedUntilGiven" defaultChecked={props.initial.hideReceivedUntilGiven} className="accent-brand-600" />
          {t("hideReceived")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="selfAssessment" defaultChecked={props.initial.selfAssessment} className="accent-brand-600" />
          {t("selfAssessment")}
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            name="minCommentChars"
            type="number"
            min={0}
            max={1000}
            label={t("minCommentChars")}
            hint={t("minCommentCharsHint")}
            defaultValue={value("minCommentChars", String(props.initial.minCommentChars))}
            errors={errors("minCommentChars")}
            className="max-w-40"
          />
          <Field
            name="minSummaryChars"
            type="number"
            min={0}
            max={2000}
            label={t("minSummaryChars")}
            hint={t("minSummaryCharsHint")}
            defaultValue={value("minSummaryChars", String(props.initial.minSummaryChars))}
            errors={errors("minSummaryChars")}
            className="max-w-40"
          />
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-base font-semibold">{t("calibration")}</legend>
        <p className="text-sm text-muted">{t("calibrationHint")}</p>
        {CALIBRATION.map((mode) => (
          <label key={mode} className="flex items-start gap-2 text-sm">
            <input type="radio" name="calibration" value={mode} defaultChecked={value("calibration", props.initial.calibration) === mode} className="mt-1 accent-brand-600" />
            <span>
              <span className="font-medium">{t(`calibration_${mode}`)}</span>
              <span className="block text-muted">{t(`calibration_${mode}_hint`)}</span>
            </span>
          </label>
        ))}
        {props.examplesHref ? (
          <a href={props.examplesHref} className="text-sm font-medium text-brand-700 underline underline-offset-2">
            {t("calibrationExamples")}
          </a>
        ) : (
          <p className="text-sm text-muted">{t("calibrationExamplesLater")}</p>
        )}
      </fieldset>

      <fieldset className="flex flex-col gap-3" aria-describedby={errors("gradeWeights") ? "weights-error" : undefined}>
        <legend className="mb-1 text-base font-semibold">{t("grading")}</legend>
        <p className="text-sm text-muted">{t("gradingHint")}</p>
        <label className="flex flex-col gap-1.5 text-sm">
          <span className="font-medium">{t("gradeAggregate")}</span>
          <select name="gradeAggregate" defaultValue={value("gradeAggregate", props.initial.gradeAggregate)} className={`${input} max-w-72`}>
            <option value="mean">{t("aggregate_mean")}</option>
            <option value="median">{t("aggregate_median")}</option>
          </select>
        </label>
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {WEIGHTS.map((w) => (
            <Field
              key={w}
              name={`weight_${w}`}
              type="number"
              min={0}
              max={100}
              label={t(`weight_${w}`)}
              defaultValue={value(`weight_${w}` as keyof AssignmentFormValues, String(props.initial.gradeWeights[w]))}
              errors={errors(`weight_${w}`)}
            />
          ))}
        </div>
        <p id="weights-error" aria-live="polite" className="text-sm text-red-700 empty:hidden">
          {errors("gradeWeights")?.join(" ")}
        </p>
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-base font-semibold">{t("pairing")}</legend>
        {(["deadline", "rolling"] as const).map((mode) => (
          <label key={mode} className="flex items-start gap-2 text-sm">
            <input type="radio" name="pairingMode" value={mode} defaultChecked={props.initial.pairingMode === mode} className="mt-1 accent-brand-600" />
            <span>
              <span className="font-medium">{t(`pairing_${mode}`)}</span>
              <span className="block text-muted">{t(`pairing_${mode}_hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <FormMessage tone={state?.ok ? "success" : "error"}>{state ? (state.ok ? t("saved") : state.message) : null}</FormMessage>
      <div>
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
