"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { retryScoresAction } from "@/app/(app)/cohorts/[cohortId]/gradebook/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import type { LmsSync } from "@/lib/grades/queries";

/** Under an assignment's gradebook column: how its released grades fared on their way to the LMS, and "send again now" after failures. */
export function LmsSyncStatus({ assignmentId, sync }: { assignmentId: string; sync: LmsSync }) {
  const t = useTranslations("grades.lms");
  const [state, action] = useActionState(retryScoresAction, null);
  return (
    <div className="flex flex-col gap-1 text-xs">
      <span className={sync.failed > 0 ? "text-red-800" : "text-muted"}>
        {t("summary", { sent: sync.sent, pending: sync.pending, failed: sync.failed })}
      </span>
      {sync.failed > 0 && (
        <>
          {sync.lastError && <span className="max-w-[22ch] break-words text-muted" title={sync.lastError}>{t("lastError", { error: sync.lastError })}</span>}
          <form action={action}>
            <input type="hidden" name="assignmentId" value={assignmentId} />
            <SubmitButton variant="secondary" className="px-2 py-1 text-xs" pendingLabel={t("retrying")}>
              {t("retry")}
            </SubmitButton>
          </form>
        </>
      )}
      {state && !state.ok && <span role="status" className="text-red-800">{state.message}</span>}
    </div>
  );
}
