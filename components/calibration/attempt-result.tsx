import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import type { AttemptResult } from "@/lib/calibration/queries";
import { FAR_OFF } from "@/lib/calibration/accuracy";

export const percent = (accuracy: number) => Math.round(accuracy * 100);

/** The student's attempt beside the instructor's assessment: overall agreement, then per criterion the two scores, the difference and why. */
export async function AttemptResultView({ result, anotherExample }: { result: AttemptResult; anotherExample: boolean }) {
  const t = await getTranslations("calibration");
  const far = result.accuracy < FAR_OFF;
  const points = (score: number | null, scale: number) => (score === null ? t("noPoints") : t("points", { score, scale }));
  const difference = (d: number | null) => (d === null ? t("noPoints") : d === 0 ? t("same") : d > 0 ? t("higher", { count: d }) : t("lower", { count: -d }));
  return (
    <div className="flex flex-col gap-6">
      <section
        aria-labelledby="agreement-heading"
        className={cn("flex flex-col gap-2 rounded-xl border p-5", far ? "border-amber-200 bg-amber-50 text-amber-950" : "border-emerald-200 bg-emerald-50 text-emerald-950")}
        data-testid="calibration-agreement"
      >
        <h2 id="agreement-heading" className="text-sm font-medium">
          {t("agreementLabel")}
        </h2>
        <p className="text-3xl font-semibold tabular-nums">{t("agreement", { percent: percent(result.accuracy) })}</p>
        <p>{far ? (anotherExample ? t("farOff") : t("farOffNoMore")) : t("close")}</p>
      </section>

      <section aria-labelledby="comparison-heading" className="flex flex-col gap-3">
        <h2 id="comparison-heading" className="text-lg font-semibold">
          {t("comparison")}
        </h2>
        <ul className="flex flex-col gap-3">
          {result.criteria.map((c) => (
            <li key={c.id} className="rounded-xl border border-line bg-white p-4 shadow-xs" data-testid="calibration-criterion">
              <h3 id={`criterion-${c.id}`} className="font-semibold">
                {c.title}
              </h3>
              <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
                <div className="rounded-lg bg-stone-50 p-2">
                  <dt className="text-muted">{t("yours")}</dt>
                  <dd className="font-medium tabular-nums">{points(c.student, c.scale)}</dd>
                </div>
                <div className="rounded-lg bg-stone-50 p-2">
                  <dt className="text-muted">{t("instructors")}</dt>
                  <dd className="font-medium tabular-nums">{points(c.instructor, c.scale)}</dd>
                </div>
                <div className={cn("rounded-lg p-2", c.difference === 0 ? "bg-emerald-50" : "bg-amber-50")}>
                  <dt className="text-muted">{t("difference")}</dt>
                  <dd className="font-medium">{difference(c.difference)}</dd>
                </div>
              </dl>
              {c.why && (
                <div className="mt-3 text-sm">
                  <p className="font-medium">{t("why")}</p>
                  <p className="whitespace-pre-line break-words">{c.why}</p>
                </div>
              )}
              {c.studentComment && <p className="mt-2 text-sm whitespace-pre-line break-words text-muted">{t("yourComment", { comment: c.studentComment })}</p>}
            </li>
          ))}
        </ul>
      </section>

      {(result.instructorStandout || result.studentStandout) && (
        <section className="grid gap-3 sm:grid-cols-2">
          {result.instructorStandout && (
            <div className="rounded-xl border border-line bg-white p-4 text-sm shadow-xs">
              <h2 className="font-semibold">{t("instructorSummary")}</h2>
              <p className="mt-1 whitespace-pre-line break-words">{result.instructorStandout}</p>
            </div>
          )}
          {result.studentStandout && (
            <div className="rounded-xl border border-line bg-white p-4 text-sm shadow-xs">
              <h2 className="font-semibold">{t("yourStandout")}</h2>
              <p className="mt-1 whitespace-pre-line break-words text-muted">{result.studentStandout}</p>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
