import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { AssignmentPanel } from "@/components/assignments/assignment-panel";
import { GradeCard } from "@/components/grades/grade-card";
import { LessonDoneButton } from "@/components/courses/lesson-done-button";
import { Markdown } from "@/components/markdown";
import { requireCohortRole } from "@/lib/auth/session";
import { getLesson } from "@/lib/courses/queries";
import { getAssignmentBySlug } from "@/lib/assignments/store";
import { buttonClasses } from "@/components/ui/button";
import { pageDb } from "@/db/replica";

type Props = { params: Promise<{ cohortId: string; lessonSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cohortId, lessonSlug } = await params;
  const { user } = await requireCohortRole(cohortId);
  const data = await getLesson(cohortId, lessonSlug, user.id);
  return { title: data?.lesson.title };
}

export default async function LessonPage({ params }: Props) {
  const { cohortId, lessonSlug } = await params;
  const { user, role } = await requireCohortRole(cohortId);
  const db = await pageDb();
  // The lesson and its assignment side by side: both are found by the slug.
  const [data, assignment, t, tc, ta] = await Promise.all([
    getLesson(cohortId, lessonSlug, user.id),
    getAssignmentBySlug(db, cohortId, lessonSlug),
    getTranslations("lesson"),
    getTranslations("cohort"),
    getTranslations("authoring.links"),
  ]);
  if (!data) notFound();
  const { course, lesson, previous, next } = data;
  const base = `/cohorts/${cohortId}`;

  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-8">
      <Breadcrumb label={t("breadcrumb")} items={[{ href: base, label: course.courseTitle }]} current={tc("lessonN", { n: lesson.number })} />
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-brand-700">{tc("lessonN", { n: lesson.number })}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words sm:text-3xl text-balance">{lesson.title}</h1>
        </div>
        {role === "instructor" && (
          <Link href={`/courses/${course.courseId}/lessons/${lesson.id}/edit`} className={buttonClasses("ghost", "px-3 py-1.5")}>
            {ta("editLesson")}
          </Link>
        )}
      </header>

      <Markdown className="prose-lesson">{lesson.bodyMd}</Markdown>

      {assignment ? (
        <>
          {role === "student" && assignment.gradesReleasedAt && (
            <Suspense fallback={null}>
              <GradeCard assignment={assignment} userId={user.id} timeZone={course.timeZone} />
            </Suspense>
          )}
          <AssignmentPanel
            assignment={assignment}
            timeZone={course.timeZone}
            role={role}
            userId={user.id}
            lessonHref={`${base}/lessons/${lesson.slug}`}
            lessonTitle={lesson.title}
          />
        </>
      ) : (
        role === "instructor" && (
          <p className="flex flex-wrap items-center gap-3 rounded-xl border border-dashed border-line p-4 text-sm text-muted">
            {t("noAssignment")}
            <Link href={`${base}/lessons/${lesson.slug}/assignment`} className={buttonClasses("secondary", "px-3 py-1.5")}>
              {t("createAssignment")}
            </Link>
          </p>
        )
      )}

      <Link
        href={`${base}/lessons/${lesson.slug}/forum`}
        className="flex items-center justify-between rounded-xl border border-line bg-white p-4 shadow-xs hover:bg-stone-50"
      >
        <span>
          <span className="block font-semibold">{t("forum")}</span>
          <span className="text-sm text-muted">{t("forumHint")}</span>
        </span>
        <span aria-hidden>→</span>
      </Link>

      <footer className="mt-4 flex flex-col gap-6 border-t border-line pt-8">
        {role === "student" && <LessonDoneButton cohortId={cohortId} lessonId={lesson.id} done={lesson.done} />}
        <nav aria-label={tc("lessons")} className="flex flex-wrap justify-between gap-4 text-sm">
          {previous ? (
            <Link href={`${base}/lessons/${previous.slug}`} className="flex flex-col rounded-lg p-2 hover:bg-stone-100">
              <span className="text-muted">← {t("previous")}</span>
              <span className="font-medium">{previous.title}</span>
            </Link>
          ) : (
            <Link href={base} className="rounded-lg p-2 text-muted hover:bg-stone-100">
              ← {t("backToCourse")}
            </Link>
          )}
          {next && (
            <Link href={`${base}/lessons/${next.slug}`} className="ml-auto flex flex-col items-end rounded-lg p-2 text-right hover:bg-stone-100">
              <span className="text-muted">{t("next")} →</span>
              <span className="font-medium">{next.title}</span>
            </Link>
          )}
        </nav>
      </footer>
    </article>
  );
}
