import { getFormatter, getTranslations } from "next-intl/server";
import { criteriaOf } from "@/lib/grades/compute";
import type { GradeDetail } from "@/lib/grades/detail";

/**
 * The received scores per criterion, review by review, with what they combine to, next to the
 * student's self-assessment and the instructor's assessment where those exist.
 */
export async function ReceivedScores({ detail }: { detail: GradeDetail }) {
  const [t, format] = await Promise.all([getTranslations("grades"), getFormatter()]);
  const { assignment: a, received, self, assessment } = detail;
  // What the reviews combine to (mean or median), as the grade combines them (also when the instructor's assessment replaces them).
  const combined = new Map(criteriaOf(a.rubric, received.map((r) => r.scores), a.aggregate).map((c) => [c.id, c.value]));
  const num = (v: number | null | undefined) => (v === null || v === undefined ? "–" : format.number(v, { maximumFractionDigits: 1 }));
  if (received.length === 0 && !self && !assessment) return <p className="rounded-xl border border-dashed border-line bg-white p-4 text-sm text-muted">{t("received.none")}</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-white" tabIndex={0} role="region" aria-labelledby="received-heading">
      <table className="w-full min-w-max text-left text-sm">
        <thead className="border-b border-line bg-stone-50 text-xs text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("received.criterion")}
            </th>
            {received.map((r) => (
              <th key={r.id} scope="col" className="px-3 py-2 font-medium">
                {r.reviewerName}
              </th>
            ))}
            {received.length > 0 && (
              <th scope="col" className="px-3 py-2 font-medium">
                {t(`received.${a.aggregate}`)}
              </th>
            )}
            {self && (
              <th scope="col" className="px-3 py-2 font-medium">
                {t("received.self")}
              </th>
            )}
            {assessment && (
              <th scope="col" className="px-3 py-2 font-medium">
                {t("received.instructor")}
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-line tabular-nums">
          {a.rubric.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="px-3 py-2 font-medium">
                {c.title}
                <span className="block text-xs font-normal text-muted">{t("received.scale", { scale: c.scale })}</span>
              </th>
              {received.map((r) => (
                <td key={r.id} className="px-3 py-2">
                  {num(r.scores[c.id]?.score)}
                </td>
              ))}
              {received.length > 0 && <td className="px-3 py-2 font-semibold">{num(combined.get(c.id))}</td>}
              {self && <td className="px-3 py-2">{num(self.scores[c.id]?.score)}</td>}
              {assessment && <td className="px-3 py-2">{num(assessment.scores[c.id]?.score)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {self?.comment && (
        <p className="border-t border-line px-3 py-2 text-sm">
          <span className="font-medium">{t("received.selfComment")}</span> {self.comment}
        </p>
      )}
    </div>
  );
}
