"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { syncLmsRosterAction } from "@/app/(app)/cohorts/[cohortId]/members/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** "Match with the LMS": the linked LMS course's roster brought into the cohort. */
export function LmsRosterSync({ cohortId }: { cohortId: string }) {
  const t = useTranslations("cohortAdmin.lms");
  const [state, action] = useActionState(syncLmsRosterAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="cohortId" value={cohortId} />
      <div>
        <SubmitButton variant="secondary" pendingLabel={t("syncing")}>
          {t("sync")}
        </SubmitButton>
      </div>
      <FormMessage tone={state?.ok ? "success" : "error"}>
        {state ? (state.ok ? t("synced", { joined: state.data.joined, left: state.data.left, active: state.data.active }) : state.message) : null}
      </FormMessage>
    </form>
  );
}
