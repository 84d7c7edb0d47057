import { getFormatter, getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import { selfPeerTone, type Comparison } from "@/lib/self-assessment/compare";

const toneClass = { over: "bg-amber-50 text-amber-900", under: "bg-sky-50 text-sky-900", close: "bg-brand-50 text-brand-900" } as const;

const pct = (v: number) => Math.round(v * 100);

/** Per criterion: the student's own points, the mean of the points received, and the difference; then overall on 0–100 %. */
export async function SelfVsPeerTable({
  comparison,
  caption,
  perspective = "student",
}: {
  comparison: Comparison;
  caption: string;
  /** Who reads it: the student ("You") or an instructor ("Self"). */
  perspective?: "student" | "instructor";
}) {
  const [t, format] = await Promise.all([getTranslations("selfAssessment"), getFormatter()]);
  const num = (n: number) => format.number(n, { maximumFractionDigits: 1 });
  const signed = (n: number, digits = 1) => format.number(n, { maximumFractionDigits: digits, signDisplay: "exceptZero" });
  const tone = selfPeerTone(comparison.self, comparison.peer);
  const cell = "px-3 py-2 text-left align-top";
  return (
    <div className="flex flex-col gap-2">
      {/* Scrolls sideways on a phone: a region the keyboard can reach and scroll. */}
      <div tabIndex={0} role="region" aria-label={caption} className="overflow-x-auto rounded-xl border border-line bg-white shadow-xs">
        <table className="w-full min-w-[32rem] text-sm" data-testid="self-vs-peer">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-stone-50 text-muted">
            <tr>
              <th scope="col" className={cell}>
                {t("criterion")}
              </th>
              <th scope="col" className={cell}>
                {perspective === "student" ? t("you") : t("self")}
              </th>
              <th scope="col" className={cell}>
                {t("peers")}
              </th>
              <th scope="col" className={cell}>
                {t("difference")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {comparison.criteria.map((c) => (
              <tr key={c.id}>
                <th scope="row" className={cn(cell, "font-medium")}>
                  {c.title}
                </th>
                <td className={cell}>{c.self !== null ? t("points", { score: c.self, scale: c.scale }) : "–"}</td>
                <td className={cell}>
                  {c.peer !== null ? (
                    <>
                      {t("peerMean", { mean: num(c.peer), scale: c.scale })}
                      <span className="block text-xs text-muted">{t("peerCount", { count: c.peerCount })}</span>
                    </>
                  ) : (
                    "–"
                  )}
                </td>
                <td className={cn(cell, "tabular-nums")}>{c.diff !== null ? signed(c.diff) : "–"}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-line bg-stone-50 font-medium">
            <tr>
              <th scope="row" className={cell}>
                {t("overall")}
              </th>
              <td className={cell}>{comparison.self !== null ? t("percent", { n: pct(comparison.self) }) : "–"}</td>
              <td className={cell}>{comparison.peer !== null ? t("percent", { n: pct(comparison.peer) }) : "–"}</td>
              <td className={cn(cell, "tabular-nums")}>{comparison.diff !== null ? signed(pct(comparison.diff), 0) : "–"}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {tone && <p className={cn("rounded-lg px-3 py-2 text-sm", toneClass[tone])}>{perspective === "student" ? t(`tone.${tone}`) : t(`toneOther.${tone}`)}</p>}
    </div>
  );
}

/** The compact form for lists (dashboard, gradebook): "Self 80 % · peers 65 % · higher than peers", both on 0…1. */
export async function SelfPeerIndicator({ self, peer }: { self: number | null; peer: number | null }) {
  const t = await getTranslations("selfAssessment");
  if (self === null) return <span className="rounded-full bg-stone-100 px-2.5 py-0.5 text-xs font-medium text-stone-600">{t("notYet")}</span>;
  const tone = selfPeerTone(self, peer);
  const values = { self: t("percent", { n: pct(self) }), peer: peer !== null ? t("percent", { n: pct(peer) }) : "–" };
  return (
    <span className={cn("rounded-full px-2.5 py-0.5 text-xs font-medium", tone ? toneClass[tone] : "bg-stone-100 text-stone-700")} data-testid="self-peer-indicator">
      {t("indicator", values)}
      {tone && ` · ${t(`short.${tone}`)}`}
    </span>
  );
}
