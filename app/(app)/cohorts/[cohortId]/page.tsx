import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { requireCohortRole } from "@/lib/auth/session";
import { getCohortCourse } from "@/lib/courses/queries";
import { ReviewTasks } from "@/components/reviews/review-tasks";
import { pageDb } from "@/db/replica";
import { reviewTasks } from "@/lib/reviews/queries";

type Props = { params: Promise<{ cohortId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cohortId } = await params;
  const { user } = await requireCohortRole(cohortId);
  const course = await getCohortCourse(cohortId, user.id);
  return { title: course?.courseTitle };
}

export default async function CohortPage({ params }: Props) {
  const { cohortId } = await params;
  const { user, role } = await requireCohortRole(cohortId);
  const db = await pageDb();
  const [course, tasks] = await Promise.all([
    getCohortCourse(cohortId, user.id),
    role === "student" ? reviewTasks(db, user.id, cohortId) : Promise.resolve([]),
  ]);
  if (!course) notFound();
  const [t, tc, tv, tr, format] = await Promise.all([
    getTranslations("cohort"),
    getTranslations("courses"),
    getTranslations("canvas"),
    getTranslations("reviews"),
    getFormatter(),
  ]);
  const done = course.lessons.filter((l) => l.done).length;

  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_18rem]">
      <div className="flex flex-col gap-8">
        <div>
          <p className="text-sm font-medium text-brand-700">{course.cohortName}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words sm:text-3xl">{course.courseTitle}</h1>
          {course.courseSummary && <p className="mt-3 max-w-2xl text-muted">{course.courseSummary}</p>}
        </div>

        {tasks.length > 0 && (
          <section aria-labelledby="next-heading" className="flex flex-col gap-3 rounded-xl border border-brand-200 bg-brand-50/50 p-5">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="next-heading" className="text-lg font-semibold">
                {tr("toGiveDue", {
                  count: tasks.length,
                  when: format.dateTime(tasks[0]!.dueAt, { weekday: "long", timeZone: course.timeZone }),
                })}
              </h2>
              <Link href={`/cohorts/${cohortId}/reviews`} className="text-sm text-brand-700 underline-offset-2 hover:underline">
                {tr("allReviews")}
              </Link>
            </div>
            <ReviewTasks tasks={tasks} cohortId={cohortId} viewerId={user.id} timeZone={course.timeZone} compact />
          </section>
        )}

        <section aria-labelledby="lessons-heading">
          <h2 id="lessons-heading" className="mb-4 text-lg font-semibold">
            {t("lessons")}
          </h2>
          {course.lessons.length === 0 ? (
            <Card>
              <p className="text-muted">{t("noLessons")}</p>
            </Card>
          ) : (
            <ol className="flex flex-col gap-3">
              {course.lessons.map((lesson, i) => (
                <li key={lesson.id}>
                  <Link
                    href={`/cohorts/${cohortId}/lessons/${lesson.slug}`}
                    className="group flex items-center gap-4 rounded-xl border border-line bg-white p-5 shadow-xs transition-colors hover:border-brand-200"
                  >
                    <span
                      aria-hidden
                      className={
                        lesson.done
                          ? "flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white"
                          : "flex size-9 shrink-0 items-center justify-center rounded-full border border-line bg-canvas text-sm font-semibold text-muted"
                      }
                    >
                      {lesson.done ? "✓" : i + 1}
                    </span>
                    <span className="flex flex-col">
                      <span className="text-xs text-muted">{t("lessonN", { n: i + 1 })}</span>
                      <span className="font-medium group-hover:underline">{lesson.title}</span>
                    </span>
                    {role === "student" && (
                      <span className="ml-auto text-xs text-muted">{lesson.done ? t("done") : t("notDone")}</span>
                    )}
                  </Link>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      <aside className="flex flex-col gap-4">
        {role === "instructor" && (
          <Card className="border-brand-200 p-5">
            <h2 className="text-sm font-semibold">{t("runTitle")}</h2>
            <p className="mt-1 text-xs text-muted">{t("runLead")}</p>
            <Link href={`/cohorts/${cohortId}/dashboard`} className={buttonClasses("primary", "mt-3 px-3 py-1.5")}>
              {t("toDashboard")}
            </Link>
            <ul className="mt-3 flex flex-col gap-1.5 text-sm">
              <li>
                <Link href={`/cohorts/${cohortId}/members`} className="text-brand-700 underline-offset-2 hover:underline">
                  {t("toMembers")}
                </Link>
              </li>
              <li>
                <Link href={`/cohorts/${cohortId}/settings`} className="text-brand-700 underline-offset-2 hover:underline">
                  {t("toSettings")}
                </Link>
              </li>
              <li>
                <Link href={`/courses/${course.courseId}/edit`} className="text-brand-700 underline-offset-2 hover:underline">
                  {t("toCourseEditor")}
                </Link>
              </li>
            </ul>
          </Card>
        )}
        <Card className="p-5">
          <h2 className="text-sm font-semibold">{tr("title")}</h2>
          <p className="mt-1 text-xs text-muted">{role === "student" ? tr("asideStudent") : tr("asideInstructor")}</p>
          <Link href={`/cohorts/${cohortId}/reviews`} className={buttonClasses("secondary", "mt-3 px-3 py-1.5")}>
            {tr("toReviews")}
          </Link>
        </Card>
        <Card className="p-5">
          <h2 className="text-sm font-semibold">{tv("title")}</h2>
          <p className="mt-1 text-xs text-muted">{tv("lead")}</p>
          <Link href={`/cohorts/${cohortId}/canvases`} className={buttonClasses("secondary", "mt-3 px-3 py-1.5")}>
            {tv("toCanvases")}
          </Link>
        </Card>
        <Card className="p-5">
          <p className="text-sm text-muted">
            {tc("runs", {
              start: format.dateTime(course.startsOn, { dateStyle: "medium" }),
              end: format.dateTime(course.endsOn, { dateStyle: "medium" }),
            })}
          </p>
          {role === "student" && course.lessons.length > 0 && (
            <div className="mt-4">
              <Progress value={done} max={course.lessons.length} label={tc("lessonsDone", { done, total: course.lessons.length })} />
            </div>
          )}
        </Card>
        {role === "instructor" && course.inviteCode && (
          <Card className="p-5">
            <h2 className="text-sm font-semibold">{t("inviteCode")}</h2>
            <p className="mt-2 font-mono text-lg tracking-wider">{course.inviteCode}</p>
            <p className="mt-1 text-xs text-muted">
              <Link href={`/cohorts/${cohortId}/settings`} className="text-brand-700 underline-offset-2 hover:underline">
                {t("inviteManage")}
              </Link>
            </p>
          </Card>
        )}
      </aside>
    </div>
  );
}
