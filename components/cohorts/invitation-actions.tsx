"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resendInvitationAction, revokeInvitationAction } from "@/app/(app)/cohorts/[cohortId]/members/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import type { InvitationStatus } from "@/lib/cohorts/invitations";

/** Resend (a new link, the old one stops working) and revoke on an invitation's row; a refusal shows beside them. */
export function InvitationActions(props: { cohortId: string; invitationId: string; email: string; status: InvitationStatus }) {
  const t = useTranslations("cohortAdmin.invitations");
  const [resent, resend] = useActionState(resendInvitationAction, null);
  const [revoked, revoke] = useActionState(revokeInvitationAction, null);
  if (props.status === "joined") return null;
  const refusal = [resent, revoked].find((s) => s && !s.ok);
  const fields = (
    <>
      <input type="hidden" name="cohortId" value={props.cohortId} />
      <input type="hidden" name="invitationId" value={props.invitationId} />
    </>
  );
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        <form action={resend}>
          {fields}
          <SubmitButton variant="ghost" className="px-2.5 py-1" pendingLabel={t("resending")} aria-label={t("resendFor", { email: props.email })}>
            {t("resend")}
          </SubmitButton>
        </form>
        {props.status === "invited" && (
          <form action={revoke}>
            {fields}
            <SubmitButton variant="ghost" className="px-2.5 py-1 text-red-700" pendingLabel={t("revoking")} aria-label={t("revokeFor", { email: props.email })}>
              {t("revoke")}
            </SubmitButton>
          </form>
        )}
      </div>
      {refusal && !refusal.ok && (
        <p role="status" className="max-w-56 text-right text-xs text-red-700">
          {refusal.message}
        </p>
      )}
      {resent?.ok && (
        <p role="status" className="text-right text-xs text-brand-800">
          {t("resent")}
        </p>
      )}
    </div>
  );
}
