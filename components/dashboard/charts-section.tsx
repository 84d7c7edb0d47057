import { getTranslations } from "next-intl/server";
import type { DashboardCharts } from "@/lib/dashboard/types";
import { CompletionCard } from "./chart-completion-card";
import { FitCard } from "./chart-fit-card";

/**
 * The dashboard's two charts side by side on wide screens: completion over time and the fit-score
 * distribution. Each has a heading, a one-line summary and its data as a table; the charts
 * themselves (recharts) load in the browser, on this page only.
 */
export async function ChartsSection({ charts, timeZone, locale }: { charts: DashboardCharts; timeZone: string; locale: string }) {
  const t = await getTranslations({ locale, namespace: "dashboardCharts" });
  return (
    <section aria-labelledby="dashboard-charts-heading" className="flex flex-col gap-4">
      <h2 id="dashboard-charts-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <div className="grid gap-6 lg:grid-cols-2">
        <CompletionCard charts={charts} timeZone={timeZone} locale={locale} />
        <FitCard charts={charts} locale={locale} />
      </div>
    </section>
  );
}
