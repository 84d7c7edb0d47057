"use client";

import { useTranslations } from "next-intl";
import type { FitResult } from "@/lib/canvas/fit";

/** The live fit of a Value Proposition Canvas above the board, announced politely as it changes. */
export function FitPanel({ fit }: { fit: FitResult }) {
  const t = useTranslations("editor");
  const pct = fit.score === null ? null : Math.round(fit.score * 100);
  return (
    <aside aria-labelledby="fit-heading" className="grid gap-x-6 gap-y-3 rounded-xl border border-line bg-white p-4 md:grid-cols-[minmax(10rem,14rem)_1fr_1fr]">
      <div>
        <h2 id="fit-heading" className="text-sm font-semibold">
          {t("fitTitle")}
        </h2>
        <p aria-live="polite" className="mt-1 flex items-baseline gap-2">
          <span className="text-sm text-muted">{t("fitScore")}:</span>
          <span className="text-2xl font-semibold tabular-nums" data-testid="fit-score">
            {pct === null ? "–" : `${pct} %`}
          </span>
        </p>
        {pct !== null && (
          <div className="mt-2 h-2 overflow-hidden rounded-full bg-stone-200" aria-hidden>
            <div className="h-full rounded-full bg-brand-500 transition-[width]" style={{ width: `${pct}%` }} />
          </div>
        )}
        {pct === null && <p className="mt-1 text-xs text-muted">{t("fitNone")}</p>}
      </div>
      {fit.mapBeforeProfile && <p className="self-start rounded-lg bg-sky-50 p-2 text-xs text-sky-900 md:col-span-2">{t("nudgeProfileFirst")}</p>}
      {pct !== null && (
        <>
          {fit.unaddressed.length === 0 ? (
            <p className="text-xs text-brand-700">{t("fitAllAddressed")}</p>
          ) : (
            <div className="text-xs">
              <h3 className="font-medium">{t("fitUnaddressed")}</h3>
              <ul className="mt-1 list-disc pl-4 text-stone-700">
                {fit.unaddressed.slice(0, 5).map((item) => (
                  <li key={item.noteId} className="note-text">
                    {item.text || "…"}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {fit.unlinked.length > 0 && (
            <div className="text-xs">
              <h3 className="font-medium">{t("fitUnlinked")}</h3>
              <ul className="mt-1 list-disc pl-4 text-stone-700">
                {fit.unlinked.map((item) => (
                  <li key={item.noteId} className="note-text">
                    {item.text || "…"}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </aside>
  );
}
