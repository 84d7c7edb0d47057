import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { pageDb } from "@/db/replica";
import { calibrationOverview } from "@/lib/calibration/queries";
import { percent } from "./attempt-result";

/**
 * On a student's reviews page: per assignment with calibration on (and an example ready), either
 * "calibrate before your first review" with a link, or how well they agreed. Nothing for instructors.
 */
export async function CalibrationCallout({ cohortId, userId, role }: { cohortId: string; userId: string; role: "student" | "instructor" }) {
  if (role !== "student") return null;
  const [items, t] = await Promise.all([calibrationOverview(await pageDb(), userId, cohortId), getTranslations("calibration.callout")]);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="calibration-heading" className="flex flex-col gap-3" data-testid="calibration-callout">
      <h2 id="calibration-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <ul className="flex flex-col gap-2">
        {items.map((item) => {
          const href = `/cohorts/${cohortId}/calibration/${item.assignmentId}`;
          const done = item.attempts > 0;
          return (
            <li
              key={item.assignmentId}
              className={
                done || item.mode !== "required"
                  ? "flex flex-wrap items-center justify-between gap-3 rounded-xl border border-line bg-white px-4 py-3 shadow-xs"
                  : "flex flex-wrap items-center justify-between gap-3 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 shadow-xs"
              }
            >
              <span className="flex min-w-0 flex-col">
                <span className="font-medium break-words">{item.lessonTitle}</span>
                <span className="text-sm text-muted">
                  {done && item.bestAccuracy !== null ? t("done", { percent: percent(item.bestAccuracy) }) : t("todo", { mode: item.mode })}
                </span>
              </span>
              <Link
                href={href}
                className={buttonClasses(done ? "secondary" : "primary", "px-3 py-1.5")}
                aria-label={done ? t("resultLabel", { lesson: item.lessonTitle }) : t("startLabel", { lesson: item.lessonTitle })}
              >
                {done ? t("result") : t("start")}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
