import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { pageDb } from "@/db/replica";
import type { CalibrationMode } from "@/lib/assignments/types";
import { calibrationGate } from "@/lib/calibration/queries";

/**
 * For a review page: when calibration is required and the reviewer has not calibrated yet, says so
 * with the way there (the review store refuses drafts and submits until then). Nothing otherwise.
 */
export async function CalibrationGateNotice(props: { cohortId: string; assignment: { id: string; calibration: CalibrationMode }; userId: string }) {
  if (props.assignment.calibration !== "required") return null;
  const [gate, t] = await Promise.all([calibrationGate(await pageDb(), props.assignment, props.userId), getTranslations("calibration.callout")]);
  if (!gate.required || gate.done) return null;
  return (
    <p role="note" className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-amber-950" data-testid="calibration-gate">
      <span>{t("todo", { mode: "required" })}</span>
      <Link href={`/cohorts/${props.cohortId}/calibration/${props.assignment.id}`} className={buttonClasses("primary", "px-3 py-1.5")}>
        {t("start")}
      </Link>
    </p>
  );
}
