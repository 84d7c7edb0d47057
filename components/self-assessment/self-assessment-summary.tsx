import { getTranslations } from "next-intl/server";
import type { RubricCriterion } from "@/lib/assignments/types";
import type { ReviewScores } from "@/lib/pairing/types";

/** A given self-assessment, read-only: per criterion the points and the comment, then the closing comment. */
export async function SelfAssessmentSummary({ rubric, scores, comment }: { rubric: RubricCriterion[]; scores: ReviewScores; comment: string }) {
  const t = await getTranslations("selfAssessment");
  return (
    <div className="flex flex-col gap-4" data-testid="self-assessment-summary">
      <dl className="flex flex-col gap-3">
        {rubric.map((c) => {
          const a = scores[c.id];
          return (
            <div key={c.id} className="grid grid-cols-[1fr_auto] items-baseline gap-x-3 gap-y-1">
              <dt className="font-medium">{c.title}</dt>
              <dd className="rounded-full bg-brand-50 px-2.5 py-0.5 text-sm font-medium text-brand-900">
                {a?.score != null ? t("points", { score: a.score, scale: c.scale }) : "–"}
              </dd>
              {a?.comment && <dd className="col-span-2 text-sm whitespace-pre-line break-words text-stone-700">{a.comment}</dd>}
            </div>
          );
        })}
      </dl>
      {comment && (
        <div className="flex flex-col gap-1 border-t border-line pt-3">
          <h3 className="text-sm font-medium">{t("closingComment")}</h3>
          <p className="text-sm whitespace-pre-line break-words text-stone-700">{comment}</p>
        </div>
      )}
    </div>
  );
}
