import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { pageDb } from "@/db/replica";
import type { CalibrationMode } from "@/lib/assignments/types";
import { calibrationGate, type CalibrationGate } from "@/lib/calibration/queries";
import { percent } from "./attempt-result";

type Props = { cohortId: string; assignment: { id: string; calibration: CalibrationMode }; userId: string; lessonTitle: string };

/**
 * A student's way to an assignment's calibration, with where they stand: "calibrate before your
 * first review" (amber when required: the review store refuses drafts until then) or how well they
 * agreed, with the way back to the comparison. Nothing when calibration is off or no example is
 * ready; one query otherwise. `blockingOnly` (the review page) shows it only while it blocks.
 */
export async function CalibrationGateNotice(props: Props & { blockingOnly?: boolean }) {
  if (props.assignment.calibration === "off") return null;
  const gate = await calibrationGate(await pageDb(), props.assignment, props.userId);
  if (props.blockingOnly && !(gate.required && gate.attempts === 0)) return null;
  return <CalibrationNotice {...props} gate={gate} />;
}

/** The notice for a standing read elsewhere (the assignment panel reads it beside its other queries). */
export async function CalibrationNotice(props: Omit<Props, "userId"> & { gate: CalibrationGate }) {
  const { gate } = props;
  const done = gate.attempts > 0;
  if (props.assignment.calibration === "off" || (!done && !gate.nextExampleId)) return null;
  const t = await getTranslations("calibration.callout");
  const blocking = gate.required && !done;
  return (
    <p
      role="note"
      className={
        blocking
          ? "flex flex-wrap items-center justify-between gap-3 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950"
          : "flex flex-wrap items-center justify-between gap-3 rounded-xl border border-line bg-stone-50 px-4 py-3 text-sm"
      }
      data-testid="calibration-gate"
    >
      <span>{done && gate.bestAccuracy !== null ? t("done", { percent: percent(gate.bestAccuracy) }) : t("todo", { mode: props.assignment.calibration })}</span>
      <Link
        href={`/cohorts/${props.cohortId}/calibration/${props.assignment.id}`}
        className={buttonClasses(done ? "secondary" : "primary", "px-3 py-1.5")}
        aria-label={done ? t("resultLabel", { lesson: props.lessonTitle }) : t("startLabel", { lesson: props.lessonTitle })}
      >
        {done ? t("result") : t("start")}
      </Link>
    </p>
  );
}
