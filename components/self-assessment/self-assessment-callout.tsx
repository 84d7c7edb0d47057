import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import Link from "next/link";

/** Where a student scores their own submission of an assignment. */
export function selfAssessmentHref(cohortId: string, assignmentId: string): string {
  return `/cohorts/${cohortId}/self-assessment/${assignmentId}`;
}

/**
 * "Score your own work before you read your reviews": says why received reviews are hidden and
 * leads to the self-assessment. `waiting` is how many received reviews it holds back (left out: not
 * said); `lessonTitle` names the assignment where the page does not (the reviews page).
 */
export async function SelfAssessmentCallout({
  cohortId,
  assignmentId,
  waiting,
  lessonTitle,
}: {
  cohortId: string;
  assignmentId: string;
  waiting?: number;
  lessonTitle?: string;
}) {
  const t = await getTranslations("selfAssessment");
  return (
    <aside
      aria-label={t("calloutTitle")}
      className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-amber-200 bg-amber-50 px-5 py-4 text-sm text-amber-900"
      data-testid="self-assessment-callout"
    >
      <div className="flex min-w-0 flex-col gap-1">
        <p className="font-semibold">{t("calloutTitle")}</p>
        {lessonTitle && <p>{t("calloutLesson", { lesson: lessonTitle })}</p>}
        {waiting !== undefined && <p>{t("calloutWaiting", { count: waiting })}</p>}
      </div>
      <Link href={selfAssessmentHref(cohortId, assignmentId)} className={buttonClasses("primary", "px-3 py-1.5")}>
        {t("calloutAction")}
      </Link>
    </aside>
  );
}
