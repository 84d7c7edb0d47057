"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { sendBackReviewAction } from "@/app/(app)/cohorts/[cohortId]/reviews/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { textareaClass } from "./rubric-fields";

/**
 * For instructors under a submitted review: send it back to its reviewer with a note on what to
 * improve. Opens in place; the note is required.
 */
export function SendBackForm({ cohortId, reviewId }: { cohortId: string; reviewId: string }) {
  const t = useTranslations("reviews");
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(sendBackReviewAction, null);
  const id = useId();
  const failed = state && !state.ok ? state : null;
  if (!open) {
    return (
      <div className="mt-3 border-t border-line pt-3">
        <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
          {t("sendBack")}
        </Button>
      </div>
    );
  }
  return (
    <form action={action} className="mt-3 flex flex-col gap-2 border-t border-line pt-3">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="reviewId" value={reviewId} />
      <label htmlFor={`${id}-note`} className="text-sm font-medium">
        {t("sendBackNote")}
      </label>
      <p id={`${id}-hint`} className="text-xs text-muted">
        {t("sendBackHint")}
      </p>
      <textarea
        id={`${id}-note`}
        name="note"
        rows={3}
        required
        defaultValue={failed?.values?.note ?? ""}
        aria-describedby={`${id}-hint ${id}-error`}
        aria-invalid={Boolean(failed?.fieldErrors?.note) || undefined}
        className={`${textareaClass} ${failed?.fieldErrors?.note ? "border-red-600" : "border-line"}`}
      />
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-red-700 empty:hidden">
        {failed?.fieldErrors?.note?.join(" ")}
      </p>
      {failed && !failed.fieldErrors?.note && <FormMessage tone="error">{failed.message}</FormMessage>}
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel={t("sendingBack")}>{t("sendBackConfirm")}</SubmitButton>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
