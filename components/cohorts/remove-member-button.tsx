"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { removeMemberAction } from "@/app/(app)/cohorts/[cohortId]/members/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** "Remove" on a member's row: asks first, says what happens to their reviews, shows a refusal next to the button. */
export function RemoveMemberButton(props: { cohortId: string; userId: string; name: string; role: "student" | "instructor" }) {
  const t = useTranslations("cohortAdmin.remove");
  const [state, action] = useActionState(removeMemberAction, null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.close(), [state]);
  const id = `remove-${props.userId}`;
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        type="button"
        variant="ghost"
        className="px-2.5 py-1 text-red-700"
        aria-label={t("buttonFor", { name: props.name })}
        onClick={() => dialog.current?.showModal()}
      >
        {t("button")}
      </Button>
      {state && !state.ok && (
        <p role="status" className="max-w-56 text-right text-xs text-red-700">
          {state.message}
        </p>
      )}
      {/* The dialog sits in a right-aligned cell: its text must not inherit that. */}
      <div className="text-left">
        <ConfirmDialog
          dialogRef={dialog}
          id={id}
          title={t(`${props.role}Title`, { name: props.name })}
          body={t(`${props.role}Body`, { name: props.name })}
          action={action}
          fields={{ cohortId: props.cohortId, userId: props.userId, role: props.role }}
          cancelLabel={t("cancel")}
          confirmLabel={t("confirm")}
          pendingLabel={t("removing")}
        />
      </div>
    </div>
  );
}
