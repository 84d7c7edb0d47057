"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormMessage } from "@/components/ui/form-message";
import { Spinner } from "@/components/ui/spinner";
import type { RubricCriterion } from "@/lib/assignments/types";
import type { CriterionAnswer, ReviewScores } from "@/lib/pairing/types";

export const textareaClass =
  "w-full rounded-lg border bg-white px-3 py-2 text-[0.95rem] shadow-xs outline-none focus-visible:border-brand-500 focus-visible:ring-2 focus-visible:ring-brand-200";

type Props = {
  rubric: RubricCriterion[];
  scores: ReviewScores;
  onChange: (next: ReviewScores) => void;
  /** Keys `score-<criterion id>` and `comment-<criterion id>`, as the server's refusals name them. */
  fieldErrors?: Record<string, string[]>;
  /** Shown as a counter under each comment when above 0. */
  minCommentChars?: number;
  /** Keeps ids unique when two rubrics share a page. */
  idPrefix?: string;
  disabled?: boolean;
};

/**
 * A rubric to score: per criterion its points as a radio group and a comment. Controlled; used by
 * peer reviews, calibration examples, self-assessments and the instructor's own assessment.
 */
export function RubricFields({ rubric, scores, onChange, fieldErrors = {}, minCommentChars = 0, idPrefix = "", disabled }: Props) {
  const t = useTranslations("reviews");
  const answer = (id: string): CriterionAnswer => scores[id] ?? { score: null, comment: "" };
  const set = (id: string, patch: Partial<CriterionAnswer>) => onChange({ ...scores, [id]: { ...answer(id), ...patch } });
  return (
    <>
      {rubric.map((c) => {
        const a = answer(c.id);
        const scoreErrors = fieldErrors[`score-${c.id}`];
        const commentErrors = fieldErrors[`comment-${c.id}`];
        const scoreErrorId = `${idPrefix}score-${c.id}-error`;
        const commentId = `${idPrefix}comment-${c.id}`;
        const commentLength = a.comment.trim().length;
        return (
          <fieldset key={c.id} className="flex flex-col gap-2" aria-describedby={scoreErrors ? scoreErrorId : undefined} disabled={disabled}>
            <legend className="font-medium">{c.title}</legend>
            {c.prompt && <p className="text-sm text-muted">{c.prompt}</p>}
            <div role="radiogroup" aria-label={t("scoreOf", { title: c.title })} className="flex flex-wrap gap-1.5">
              {Array.from({ length: c.scale }, (_, i) => i + 1).map((n) => (
                <label
                  key={n}
                  className={cn(
                    "flex min-w-10 cursor-pointer items-center justify-center rounded-lg border px-3 py-1.5 text-sm font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-300",
                    a.score === n ? "border-brand-600 bg-brand-600 text-white" : "border-line bg-white hover:bg-stone-50",
                  )}
                >
                  <input
                    type="radio"
                    className="sr-only"
                    name={`${idPrefix}score-${c.id}`}
                    value={n}
                    checked={a.score === n}
                    onChange={() => set(c.id, { score: n })}
                    aria-label={t("scoreLabel", { n, scale: c.scale })}
                  />
                  {n}
                </label>
              ))}
            </div>
            <p className="text-xs text-muted">{t("scaleHint", { scale: c.scale })}</p>
            <p id={scoreErrorId} aria-live="polite" className="text-sm text-red-700 empty:hidden">
              {scoreErrors?.join(" ")}
            </p>
            <label htmlFor={commentId} className="sr-only">
              {t("commentOn", { title: c.title })}
            </label>
            <textarea
              id={commentId}
              rows={3}
              value={a.comment}
              placeholder={t("commentPlaceholder")}
              onChange={(e) => set(c.id, { comment: e.target.value })}
              aria-invalid={Boolean(commentErrors) || undefined}
              aria-describedby={`${commentId}-count ${commentId}-error`}
              className={cn(textareaClass, commentErrors ? "border-red-600" : "border-line")}
            />
            {minCommentChars > 0 && (
              <p id={`${commentId}-count`} className={cn("text-xs", commentLength >= minCommentChars ? "text-brand-800" : "text-muted")}>
                {t("commentCounter", { count: commentLength, min: minCommentChars })}
              </p>
            )}
            <p id={`${commentId}-error`} aria-live="polite" className="text-sm text-red-700 empty:hidden">
              {commentErrors?.join(" ")}
            </p>
          </fieldset>
        );
      })}
    </>
  );
}

/**
 * The free text under a rubric ("what stands out", a summary, a closing comment): its label, an
 * optional hint above, the textarea, whatever goes below it (a length counter, a hint) and the
 * field's error, announced. Every rubric form uses it, so they read and behave the same.
 */
export function RubricNote(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  hint?: string;
  /** Below the textarea, described by it: give it the id `<id>-below`. */
  below?: ReactNode;
  rows?: number;
  maxLength?: number;
  disabled?: boolean;
}) {
  const { id } = props;
  const describedBy = [props.hint ? `${id}-hint` : null, props.below ? `${id}-below` : null, `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="font-medium">
        {props.label}
      </label>
      {props.hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {props.hint}
        </p>
      )}
      <textarea
        id={id}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={describedBy}
        aria-invalid={Boolean(props.errors?.length) || undefined}
        className={cn(textareaClass, props.errors?.length ? "border-red-600" : "border-line")}
      />
      {props.below}
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-red-700 empty:hidden">
        {props.errors?.join(" ")}
      </p>
    </div>
  );
}

/** The end of a rubric form that cannot be changed once sent: the form's message, the button (pending state included) and what sending means. */
export function FinalSubmit(props: { pending: boolean; message?: string | null; label: string; pendingLabel: string; hint: string }) {
  return (
    <>
      {props.message && <FormMessage tone="error">{props.message}</FormMessage>}
      <div className="flex flex-col gap-2">
        <Button type="submit" disabled={props.pending} aria-disabled={props.pending} className="self-start">
          {props.pending && <Spinner />}
          <span aria-live="polite">{props.pending ? props.pendingLabel : props.label}</span>
        </Button>
        <p className="text-xs text-muted">{props.hint}</p>
      </div>
    </>
  );
}
