import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AddLessonForm } from "@/components/authoring/add-lesson-form";
import { CourseDetailsForm } from "@/components/authoring/course-details-form";
import { LessonList } from "@/components/authoring/lesson-list";
import { ClientMessages } from "@/components/client-messages";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { pageDb } from "@/db/replica";
import { isUuid, requireUser } from "@/lib/auth/session";
import { courseForEditing } from "@/lib/courses/authoring";

type Props = { params: Promise<{ courseId: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("authoring"))("course.title") };
}

/** The course editor: details, lessons (add, reorder, delete) and the cohorts that run it. */
export default async function CourseEditPage({ params, searchParams }: Props) {
  const [{ courseId }, { created }] = await Promise.all([params, searchParams]);
  const user = await requireUser();
  if (!isUuid(courseId)) notFound();
  const data = await courseForEditing(await pageDb(), user, courseId);
  if (!data) notFound();
  const { course, lessons, cohorts } = data;
  const [t, tc, tl] = await Promise.all([getTranslations("authoring"), getTranslations("courses"), getTranslations("lesson")]);
  const instructed = cohorts.filter((c) => c.instructs).map(({ id, name }) => ({ id, name }));
  const newCohort = `/cohorts/new?course=${course.id}`;

  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="flex min-w-0 flex-col gap-8">
        <div className="flex flex-col gap-4">
          <Breadcrumb label={tl("breadcrumb")} items={[{ href: "/courses", label: tc("title") }]} current={t("course.title")} />
          <header>
            <p className="text-sm font-medium text-brand-700">{t("course.title")}</p>
            <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words sm:text-3xl text-balance">{course.title}</h1>
          </header>
          {created && <FormMessage tone="success">{t("course.created")}</FormMessage>}
        </div>

        <ClientMessages namespaces={["authoring"]}>
          <section aria-labelledby="details-heading" className="flex flex-col gap-4">
            <h2 id="details-heading" className="text-lg font-semibold">
              {t("course.details")}
            </h2>
            <Card>
              <CourseDetailsForm
                courseId={course.id}
                updatedAt={course.updatedAt.toISOString()}
                initial={{ title: course.title, summary: course.summary, locale: course.locale }}
              />
            </Card>
          </section>

          <section aria-labelledby="lessons-heading" className="flex flex-col gap-4">
            <h2 id="lessons-heading" className="text-lg font-semibold">
              {t("lessons.title")}
            </h2>
            <LessonList
              // A lesson added or deleted starts the list afresh; a new order alone keeps it (and its focus).
              key={lessons.map((l) => l.id).sort().join()}
              courseId={course.id}
              lessons={lessons}
              cohorts={instructed}
            />
            <Card className="flex flex-col gap-4">
              <h3 id="add-lesson-heading" className="font-semibold">
                {t("lessons.addTitle")}
              </h3>
              <AddLessonForm courseId={course.id} />
            </Card>
          </section>
        </ClientMessages>
      </div>

      <aside className="flex flex-col gap-4">
        <Card className="flex flex-col gap-3 p-5">
          <h2 className="text-sm font-semibold">{t("cohorts.title")}</h2>
          {cohorts.length === 0 ? (
            <>
              <p className="text-sm text-muted">{t("cohorts.none")}</p>
              <Link href={newCohort} className={buttonClasses("primary", "px-3 py-1.5")}>
                {t("cohorts.create")}
              </Link>
            </>
          ) : (
            <>
              <ul className="flex flex-col gap-1.5 text-sm">
                {cohorts.map((cohort) => (
                  <li key={cohort.id}>
                    {cohort.member ? (
                      <Link href={`/cohorts/${cohort.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                        {cohort.name}
                      </Link>
                    ) : (
                      cohort.name
                    )}
                  </li>
                ))}
              </ul>
              <p className="text-xs text-muted">{t("cohorts.shared")}</p>
              <Link href={newCohort} className={buttonClasses("secondary", "px-3 py-1.5")}>
                {t("cohorts.another")}
              </Link>
            </>
          )}
        </Card>
        <Card className="flex flex-col gap-2 p-5 text-sm">
          <h2 className="font-semibold">{t("course.slugTitle")}</h2>
          <p className="font-mono text-xs break-all">{course.slug}</p>
          <p className="text-xs text-muted">{t("course.slugHint")}</p>
        </Card>
      </aside>
    </div>
  );
}
