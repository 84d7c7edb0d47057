import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { FrozenCanvases } from "@/components/assignments/frozen-canvases";
import { ClientMessages } from "@/components/client-messages";
import { SelfAssessmentForm } from "@/components/self-assessment/self-assessment-form";
import { SelfAssessmentSummary } from "@/components/self-assessment/self-assessment-summary";
import { SelfVsPeerTable } from "@/components/self-assessment/self-vs-peer";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { pageDb } from "@/db/replica";
import { isUuid, requireCohortRole } from "@/lib/auth/session";
import { getCohortCourse } from "@/lib/courses/queries";
import { compareSelfPeer } from "@/lib/self-assessment/compare";
import { selfAssessmentPage } from "@/lib/self-assessment/queries";

type Props = { params: Promise<{ cohortId: string; assignmentId: string }> };

/** The page's data for the signed-in member; not found for an assignment of another cohort or one without self-assessment. */
const load = cache(async (cohortId: string, assignmentId: string) => {
  const { user, role } = await requireCohortRole(cohortId);
  if (!isUuid(assignmentId)) notFound();
  const data = await selfAssessmentPage(await pageDb(), user, cohortId, assignmentId);
  if (!data) notFound();
  return { user, role, data };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cohortId, assignmentId } = await params;
  const { data } = await load(cohortId, assignmentId);
  return { title: (await getTranslations("selfAssessment"))("pageTitle", { lesson: data.lessonTitle }) };
}

/**
 * A student scores their own submission with the assignment's rubric before they read the reviews
 * they received; afterwards the page shows what they gave and, once the reviews are readable, how
 * it compares with their peers' scores.
 */
export default async function SelfAssessmentPage({ params }: Props) {
  const { cohortId, assignmentId } = await params;
  const { user, role, data } = await load(cohortId, assignmentId);
  const [t, format, course] = await Promise.all([getTranslations("selfAssessment"), getFormatter(), getCohortCourse(cohortId, user.id)]);
  if (!course) notFound();
  const { assignment, lessonTitle, lessonSlug, submission, self, version, lock, received } = data;
  const base = `/cohorts/${cohortId}`;
  const lessonHref = `${base}/lessons/${lessonSlug}`;
  const threadHref = submission ? `${base}/forum/${submission.threadId}` : null;
  const link = "text-brand-700 underline-offset-2 hover:underline";

  const work = version && (
    <section aria-labelledby="own-work" className="flex min-w-0 flex-col gap-4">
      <h2 id="own-work" className="text-lg font-semibold">
        {t("yourWork", { n: version.version })}
      </h2>
      <FrozenCanvases canvases={version.canvases} idPrefix="self" />
    </section>
  );

  return (
    <div className="flex flex-col gap-8">
      <Breadcrumb
        label={t("breadcrumb")}
        items={[
          { href: base, label: course.courseTitle },
          { href: lessonHref, label: lessonTitle },
        ]}
        current={t("kicker")}
      />
      <header className="flex max-w-3xl flex-col gap-2">
        <p className="text-sm font-medium text-brand-700">
          {t("kicker")} · {lessonTitle}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl text-balance">{t("title")}</h1>
        <p className="text-muted">{t("lead")}</p>
        <p className="text-sm">
          <Link href={lessonHref} className={link}>
            {t("toLesson", { lesson: lessonTitle })}
          </Link>
          {threadHref && (
            <>
              {" · "}
              <Link href={threadHref} className={link}>
                {t("toThread")}
              </Link>
            </>
          )}
        </p>
      </header>

      {role === "instructor" ? (
        <Card className="max-w-3xl">
          <p className="text-sm text-muted">{t("instructorHere")}</p>
          <Link href={`${base}/gradebook`} className={buttonClasses("secondary", "mt-3 px-3 py-1.5")}>
            {t("toGradebook")}
          </Link>
        </Card>
      ) : !submission ? (
        <Card className="max-w-3xl">
          <p className="text-sm text-muted">{t("noSubmission")}</p>
          <Link href={lessonHref} className={buttonClasses("secondary", "mt-3 px-3 py-1.5")}>
            {t("toLesson", { lesson: lessonTitle })}
          </Link>
        </Card>
      ) : !self ? (
        <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
          {work}
          <ClientMessages namespaces={["selfAssessment", "reviews"]}>
            <SelfAssessmentForm cohortId={cohortId} submissionId={submission.id} rubric={assignment.rubric} />
          </ClientMessages>
        </div>
      ) : (
        <>
          <div className="grid gap-8 lg:grid-cols-2">
            <section aria-labelledby="own-assessment" className="flex min-w-0 flex-col gap-3 self-start rounded-xl border border-line bg-white p-5 shadow-xs">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id="own-assessment" className="text-lg font-semibold">
                  {t("yourAssessment")}
                </h2>
                <p className="text-xs text-muted">{t("givenOn", { when: format.dateTime(self.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: course.timeZone }) })}</p>
              </div>
              <SelfAssessmentSummary rubric={assignment.rubric} scores={self.scores} comment={self.comment} />
            </section>

            <section aria-labelledby="compare-heading" className="flex min-w-0 flex-col gap-3">
              <h2 id="compare-heading" className="text-lg font-semibold">
                {t("compareHeading")}
              </h2>
              {!lock?.unlocked || !received ? (
                <p className="rounded-xl border border-amber-200 bg-amber-50 px-5 py-4 text-sm text-amber-900" data-testid="compare-locked">
                  {t("compareLocked")}{" "}
                  <Link href={`${base}/reviews`} className="font-medium underline underline-offset-2">
                    {t("toMyReviews")}
                  </Link>
                </p>
              ) : received.length === 0 ? (
                <p className="rounded-xl border border-dashed border-line px-5 py-4 text-sm text-muted">{t("noReviewsYet")}</p>
              ) : (
                <>
                  <p className="text-sm text-muted">{t("compareLead")}</p>
                  <SelfVsPeerTable comparison={compareSelfPeer(assignment.rubric, self.scores, received)} caption={t("compareHeading")} />
                  {threadHref && (
                    <Link href={threadHref} className={buttonClasses("secondary", "self-start px-3 py-1.5")}>
                      {t("readReviews")}
                    </Link>
                  )}
                </>
              )}
            </section>
          </div>
          {work}
        </>
      )}
    </div>
  );
}
