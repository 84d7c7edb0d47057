import { getFormatter, getTranslations } from "next-intl/server";
import type { GradePart, GradeResult } from "@/lib/grades/compute";

type T = Awaited<ReturnType<typeof getTranslations<"grades">>>;
type F = Awaited<ReturnType<typeof getFormatter>>;

/** What one part is made of, in words: "3 reviews received, mean 78 %". */
function explain(p: GradePart, t: T, pct: (v: number) => string, num: (v: number) => string): string {
  switch (p.key) {
    case "submission":
      if (p.source === "missing") return t("why.submissionMissing");
      if (p.source === "instructor") return t("why.submissionInstructor", { percent: pct(p.ratio) });
      return t("why.submissionPeers", { count: p.reviews, aggregate: p.aggregate, percent: pct(p.ratio) });
    case "reviewing":
      return t("why.reviewing", { given: p.onTime + p.late, owed: p.owed, onTime: p.onTime, late: p.late, percent: pct(p.ratio) });
    case "calibration":
      return p.accuracy === null ? t("why.calibrationMissing") : t("why.calibration", { percent: pct(p.accuracy) });
    case "helpfulness":
      return t("why.helpfulness", { mean: num(p.mean), count: p.ratings, percent: pct(p.ratio) });
  }
}

/**
 * "Why this grade": each part that counts with what went in, its weight and its points (they add
 * up to the grade), then the parts that did not count and why. Shared by the student's card and
 * the instructor's detail page.
 */
export async function GradeParts({ grade }: { grade: GradeResult }) {
  const [t, format] = await Promise.all([getTranslations("grades"), getFormatter()]);
  const pct = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 0 });
  const num = (v: number) => format.number(v, { maximumFractionDigits: 1 });
  const pts = (v: number) => points(format, v);
  if (grade.pending) return <p className="text-sm text-muted">{t(`pending.${grade.pending}`)}</p>;
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col divide-y divide-line rounded-lg border border-line">
        {grade.parts.map((p) => (
          <li key={p.key} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-3 py-2 text-sm" data-part={p.key}>
            <span className="min-w-0">
              <span className="font-medium">{t(`part.${p.key}`)}</span>
              <span className="block text-muted">{explain(p, t, pct, num)}</span>
            </span>
            <span className="tabular-nums">
              {t("partPoints", { points: pts(p.points), max: pts(p.max) })}
              <span className="block text-right text-xs text-muted">{t("partWeight", { share: pct(p.share) })}</span>
            </span>
          </li>
        ))}
        <li className="flex justify-between gap-4 bg-stone-50 px-3 py-2 text-sm font-semibold tabular-nums">
          <span>{t("computedTotal")}</span>
          <span>{t("outOf100", { points: pts(grade.computed ?? 0) })}</span>
        </li>
      </ul>
      {grade.excluded.length > 0 && (
        <ul className="flex flex-col gap-1 text-xs text-muted">
          {grade.excluded.map((e) => (
            <li key={e.key}>{t(`excluded.${e.reason}`, { part: t(`part.${e.key}`) })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Points with one decimal in the reader's notation (78.5 / 78,5). */
export function points(format: F, v: number): string {
  return format.number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
