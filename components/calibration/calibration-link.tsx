import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageDb } from "@/db/replica";
import type { AssignmentRow } from "@/lib/assignments/store";
import { exampleCounts } from "@/lib/calibration/authoring";

/** In the instructor's assignment panel: the way to the calibration examples, with their state. */
export async function CalibrationLink({ assignment }: { assignment: AssignmentRow }) {
  const [counts, t] = await Promise.all([exampleCounts(await pageDb(), assignment), getTranslations("calibration.panel")]);
  const none = assignment.calibration === "required" && counts.ready === 0;
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="calibration-link">
      <Link href={`/cohorts/${assignment.cohortId}/calibration/${assignment.id}/examples`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("link")}
      </Link>
      <span className={none ? "rounded-md bg-amber-50 px-2 py-0.5 text-amber-900" : "text-muted"}>
        {none ? t("requiredNone") : t("status", { mode: assignment.calibration, count: counts.ready })}
      </span>
    </p>
  );
}
