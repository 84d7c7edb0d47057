"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { pairNowAction } from "@/app/(app)/cohorts/[cohortId]/reviews/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** The instructor pairs the submissions so far instead of waiting for the deadline. */
export function PairNowButton({ cohortId, assignmentId, submitted }: { cohortId: string; assignmentId: string; submitted: number }) {
  const t = useTranslations("reviews");
  const [state, action] = useActionState(pairNowAction, null);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <div>
        <SubmitButton variant="secondary" pendingLabel={t("pairing")} disabled={submitted === 0} className="px-3 py-1.5">
          {t("pairNow", { count: submitted })}
        </SubmitButton>
      </div>
      {state && !state.ok && <FormMessage tone="error">{state.message}</FormMessage>}
    </form>
  );
}
