import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { DashboardCharts } from "@/lib/dashboard/types";
import { CompletionChartLoader } from "./chart-loader";
import { CHART_COLORS, ChartLegend } from "./chart-legend";
import { ChartTable } from "./chart-table";
import { ChartEmpty, ChartFrame } from "./chart-frame";
import type { CompletionPoint } from "./charts";

/** Share of what is expected, capped at 100 %; null when nothing is expected (no division by zero). */
function share(count: number, expected: number): number | null {
  return expected > 0 ? Math.min(1, Math.max(0, count / expected)) : null;
}

/** Cumulative submissions and reviews per day, as percent of what the cohort owes. */
export async function CompletionCard({ charts, timeZone, locale }: { charts: DashboardCharts; timeZone: string; locale: string }) {
  const t = await getTranslations({ locale, namespace: "dashboardCharts" });
  const { completion, expectedSubmissions, expectedReviews } = charts;
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(locale);
  const pct = (s: number | null) => (s === null ? "–" : percent.format(s));
  const countShare = (count: number, s: number | null) => (s === null ? number.format(count) : t("countShare", { count, pct: pct(s) }));
  // The days are calendar days of the cohort's zone already: format them as UTC so none shifts.
  const dayOf = (day: string) => new Date(`${day}T00:00:00Z`);
  const short = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const long = new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const medium = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

  const rows = completion.map((d) => ({
    ...d,
    date: dayOf(d.day),
    s: share(d.submitted, expectedSubmissions),
    r: share(d.reviewed, expectedReviews),
  }));
  const points: CompletionPoint[] = rows.map((d) => ({
    day: d.day,
    label: short.format(d.date),
    title: long.format(d.date),
    submittedPct: d.s === null ? null : Math.round(d.s * 1000) / 10,
    reviewedPct: d.r === null ? null : Math.round(d.r * 1000) / 10,
    submittedText: d.s === null ? "–" : t("countOfTotal", { count: d.submitted, total: expectedSubmissions, pct: pct(d.s) }),
    reviewedText: d.r === null ? "–" : t("countOfTotal", { count: d.reviewed, total: expectedReviews, pct: pct(d.r) }),
  }));

  const first = rows[0];
  const last = rows.at(-1);
  const emptyMessage =
    !first || !last
      ? t("completionEmpty")
      : expectedSubmissions === 0 && expectedReviews === 0
        ? t("completionNothingExpected")
        : null;
  const summary =
    expectedReviews === 0
      ? t("completionSummaryNoReviews", { submitted: pct(last?.s ?? null) })
      : t("completionSummary", { submitted: pct(last?.s ?? null), reviewed: pct(last?.r ?? null) });
  const names = { submitted: t("seriesSubmitted"), reviewed: t("seriesReviewed") };

  return (
    <Card aria-labelledby="chart-completion-heading" className="flex min-w-0 flex-col gap-3">
      <div>
        <h3 id="chart-completion-heading" className="font-semibold">
          {t("completionTitle")}
        </h3>
        {!emptyMessage && <p className="mt-1 text-sm text-muted">{summary}</p>}
      </div>
      {emptyMessage || !first || !last ? (
        <ChartEmpty title={emptyMessage ?? ""} />
      ) : (
        <>
          <ChartLegend
            items={[
              { name: names.submitted, color: CHART_COLORS.submitted },
              ...(expectedReviews > 0 ? [{ name: names.reviewed, color: CHART_COLORS.reviewed, dashed: true }] : []),
            ]}
          />
          <ChartFrame label={t("completionAria", { first: medium.format(first.date), last: medium.format(last.date), summary })}>
            <CompletionChartLoader points={points} locale={locale} names={names} />
          </ChartFrame>
          <ChartTable
            toggle={t("showTable")}
            caption={t("completionCaption", { timeZone, expectedSubmissions, expectedReviews })}
            columns={[t("colDay"), t("colSubmitted"), t("colReviewed")]}
            rows={rows.map((d) => ({
              key: d.day,
              cells: [
                <time key="day" dateTime={d.day}>
                  {medium.format(d.date)}
                </time>,
                countShare(d.submitted, d.s),
                countShare(d.reviewed, d.r),
              ],
            }))}
          />
        </>
      )}
    </Card>
  );
}
