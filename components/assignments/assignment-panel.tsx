import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CalibrationLink } from "@/components/calibration/calibration-link";
import { ClientMessages } from "@/components/client-messages";
import { Markdown } from "@/components/markdown";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { pageDb } from "@/db/replica";
import { candidateCanvases, getOwnSubmission, type AssignmentRow } from "@/lib/assignments/store";
import { calibrationGate } from "@/lib/calibration/queries";
import { AssignmentReviews } from "@/components/reviews/assignment-reviews";
import { pairIfDue } from "@/lib/pairing/store";
import { SubmitForm } from "./submit-form";

/** The lesson's assignment: what to hand in by when, the checklist, and the student's submission. */
export async function AssignmentPanel(props: {
  assignment: AssignmentRow;
  timeZone: string;
  role: "student" | "instructor";
  userId: string;
  lessonHref: string;
  lessonTitle: string;
}) {
  const { assignment: a, timeZone } = props;
  const [t, tk, format] = await Promise.all([getTranslations("assignment"), getTranslations("canvas.kinds"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "full", timeStyle: "short", timeZone });
  const now = new Date();
  const overdue = now > a.submissionDue;
  // Opening the assignment after its deadline runs the pairing if no sweep did yet (on the primary):
  // then the panel reads what that wrote from there too, not from a read replica that may lack it.
  const pairing = !a.pairedAt && overdue;
  const db = pairing ? getDb() : await pageDb();
  if (pairing) await pairIfDue(db, a, now);
  // The student's submission, their canvases and (with calibration on) where they stand with it, side by side.
  const [submission, candidates, gate] =
    props.role === "student"
      ? await Promise.all([
          getOwnSubmission(db, a.id, props.userId),
          candidateCanvases(db, a, props.userId),
          a.calibration === "off" ? null : calibrationGate(db, a, props.userId),
        ])
      : [null, [], null];
  const latest = submission?.versions[0];
  const preselected = latest?.canvasIds ?? [];

  return (
    <Card aria-labelledby="assignment-heading" className="flex flex-col gap-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm font-medium text-brand-700">{t("label")}</p>
          <h2 id="assignment-heading" className="mt-1 text-xl font-semibold">
            {t("heading", { list: a.requirements.map((r) => `${r.count} × ${tk(r.template)}`).join(", ") })}
          </h2>
        </div>
        {props.role === "instructor" && (
          <Link href={`${props.lessonHref}/assignment`} className={buttonClasses("secondary", "px-3 py-1.5")}>
            {t("edit")}
          </Link>
        )}
      </header>

      {/* A <dl> may hold only dt/dd groups (or divs of them): the note about the time zone sits after it. */}
      <div className="flex flex-col gap-3 text-sm">
        <dl className="grid gap-3 sm:grid-cols-2">
          <div className="rounded-lg bg-stone-50 p-3">
            <dt className="text-muted">{t("submissionDue")}</dt>
            <dd className="font-medium">
              <time dateTime={a.submissionDue.toISOString()}>{when(a.submissionDue)}</time>
            </dd>
          </div>
          <div className="rounded-lg bg-stone-50 p-3">
            <dt className="text-muted">{t("reviewDue")}</dt>
            <dd className="font-medium">
              <time dateTime={a.reviewDue.toISOString()}>{when(a.reviewDue)}</time>
            </dd>
          </div>
        </dl>
        <p className="text-xs text-muted">
          {t("timeZoneNote", { zone: timeZone })} · {t("reviewsEach", { count: a.reviewsPerStudent })}
          {a.anonymity !== "named" ? ` · ${t(a.anonymity === "double" ? "anonymous" : "reviewersAnonymous")}` : ""}
        </p>
      </div>

      {props.role === "instructor" && <CalibrationLink assignment={a} />}
      {a.instructionsMd.trim() && <Markdown className="prose-lesson text-[0.95rem]">{a.instructionsMd}</Markdown>}

      {props.role === "student" && (
        <section aria-labelledby="submission-heading" className="flex flex-col gap-4 border-t border-line pt-6">
          <h3 id="submission-heading" className="text-lg font-semibold">
            {t("yourSubmission")}
          </h3>
          {submission && latest ? (
            <p className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900" data-testid="submission-status">
              {t(latest.late ? "submittedLate" : "submittedOnTime", { version: latest.version, when: when(latest.submittedAt) })}{" "}
              <Link href={`/cohorts/${a.cohortId}/forum/${submission.threadId}`} className="font-medium underline">
                {t("toThread")}
              </Link>
            </p>
          ) : (
            !a.gradesReleasedAt && (
              <p className={overdue ? "rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" : "text-sm text-muted"}>
                {overdue ? t("overdue") : t("notYet", { when: format.relativeTime(a.submissionDue, now) })}
              </p>
            )
          )}
          {a.gradesReleasedAt ? (
            // Released grades rest on what was handed in: no new versions (lib/assignments/store.ts submit).
            <p className="text-sm text-muted" data-testid="submission-final">
              {t("gradesReleased")}
            </p>
          ) : (
            <ClientMessages namespaces={["assignment", "canvas"]}>
              <SubmitForm
                cohortId={a.cohortId}
                assignmentId={a.id}
                requirements={a.requirements}
                candidates={candidates}
                preselected={preselected}
                resubmit={Boolean(submission)}
              />
            </ClientMessages>
          )}
        </section>
      )}
      {(props.role === "instructor" || submission) && (
        <AssignmentReviews
          db={db}
          assignment={a}
          role={props.role}
          userId={props.userId}
          timeZone={timeZone}
          threadHref={submission ? `/cohorts/${a.cohortId}/forum/${submission.threadId}` : null}
          lessonTitle={props.lessonTitle}
          calibration={gate}
        />
      )}
    </Card>
  );
}
