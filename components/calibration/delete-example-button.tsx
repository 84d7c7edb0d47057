"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { deleteExampleAction } from "@/app/(app)/cohorts/[cohortId]/calibration/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** "Delete example": asks first, saying how many attempts go with it; success returns to the list. */
export function DeleteExampleButton(props: { cohortId: string; assignmentId: string; exampleId: string; title: string; attempts: number }) {
  const t = useTranslations("calibration.example");
  const [state, action] = useActionState(deleteExampleAction, null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.close(), [state]);
  return (
    <div className="flex flex-col items-start gap-1">
      <Button type="button" variant="ghost" className="px-3 py-1.5 text-red-700" onClick={() => dialog.current?.showModal()} aria-haspopup="dialog">
        {t("delete")}
      </Button>
      {state && !state.ok && (
        <p role="status" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
      <ConfirmDialog
        dialogRef={dialog}
        id={`delete-${props.exampleId}`}
        title={t("deleteTitle", { title: props.title })}
        body={t("deleteBody", { count: props.attempts })}
        action={action}
        fields={{ cohortId: props.cohortId, assignmentId: props.assignmentId, exampleId: props.exampleId }}
        cancelLabel={t("cancel")}
        confirmLabel={t("delete")}
        pendingLabel={t("deleting")}
      />
    </div>
  );
}
