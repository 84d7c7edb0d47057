import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import type { CohortCard as CohortCardData } from "@/lib/courses/queries";

export async function CohortCard({ cohort }: { cohort: CohortCardData }) {
  const [t, format] = await Promise.all([getTranslations("courses"), getFormatter()]);
  const href = `/cohorts/${cohort.cohortId}`;
  const student = cohort.role === "student";
  return (
    <li className="flex flex-col rounded-xl border border-line bg-white p-6 shadow-xs">
      <div className="flex items-start justify-between gap-3">
        <p className="text-xs font-medium tracking-wide text-brand-700 uppercase">{cohort.cohortName}</p>
        <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-muted">{t(`role.${cohort.role}`)}</span>
      </div>
      <h3 className="mt-2 text-lg leading-snug font-semibold">
        <Link href={href} className="hover:underline">
          {cohort.courseTitle}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-muted">
        {t("runs", {
          start: format.dateTime(cohort.startsOn, { dateStyle: "medium" }),
          end: format.dateTime(cohort.endsOn, { dateStyle: "medium" }),
        })}
        {" · "}
        {t("members", { students: cohort.studentCount })}
      </p>
      {student && (
        <div className="mt-5">
          <Progress
            value={cohort.lessonsDone}
            max={cohort.lessonsTotal}
            label={t("lessonsDone", { done: cohort.lessonsDone, total: cohort.lessonsTotal })}
          />
        </div>
      )}
      <div className="mt-auto flex flex-wrap gap-3 pt-6">
        {student && cohort.nextLessonSlug ? (
          <Link href={`${href}/lessons/${cohort.nextLessonSlug}`} className={buttonClasses("primary")}>
            {t("continue", { lesson: cohort.nextLessonTitle ?? "" })}
          </Link>
        ) : (
          <Link href={href} className={buttonClasses(student ? "secondary" : "primary")}>
            {student && cohort.lessonsTotal > 0 ? t("allDone") : t("open")}
          </Link>
        )}
      </div>
    </li>
  );
}
