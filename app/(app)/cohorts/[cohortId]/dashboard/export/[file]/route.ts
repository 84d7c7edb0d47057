import { getTranslations } from "next-intl/server";
import { pageDb } from "@/db/replica";
import { getCurrentUser, isUuid } from "@/lib/auth/session";
import { csvResponse } from "@/lib/csv";
import { matrixCsv, reviewsCsv, type ExportLabels } from "@/lib/dashboard/export";
import { matrixQuery, parseDashboardParams } from "@/lib/validation/dashboard";

type Context = { params: Promise<{ cohortId: string; file: string }> };

// Nothing for anyone but the cohort's instructors and admins: the same 404 as for a cohort that doesn't exist.
const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** CSV downloads of the dashboard: `matrix.csv` (with the dashboard's search, filter and order) and `reviews.csv`. */
export async function GET(request: Request, { params }: Context) {
  const { cohortId, file } = await params;
  const user = await getCurrentUser();
  if (!user || !isUuid(cohortId) || (file !== "matrix.csv" && file !== "reviews.csv")) return notFound();
  const t = await getTranslations("dashboard");
  const labels: ExportLabels = {
    column: (key, values) => t(`csv.${key}` as never, values as never),
    status: (s) => t(`status.${s}`),
    kind: (k) => t(`kind.${k}`),
    reviewStatus: (s) => t(`reviewStatus.${s}`),
  };
  const db = await pageDb();
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const result =
    file === "matrix.csv" ? await matrixCsv(db, user, cohortId, matrixQuery(parseDashboardParams(search)), labels) : await reviewsCsv(db, user, cohortId, labels);
  return result ? csvResponse(result.filename, result.body) : notFound();
}
