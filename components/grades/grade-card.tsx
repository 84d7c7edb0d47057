import { getFormatter, getTranslations } from "next-intl/server";
import { pageDb } from "@/db/replica";
import type { assignments } from "@/db/schema";
import { gradingSettings, studentGrade } from "@/lib/grades/queries";
import { GradeParts, points } from "./grade-parts";

/**
 * The student's own grade in an assignment, on its lesson page: nothing until the instructor has
 * released the grades, then "Your grade: 78.5 / 100" with why (the parts, or the instructor's reason
 * when they set the grade themselves). Pass the session's user: it only ever reads that user's grade.
 */
export async function GradeCard({ assignment, userId, timeZone }: { assignment: typeof assignments.$inferSelect; userId: string; timeZone: string }) {
  const mine = await studentGrade(await pageDb(), gradingSettings(assignment), userId);
  if (!mine) return null;
  const [t, format] = await Promise.all([getTranslations("grades"), getFormatter()]);
  const { grade } = mine;
  return (
    <section aria-labelledby="grade-heading" className="flex flex-col gap-3 rounded-xl border border-line bg-white p-5 shadow-xs" data-testid="grade-card">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="grade-heading" className="text-lg font-semibold">
          {t("card.title")}
        </h2>
        <p className="text-xs text-muted">{t("card.released", { when: format.dateTime(mine.releasedAt, { day: "numeric", month: "long", year: "numeric", timeZone }) })}</p>
      </div>
      <p className="text-2xl font-semibold tabular-nums">{t("card.grade", { points: points(format, grade.points!) })}</p>
      {grade.override && (
        <p className="text-sm">
          <span className="font-medium">{t("card.setByInstructor")}</span> {grade.override.reason}
        </p>
      )}
      <details className="group rounded-lg">
        <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:underline">{t("card.why")}</summary>
        <div className="mt-3 flex flex-col gap-2">
          {grade.override && grade.computed !== null && <p className="text-sm text-muted">{t("card.computedWas", { points: points(format, grade.computed) })}</p>}
          <GradeParts grade={grade} />
        </div>
      </details>
    </section>
  );
}
