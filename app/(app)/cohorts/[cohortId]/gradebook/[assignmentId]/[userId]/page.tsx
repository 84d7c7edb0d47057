import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { AssessmentForm } from "@/components/grades/assessment-form";
import { GradeParts, points } from "@/components/grades/grade-parts";
import { OverrideForm } from "@/components/grades/override-form";
import { ReceivedScores } from "@/components/grades/received-scores";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { pageDb } from "@/db/replica";
import { isUuid, requireCohortRole } from "@/lib/auth/session";
import { getCohortCourse } from "@/lib/courses/queries";
import { gradeDetail } from "@/lib/grades/detail";

type Props = { params: Promise<{ cohortId: string; assignmentId: string; userId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("grades"))("detailTitle") };
}

/**
 * One student's grade in one assignment, for the cohort's instructors: why (each part with its
 * inputs, weight and points), the received scores against the self-assessment, the instructor's own
 * assessment and the override.
 */
export default async function GradeDetailPage({ params }: Props) {
  const { cohortId, assignmentId, userId } = await params;
  const { user } = await requireCohortRole(cohortId, ["instructor"]);
  if (!isUuid(assignmentId) || !isUuid(userId)) notFound();
  const [t, format, course, detail] = await Promise.all([
    getTranslations("grades"),
    getFormatter(),
    getCohortCourse(cohortId, user.id),
    gradeDetail(await pageDb(), cohortId, assignmentId, userId),
  ]);
  if (!course || !detail) notFound();
  const { assignment: a, person, cell, submission } = detail;
  const grade = cell.grade;
  const base = `/cohorts/${cohortId}`;
  const when = (d: Date) => format.dateTime(d, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: course.timeZone });

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-8">
      <Breadcrumb
        label={t("breadcrumb")}
        items={[
          { href: base, label: course.courseTitle },
          { href: `${base}/gradebook`, label: t("title") },
        ]}
        current={`${person.name} · ${a.lessonTitle}`}
      />
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-brand-700">{a.lessonTitle}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words sm:text-3xl">{person.name}</h1>
          <p className="mt-2 text-muted">
            {person.email} · {a.gradesReleasedAt ? t("releasedOn", { when: when(a.gradesReleasedAt) }) : t("notReleased")}
          </p>
        </div>
        <Link href={`${base}/dashboard/students/${person.id}`} className="text-sm font-medium text-brand-700 underline">
          {t("toStudent")}
        </Link>
      </header>

      <section aria-labelledby="grade-summary" className="flex flex-col gap-4 rounded-xl border border-line bg-white p-5">
        <h2 id="grade-summary" className="text-lg font-semibold">
          {t("why.title")}
        </h2>
        {cell.state === "excused" || cell.state === "open" ? (
          <p className="text-sm text-muted">{t(`stateExplained.${cell.state}`)}</p>
        ) : (
          grade && (
            <>
              <p className="text-2xl font-semibold tabular-nums" data-testid="grade-points">
                {grade.points === null ? t(`state.${cell.state}`) : t("outOf100", { points: points(format, grade.points) })}
              </p>
              {grade.override && (
                <p className="text-sm text-amber-900">
                  {grade.computed === null ? t("overriddenPending") : t("overriddenComputed", { points: points(format, grade.computed) })}
                </p>
              )}
              <GradeParts grade={grade} />
            </>
          )
        )}
      </section>

      <section aria-labelledby="received-heading" className="flex flex-col gap-3">
        <h2 id="received-heading" className="text-xl font-semibold">
          {t("received.title")}
        </h2>
        <ReceivedScores detail={detail} />
      </section>

      <section aria-labelledby="given-heading" className="flex flex-col gap-3">
        <h2 id="given-heading" className="text-xl font-semibold">
          {t("given.title")}
        </h2>
        {detail.given.length === 0 ? (
          <p className="rounded-xl border border-dashed border-line bg-white p-4 text-sm text-muted">{t("given.none")}</p>
        ) : (
          <ul className="divide-y divide-line rounded-xl border border-line bg-white text-sm">
            {detail.given.map((r) => (
              <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-2.5">
                <span>
                  {r.authorName}
                  <span className="ml-2 text-xs text-muted">{t(`given.kind.${r.kind}`)}</span>
                </span>
                <span className="text-muted">
                  {r.status === "submitted" && r.submittedAt
                    ? t(r.submittedAt <= r.dueAt ? "given.onTime" : "given.late", { when: when(r.submittedAt) })
                    : t(`given.status.${r.status}`, { when: when(r.dueAt) })}
                  {r.helpfulness !== null && ` · ${t("given.rated", { rating: r.helpfulness })}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ClientMessages namespaces={["grades", "reviews"]}>
        <section aria-labelledby="assess-heading" className="flex flex-col gap-3 rounded-xl border border-line bg-white p-5">
          <h2 id="assess-heading" className="text-lg font-semibold">
            {t("assess.title")}
          </h2>
          {submission ? (
            <>
              <p className="text-sm text-muted">{t("assess.lead")}</p>
              {detail.assessment && (
                <p className="text-xs text-muted">{t("assess.last", { name: detail.assessment.byName ?? t("someone"), when: when(detail.assessment.updatedAt) })}</p>
              )}
              <AssessmentForm
                cohortId={cohortId}
                submissionId={submission.id}
                rubric={a.rubric}
                initial={detail.assessment ? { scores: detail.assessment.scores, comment: detail.assessment.comment } : null}
              />
            </>
          ) : (
            <p className="text-sm text-muted">{t("assess.noSubmission")}</p>
          )}
        </section>

        <section aria-labelledby="override-heading" className="flex flex-col gap-3 rounded-xl border border-line bg-white p-5">
          <h2 id="override-heading" className="text-lg font-semibold">
            {t("override.title")}
          </h2>
          {cell.state === "excused" ? (
            <p className="text-sm text-muted">{t("override.excused")}</p>
          ) : (
            <>
              <p className="text-sm text-muted">{t("override.lead")}</p>
              <OverrideForm
                cohortId={cohortId}
                assignmentId={a.id}
                userId={person.id}
                current={detail.override ? { points: detail.override.points, shown: points(format, detail.override.points), reason: detail.override.reason, by: detail.override.byName } : null}
              />
            </>
          )}
        </section>
      </ClientMessages>
    </div>
  );
}
