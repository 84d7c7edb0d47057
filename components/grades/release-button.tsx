"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { releaseGradesAction, withdrawGradesAction } from "@/app/(app)/cohorts/[cohortId]/gradebook/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { Spinner } from "@/components/ui/spinner";
import { SubmitButton } from "@/components/ui/submit-button";

const small = "px-3 py-1.5";

/**
 * Release an assignment's grades to its students (after a confirmation: each student with a grade is
 * notified), or withdraw them again. The state text beside it is the server's.
 */
export function ReleaseButton({ cohortId, assignmentId, lessonTitle, released }: { cohortId: string; assignmentId: string; lessonTitle: string; released: boolean }) {
  const t = useTranslations("grades");
  const [releaseState, release, releasing] = useActionState(releaseGradesAction, null);
  const [withdrawState, withdraw] = useActionState(withdrawGradesAction, null);
  const dialog = useRef<HTMLDialogElement>(null);
  const state = released ? withdrawState : releaseState;
  return (
    <div className="flex flex-col items-start gap-1 font-normal">
      {released ? (
        <form action={withdraw}>
          <input type="hidden" name="cohortId" value={cohortId} />
          <input type="hidden" name="assignmentId" value={assignmentId} />
          <SubmitButton variant="secondary" className={small} pendingLabel={t("withdrawing")} aria-label={t("withdrawLabel", { lesson: lessonTitle })}>
            {t("withdraw")}
          </SubmitButton>
        </form>
      ) : (
        <>
          <Button
            type="button"
            className={small}
            onClick={() => dialog.current?.showModal()}
            aria-haspopup="dialog"
            aria-label={t("releaseLabel", { lesson: lessonTitle })}
            disabled={releasing}
            aria-disabled={releasing}
          >
            {releasing && <Spinner />}
            <span aria-live="polite">{releasing ? t("releasing") : t("release")}</span>
          </Button>
          <ConfirmDialog
            dialogRef={dialog}
            id={`release-${assignmentId}`}
            title={t("releaseTitle", { lesson: lessonTitle })}
            body={t("releaseBody")}
            action={(form) => {
              dialog.current?.close();
              release(form);
            }}
            fields={{ cohortId, assignmentId }}
            cancelLabel={t("cancel")}
            confirmLabel={t("releaseConfirm")}
            pendingLabel={t("releasing")}
          />
        </>
      )}
      {state && !state.ok && <FormMessage tone="error">{state.message}</FormMessage>}
      {releaseState?.ok && released && <FormMessage tone="success">{t("released", { count: releaseState.data.notified })}</FormMessage>}
    </div>
  );
}
