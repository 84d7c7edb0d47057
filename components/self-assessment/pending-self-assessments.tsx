import type { DbOrTx } from "@/db";
import { pendingSelfAssessments } from "@/lib/self-assessment/queries";
import { SelfAssessmentCallout } from "./self-assessment-callout";

/** The student's self-assessments still to give in a cohort, one callout each (nothing when there are none). */
export async function PendingSelfAssessments({ db, cohortId, userId }: { db: DbOrTx; cohortId: string; userId: string }) {
  const pending = await pendingSelfAssessments(db, cohortId, userId);
  if (pending.length === 0) return null;
  return (
    <div className="flex flex-col gap-3">
      {pending.map((p) => (
        <SelfAssessmentCallout key={p.assignmentId} cohortId={cohortId} assignmentId={p.assignmentId} lessonTitle={p.lessonTitle} waiting={p.waiting} />
      ))}
    </div>
  );
}
