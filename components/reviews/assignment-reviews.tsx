import Link from "next/link";
import { hidesReviewers } from "@/lib/reviews/anonymity";
import { and, asc, count, eq } from "drizzle-orm";
import { getFormatter, getTranslations } from "next-intl/server";
import { CalibrationNotice } from "@/components/calibration/calibration-gate-notice";
import type { CalibrationGate } from "@/lib/calibration/queries";
import { ClientMessages } from "@/components/client-messages";
import type { Db } from "@/db";
import { reviews, submissions, users } from "@/db/schema";
import type { AssignmentRow } from "@/lib/assignments/store";
import { pairingSummary } from "@/lib/pairing/store";
import { reviewStanding, reviewTasks } from "@/lib/reviews/queries";
import { SelfAssessmentCallout } from "@/components/self-assessment/self-assessment-callout";
import { receivedLock } from "@/lib/reviews/visibility";
import { PairNowButton } from "./pair-now-button";
import { ReviewTasks } from "./review-tasks";

/** Peer feedback on the lesson's assignment: for students their tasks and standing, for instructors the pairing. */
export async function AssignmentReviews(props: {
  /** Where the panel reads from: the page's database, or the primary right after this render paired the assignment. */
  db: Db;
  assignment: AssignmentRow;
  role: "student" | "instructor";
  userId: string;
  timeZone: string;
  threadHref: string | null;
  lessonTitle: string;
  /** The student's calibration standing, read by the panel beside its other queries (null when off). */
  calibration?: CalibrationGate | null;
}) {
  const { assignment: a, db } = props;
  const [t, format] = await Promise.all([getTranslations("reviews"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: props.timeZone });

  if (props.role === "instructor") {
    const [summary, [submitted]] = await Promise.all([
      pairingSummary(db, a),
      db.select({ n: count() }).from(submissions).where(eq(submissions.assignmentId, a.id)),
    ]);
    return (
      <section aria-labelledby="peer-heading" className="flex flex-col gap-3 border-t border-line pt-6" data-testid="pairing-summary">
        <h3 id="peer-heading" className="text-lg font-semibold">
          {t("peerFeedback")}
        </h3>
        {summary ? (
          <>
            <p className="text-sm">
              {t("pairedSummary", { submitters: summary.submitters, when: when(summary.pairedAt), trigger: summary.trigger })}
            </p>
            <ul className="flex flex-wrap gap-2 text-sm">
              <li className="rounded-lg bg-stone-50 px-3 py-1.5">{t("statOpen", { count: summary.open })}</li>
              <li className="rounded-lg bg-stone-50 px-3 py-1.5">{t("statSubmitted", { count: summary.submitted })}</li>
              {summary.expired > 0 && <li className="rounded-lg bg-amber-50 px-3 py-1.5 text-amber-900">{t("statExpired", { count: summary.expired })}</li>}
              {summary.poolSlots > 0 && (
                <li className="rounded-lg bg-amber-50 px-3 py-1.5 text-amber-900">
                  <Link href={`/cohorts/${a.cohortId}/reviews`} className="underline underline-offset-2">
                    {t("statPool", { count: summary.poolSlots })}
                  </Link>
                </li>
              )}
            </ul>
            {summary.poolSlots > 0 && summary.submitters <= a.reviewsPerStudent && <p className="text-sm text-muted">{t("fewSubmitters", { k: a.reviewsPerStudent })}</p>}
          </>
        ) : (
          <>
            <p className="text-sm text-muted">
              {a.pairingMode === "rolling"
                ? t("notPairedRolling", { count: submitted?.n ?? 0, needed: a.reviewsPerStudent + 1 })
                : t("notPairedDeadline", { count: submitted?.n ?? 0, when: when(a.submissionDue) })}
            </p>
            <ClientMessages namespaces={["reviews"]}>
              <PairNowButton cohortId={a.cohortId} assignmentId={a.id} submitted={submitted?.n ?? 0} />
            </ClientMessages>
          </>
        )}
      </section>
    );
  }

  const [standing, tasks, reviewers] = await Promise.all([
    reviewStanding(db, props.userId, a),
    reviewTasks(db, props.userId, a.cohortId),
    // Who reviews this student's submission, in the order assigned ("Reviewer 1, 2, …" under anonymity, as in the thread).
    db
      .select({ id: reviews.id, name: users.name, status: reviews.status })
      .from(reviews)
      .innerJoin(submissions, eq(submissions.id, reviews.submissionId))
      .innerJoin(users, eq(users.id, reviews.reviewerId))
      .where(and(eq(submissions.assignmentId, a.id), eq(submissions.authorId, props.userId)))
      .orderBy(asc(reviews.assignedAt), asc(reviews.id)),
  ]);
  const mine = tasks.filter((task) => task.assignmentId === a.id);
  const lock = receivedLock(a, new Date(), { owed: standing.owed, done: standing.given, selfAssessed: standing.selfAssessed ?? true });
  return (
    <section aria-labelledby="peer-heading" className="flex flex-col gap-3 border-t border-line pt-6" data-testid="peer-feedback">
      <h3 id="peer-heading" className="text-lg font-semibold">
        {t("peerFeedback")}
      </h3>
      {standing.selfAssessed === false && props.threadHref && <SelfAssessmentCallout cohortId={a.cohortId} assignmentId={a.id} waiting={standing.received} />}
      {props.calibration && <CalibrationNotice cohortId={a.cohortId} assignment={a} gate={props.calibration} lessonTitle={props.lessonTitle} />}
      {!standing.paired ? (
        <p className="text-sm text-muted">
          {a.pairingMode === "rolling" ? t("waitRolling", { k: a.reviewsPerStudent }) : t("waitDeadline", { k: a.reviewsPerStudent, when: when(a.submissionDue) })}
        </p>
      ) : (
        <>
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <div className="rounded-lg bg-stone-50 p-3">
              <dt className="text-muted">{t("givenLabel")}</dt>
              <dd className="font-medium" data-testid="given-count">
                {t("xOfY", { x: standing.given, y: standing.owed })}
              </dd>
            </div>
            <div className="rounded-lg bg-stone-50 p-3">
              <dt className="text-muted">{t("receivedLabel")}</dt>
              <dd className="font-medium" data-testid="received-count">
                {t("xOfY", { x: standing.received, y: Math.max(standing.expected, a.reviewsPerStudent) })}
              </dd>
            </div>
          </dl>
          {reviewers.some((r) => r.status !== "expired") && (
            <div className="text-sm" data-testid="my-reviewers">
              <h4 className="font-medium">{t("yourReviewers")}</h4>
              <ul className="mt-1 flex flex-wrap gap-2">
                {reviewers.map((r, i) =>
                  r.status === "expired" ? null : (
                    <li key={r.id} className="rounded-lg bg-stone-50 px-3 py-1.5">
                      {hidesReviewers(a.anonymity) ? t("reviewerN", { n: i + 1 }) : r.name}
                      <span className="ml-2 text-xs text-muted">{r.status === "submitted" ? t("reviewerDone") : r.status === "draft" ? t("reviewerWriting") : t("reviewerOpen")}</span>
                    </li>
                  ),
                )}
              </ul>
            </div>
          )}
          {mine.length > 0 && <ReviewTasks tasks={mine} cohortId={a.cohortId} viewerId={props.userId} timeZone={props.timeZone} />}
          {standing.received > 0 && props.threadHref && (
            <p className="text-sm">
              {standing.unlocked ? (
                <Link href={props.threadHref} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {t("readReceived", { count: standing.received })}
                </Link>
              ) : (
                lock.owesReviews && <span className="text-amber-900">{t("lockedHint", { count: standing.received })}</span>
              )}
            </p>
          )}
        </>
      )}
    </section>
  );
}
