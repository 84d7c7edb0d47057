"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { joinByLinkAction } from "@/app/join/[code]/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** The one button of the join page; a refusal (the code changed meanwhile) shows above it. */
export function JoinForm({ inviteCode, label }: { inviteCode: string; label: string }) {
  const t = useTranslations("cohortAdmin.join");
  const [state, action] = useActionState(joinByLinkAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="inviteCode" value={inviteCode} />
      <FormMessage tone="error">{failed ? (failed.fieldErrors?.inviteCode?.join(" ") ?? failed.message) : null}</FormMessage>
      <div>
        <SubmitButton pendingLabel={t("joining")}>{label}</SubmitButton>
      </div>
    </form>
  );
}
