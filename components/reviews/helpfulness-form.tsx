"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { rateHelpfulnessAction } from "@/app/(app)/cohorts/[cohortId]/reviews/actions";
import { cn } from "@/components/ui/cn";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Spinner } from "@/components/ui/spinner";
import { textareaClass } from "./rubric-fields";

/** Five labelled points, from "not helpful" to "very helpful": each button is named by its label, the chosen one is written beside the scale and its ends under it. */
function Choices({ current }: { current: number | null }) {
  const t = useTranslations("reviews");
  const { pending, data } = useFormStatus();
  const choosing = pending ? Number(data?.get("rating")) : null;
  const shown = choosing ?? current;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-1" role="group" aria-label={t("helpfulness")}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="submit"
            name="rating"
            value={n}
            disabled={pending}
            aria-pressed={current === n}
            aria-label={t("rateN", { n, label: t("helpfulnessLabel", { n }) })}
            title={t("helpfulnessLabel", { n })}
            className={cn(
              "size-8 rounded-md border text-sm font-medium disabled:opacity-60",
              shown !== null && n <= shown ? "border-amber-400 bg-amber-100 text-amber-900" : "border-line bg-white hover:bg-stone-50",
            )}
          >
            {n}
          </button>
        ))}
        {shown !== null && <span className="ml-2 text-sm font-medium text-ink">{t("helpfulnessLabel", { n: shown })}</span>}
      </div>
      <p className="text-xs text-muted" aria-hidden="true">
        {t("helpfulnessScale", { low: t("helpfulnessLabel", { n: 1 }), high: t("helpfulnessLabel", { n: 5 }) })}
      </p>
    </div>
  );
}

/** Saves the note with the rating already given. */
function SaveNote({ current }: { current: number }) {
  const t = useTranslations("reviews");
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="secondary" name="rating" value={current} disabled={pending} aria-disabled={pending}>
      {pending && <Spinner />}
      <span aria-live="polite">{pending ? t("savingHelpfulnessNote") : t("saveHelpfulnessNote")}</span>
    </Button>
  );
}

/**
 * The recipient rates how helpful a review was (1–5) and may say what helped and what was missing;
 * rating again changes both.
 */
export function HelpfulnessForm({ cohortId, reviewId, current, comment }: { cohortId: string; reviewId: string; current: number | null; comment: string }) {
  const t = useTranslations("reviews");
  const [state, action] = useActionState(rateHelpfulnessAction, null);
  const noteId = `helpful-note-${reviewId}`;
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="mt-4 flex flex-col gap-3 border-t border-line pt-3">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="reviewId" value={reviewId} />
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-sm text-muted">{current ? t("youRated", { n: current }) : t("howHelpful")}</span>
        <Choices current={current} />
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={noteId} className="text-sm font-medium">
          {t("helpfulnessNote")} <span className="font-normal text-muted">{t("optional")}</span>
        </label>
        <textarea
          id={noteId}
          name="comment"
          rows={2}
          maxLength={1000}
          defaultValue={failed?.values?.comment ?? comment}
          placeholder={t("helpfulnessNotePlaceholder")}
          aria-describedby={`${noteId}-error`}
          className={`${textareaClass} border-line`}
        />
        <p id={`${noteId}-error`} aria-live="polite" className="text-sm text-red-700 empty:hidden">
          {failed?.fieldErrors?.comment?.join(" ")}
        </p>
        {current ? (
          <div>
            <SaveNote current={current} />
          </div>
        ) : (
          <p className="text-xs text-muted">{t("helpfulnessNoteHint")}</p>
        )}
      </div>
      {failed && !failed.fieldErrors?.comment && <FormMessage tone="error">{failed.message}</FormMessage>}
    </form>
  );
}
