import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReviewTasks } from "@/components/reviews/review-tasks";
import { asFormAction } from "@/components/ui/as-form-action";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { pageDb } from "@/db/replica";
import { requireCohortRole } from "@/lib/auth/session";
import { getCohortCourse } from "@/lib/courses/queries";
import { myReviews, reservePool } from "@/lib/reviews/queries";
import { maskName } from "@/lib/reviews/anonymity";
import type { Anonymity } from "@/lib/assignments/types";
import { takeFromPoolAction } from "./actions";

type Props = { params: Promise<{ cohortId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reviews"))("title") };
}

/** A student's reviews in a cohort: what to give, the reserve pool to help from, what was given. */
export default async function ReviewsPage({ params }: Props) {
  const { cohortId } = await params;
  const { user, role } = await requireCohortRole(cohortId);
  const db = await pageDb();
  const [t, format, course, { tasks, given }, pool] = await Promise.all([
    getTranslations("reviews"),
    getFormatter(),
    getCohortCourse(cohortId, user.id),
    myReviews(db, user.id, cohortId),
    reservePool(db, user.id, cohortId),
  ]);
  if (!course) notFound();
  const instructor = role === "instructor";
  const helpable = pool.items.filter((p) => instructor || pool.canHelpIn.has(p.assignmentId));
  const name = (p: { anonymity: Anonymity; authorId: string; authorName: string }) =>
    maskName({ anonymity: p.anonymity, as: "author", viewerId: user.id, viewerIsInstructor: instructor, personId: p.authorId, name: p.authorName, alias: t("aPeer") });

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-10">
      <Breadcrumb label={t("breadcrumb")} items={[{ href: `/cohorts/${cohortId}`, label: course.courseTitle }]} current={t("title")} />
      <header>
        <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 text-muted">{tasks.length > 0 ? t("toGive", { count: tasks.length }) : t("nothingToGive")}</p>
      </header>


      <section aria-labelledby="tasks-heading" className="flex flex-col gap-3">
        <h2 id="tasks-heading" className="text-lg font-semibold">
          {t("openTasks")}
        </h2>
        {tasks.length > 0 ? (
          <ReviewTasks tasks={tasks} cohortId={cohortId} viewerId={user.id} timeZone={course.timeZone} />
        ) : (
          <Card>
            <p className="text-sm text-muted">{given.length > 0 ? t("allDone") : t("noTasksHint")}</p>
          </Card>
        )}
      </section>

      {helpable.length > 0 && (
        <section aria-labelledby="pool-heading" className="flex flex-col gap-3">
          <h2 id="pool-heading" className="text-lg font-semibold">
            {t("helpAPeer")}
          </h2>
          <p className="-mt-1 text-sm text-muted">{instructor ? t("poolInstructorHint") : t("poolHint")}</p>
          <ul className="flex flex-col gap-2">
            {helpable.map((p) => (
              <li key={p.submissionId} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-line bg-white px-4 py-3 shadow-xs">
                <span className="flex flex-col">
                  <span className="font-medium">{t("poolItem", { name: name(p), lesson: p.lessonTitle })}</span>
                  <span className="text-xs text-muted">
                    {t("poolMissing", { count: p.missing })} · {t("waitingSince", { when: format.relativeTime(p.since) })}
                  </span>
                </span>
                <form action={asFormAction(takeFromPoolAction)}>
                  <input type="hidden" name="cohortId" value={cohortId} />
                  <input type="hidden" name="assignmentId" value={p.assignmentId} />
                  <input type="hidden" name="submissionId" value={p.submissionId} />
                  <SubmitButton variant="secondary" pendingLabel={t("taking")} className="px-3 py-1.5">
                    {t("takeReview")}
                  </SubmitButton>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="given-heading" className="flex flex-col gap-3">
        <h2 id="given-heading" className="text-lg font-semibold">
          {t("given")}
        </h2>
        {given.length === 0 ? (
          <p className="text-sm text-muted">{t("noneGiven")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line overflow-hidden rounded-xl border border-line bg-white shadow-xs">
            {given.map((g) => (
              <li key={g.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                <span>{t("givenTo", { name: name(g), lesson: g.lessonTitle })}</span>
                {g.status === "submitted" && g.postId ? (
                  <Link href={`/cohorts/${cohortId}/forum/${g.threadId}?post=${g.postId}#post-${g.postId}`} className="text-brand-700 underline-offset-2 hover:underline">
                    {g.helpfulness ? t("ratedHelpful", { n: g.helpfulness }) : t("inThread")}
                  </Link>
                ) : (
                  <span className="text-muted">{t("expired")}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
