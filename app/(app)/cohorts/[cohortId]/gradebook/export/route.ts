import { getTranslations } from "next-intl/server";
import { pageDb } from "@/db/replica";
import { getCurrentUser, isUuid } from "@/lib/auth/session";
import { csvResponse } from "@/lib/csv";
import { gradebookCsv, type GradebookLabels } from "@/lib/grades/export";

type Context = { params: Promise<{ cohortId: string }> };

// Nothing for anyone but the cohort's instructors and admins: the same 404 as for a cohort that doesn't exist.
const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** The gradebook as CSV (every student, every assignment, the totals), ready for an LMS import. */
export async function GET(_request: Request, { params }: Context) {
  const { cohortId } = await params;
  const user = await getCurrentUser();
  if (!user || !isUuid(cohortId)) return notFound();
  const t = await getTranslations("grades");
  const labels: GradebookLabels = { column: (key, values) => t(`csv.${key}`, values as never) };
  const result = await gradebookCsv(await pageDb(), user, cohortId, labels);
  return result ? csvResponse(result.filename, result.body) : notFound();
}
