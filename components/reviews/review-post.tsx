import { getTranslations } from "next-intl/server";
import type { RubricCriterion } from "@/lib/assignments/types";
import type { ReviewAnchor, ReviewScores } from "@/lib/pairing/types";

/** A submitted review in its thread: each criterion's score and comment, what stands out, the notes it refers to. */
export async function ReviewPost(props: {
  rubric: RubricCriterion[];
  scores: ReviewScores;
  standout: string;
  anchors: ReviewAnchor[];
  threadPath: string;
  reviewedVersion: number | null;
}) {
  const t = await getTranslations("reviews");
  const v = props.reviewedVersion;
  return (
    <div className="flex flex-col gap-4" data-testid="review-post">
      <dl className="flex flex-col gap-3">
        {props.rubric.map((c) => {
          const a = props.scores[c.id];
          return (
            <div key={c.id} className="rounded-lg bg-stone-50 px-3 py-2">
              <dt className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium">{c.title}</span>
                <span className="text-sm font-semibold text-brand-800" aria-label={t("scoreLabel", { n: a?.score ?? 0, scale: c.scale })}>
                  {a?.score ?? "–"} / {c.scale}
                </span>
              </dt>
              {a?.comment.trim() && <dd className="mt-1 text-sm whitespace-pre-wrap break-words">{a.comment.trim()}</dd>}
            </div>
          );
        })}
      </dl>
      {props.standout.trim() && (
        <div>
          <h4 className="text-sm font-medium text-muted">{t("standout")}</h4>
          <p className="mt-1 whitespace-pre-wrap break-words">{props.standout.trim()}</p>
        </div>
      )}
      {props.anchors.length > 0 && (
        <div>
          <h4 className="text-sm font-medium text-muted">{t("refersTo")}</h4>
          <ul className="mt-1 flex flex-col gap-1 text-sm">
            {props.anchors.map((a) => (
              <li key={a.noteId}>
                <a
                  href={`${props.threadPath}${v ? `?v=${v}` : ""}#v${v ?? 1}-${a.canvasIndex}-note-${a.noteId}`}
                  className="text-brand-700 underline-offset-2 hover:underline"
                >
                  {t("quoted", { text: a.text || "…" })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
