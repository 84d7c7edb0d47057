"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { regenerateInviteAction, setInviteEnabledAction } from "@/app/(app)/cohorts/[cohortId]/settings/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/actions-core";
import { CopyField } from "./copy-field";

type InviteResult = ActionResult<{ change: "regenerated" | "enabled" | "disabled"; inviteCode: string | null }>;

/** The invite code and join link with copy buttons; a new code, joining off and on again. */
export function InvitePanel({ cohortId, inviteCode, joinUrl }: { cohortId: string; inviteCode: string | null; joinUrl: string | null }) {
  const t = useTranslations("cohortAdmin.invite");
  // One state for the three changes, so the message always tells of the latest.
  const [state, run] = useActionState<InviteResult | null, FormData>(
    (prev, form) => (form.has("enabled") ? setInviteEnabledAction(prev, form) : regenerateInviteAction(prev, form)),
    null,
  );
  const regenerateDialog = useRef<HTMLDialogElement>(null);
  const disableDialog = useRef<HTMLDialogElement>(null);

  // A finished action closes its dialog; the outcome shows below the panel.
  useEffect(() => {
    regenerateDialog.current?.close();
    disableDialog.current?.close();
  }, [state]);

  const message = !state ? null : state.ok ? t(`done.${state.data.change}`) : state.message;

  return (
    <div className="flex flex-col gap-5">
      {inviteCode && joinUrl ? (
        <>
          <CopyField label={t("link")} value={joinUrl} copyLabel={t("copyLink")} />
          <CopyField label={t("code")} value={inviteCode} copyLabel={t("copyCode")} large />
          <p className="text-sm text-muted">{t("howItWorks")}</p>
          <div className="flex flex-wrap gap-3">
            <Button type="button" variant="secondary" onClick={() => regenerateDialog.current?.showModal()}>
              {t("regenerate")}
            </Button>
            <Button type="button" variant="ghost" className="text-red-700" onClick={() => disableDialog.current?.showModal()}>
              {t("disable")}
            </Button>
          </div>
        </>
      ) : (
        <div className="flex flex-col items-start gap-3">
          <p className="text-sm text-muted">{t("off")}</p>
          <form action={run}>
            <input type="hidden" name="cohortId" value={cohortId} />
            <input type="hidden" name="enabled" value="true" />
            <SubmitButton pendingLabel={t("enabling")}>{t("enable")}</SubmitButton>
          </form>
        </div>
      )}
      <FormMessage tone={state && !state.ok ? "error" : "success"}>{message}</FormMessage>

      <ConfirmDialog
        dialogRef={regenerateDialog}
        id="regenerate-invite"
        title={t("regenerateTitle")}
        body={t("regenerateBody")}
        action={run}
        fields={{ cohortId }}
        cancelLabel={t("cancel")}
        confirmLabel={t("regenerateConfirm")}
        pendingLabel={t("regenerating")}
      />
      <ConfirmDialog
        dialogRef={disableDialog}
        id="disable-invite"
        title={t("disableTitle")}
        body={t("disableBody")}
        action={run}
        fields={{ cohortId, enabled: "false" }}
        cancelLabel={t("cancel")}
        confirmLabel={t("disableConfirm")}
        pendingLabel={t("disabling")}
      />
    </div>
  );
}
