import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LessonEditor } from "@/components/authoring/lesson-editor";
import { ClientMessages } from "@/components/client-messages";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { pageDb } from "@/db/replica";
import { isUuid, requireUser } from "@/lib/auth/session";
import { lessonForEditing } from "@/lib/courses/authoring";

type Props = { params: Promise<{ courseId: string; lessonId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("authoring"))("lesson.title") };
}

/** The lesson editor: title, slug, and the markdown body with a preview. */
export default async function LessonEditPage({ params }: Props) {
  const { courseId, lessonId } = await params;
  const user = await requireUser();
  if (!isUuid(courseId) || !isUuid(lessonId)) notFound();
  const data = await lessonForEditing(await pageDb(), user, courseId, lessonId);
  if (!data) notFound();
  const { course, lesson, cohorts } = data;
  const [t, tc, tl] = await Promise.all([getTranslations("authoring"), getTranslations("courses"), getTranslations("lesson")]);

  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_16rem]">
      <div className="flex min-w-0 flex-col gap-6">
        <Breadcrumb
          label={tl("breadcrumb")}
          items={[
            { href: "/courses", label: tc("title") },
            { href: `/courses/${course.id}/edit`, label: course.title },
          ]}
          current={lesson.title}
        />
        <header>
          <p className="text-sm font-medium text-brand-700">{t("lesson.eyebrow", { n: lesson.position + 1 })}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words sm:text-3xl text-balance">{lesson.title}</h1>
        </header>
        <Card>
          <ClientMessages namespaces={["authoring"]}>
            <LessonEditor
              courseId={course.id}
              lessonId={lesson.id}
              locale={course.locale}
              updatedAt={lesson.updatedAt.toISOString()}
              initial={{ title: lesson.title, slug: lesson.slug, bodyMd: lesson.bodyMd }}
            />
          </ClientMessages>
        </Card>
      </div>
      <aside className="flex flex-col gap-4 lg:pt-20">
        <Card className="flex flex-col gap-2 p-5 text-sm">
          <h2 className="font-semibold">{t("lesson.asStudentsSee")}</h2>
          {cohorts.length === 0 ? (
            <p className="text-xs text-muted">{t("lesson.noCohort")}</p>
          ) : (
            <ul className="flex flex-col gap-1.5">
              {cohorts.map((cohort) => (
                <li key={cohort.id}>
                  <Link href={`/cohorts/${cohort.id}/lessons/${lesson.slug}`} className="text-brand-700 underline-offset-2 hover:underline">
                    {t("lesson.viewIn", { cohort: cohort.name })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Link href={`/courses/${course.id}/edit`} className="text-sm text-muted hover:text-ink hover:underline">
          ← {t("lesson.back")}
        </Link>
      </aside>
    </div>
  );
}
