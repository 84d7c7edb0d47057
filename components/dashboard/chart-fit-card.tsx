import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { DashboardCharts } from "@/lib/dashboard/types";
import { ChartEmpty, ChartFrame } from "./chart-frame";
import { FitChartLoader } from "./chart-loader";
import { ChartTable } from "./chart-table";
import type { FitBar } from "./charts";

/** How many submissions fall in each tenth of the fit score. */
export async function FitCard({ charts, locale }: { charts: DashboardCharts; locale: string }) {
  const t = await getTranslations({ locale, namespace: "dashboardCharts" });
  const { fitBuckets, fitCount } = charts;
  // The bounds may come as shares (0…1, like the fit score itself) or as percent (0…100).
  const scale = Math.max(0, ...fitBuckets.map((b) => b.to)) <= 1 ? 100 : 1;
  const buckets = fitBuckets.map((b) => ({ from: Math.round(b.from * scale), to: Math.round(b.to * scale), count: b.count }));
  const bars: FitBar[] = buckets.map((b) => ({
    label: `${b.from}–${b.to}`,
    title: t("fitRange", { from: b.from, to: b.to }),
    count: b.count,
    countText: t("fitBar", { count: b.count }),
  }));

  const high = buckets.filter((b) => b.from >= 50).reduce((sum, b) => sum + b.count, 0);
  const commonest = bars.reduce<FitBar | undefined>((best, b) => (!best || b.count > best.count ? b : best), undefined);
  const number = new Intl.NumberFormat(locale);
  const half = new Intl.NumberFormat(locale, { style: "percent" }).format(0.5);
  const summary = t("fitSummary", { high, total: fitCount, half, range: commonest?.title ?? "–" });

  return (
    <Card aria-labelledby="chart-fit-heading" className="flex min-w-0 flex-col gap-3">
      <div>
        <h3 id="chart-fit-heading" className="font-semibold">
          {t("fitTitle")}
        </h3>
        {fitCount > 0 && <p className="mt-1 text-sm text-muted">{summary}</p>}
      </div>
      {fitCount === 0 ? (
        <ChartEmpty title={t("fitEmpty")} hint={t("fitEmptyHint")} />
      ) : (
        <>
          <p className="text-xs text-muted">{t("fitCount", { count: fitCount })}</p>
          <ChartFrame label={t("fitAria", { summary })}>
            <FitChartLoader bars={bars} axisLabel={t("fitAxis")} />
          </ChartFrame>
          <ChartTable
            toggle={t("showTable")}
            caption={t("fitCaption")}
            columns={[t("colRange"), t("colCount")]}
            rows={bars.map((b) => ({ key: b.label, cells: [b.title, number.format(b.count)] }))}
          />
        </>
      )}
    </Card>
  );
}
