import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NewCourseForm } from "@/components/authoring/new-course-form";
import { ClientMessages } from "@/components/client-messages";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { pageDb } from "@/db/replica";
import { requireUser } from "@/lib/auth/session";
import { canCreateCourse, editableCourses } from "@/lib/courses/authoring";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("authoring"))("newCourse.title") };
}

/** A new course: admins and instructors. Everyone else gets a not-found page. */
export default async function NewCoursePage() {
  const user = await requireUser();
  const db = await pageDb();
  if (!(await canCreateCourse(db, user))) notFound();
  const [t, tc, tl, mine] = await Promise.all([
    getTranslations("authoring"),
    getTranslations("courses"),
    getTranslations("lesson"),
    editableCourses(db, user),
  ]);
  return (
    <div className="mx-auto grid max-w-5xl gap-10 lg:grid-cols-[1fr_16rem]">
      <div className="flex min-w-0 flex-col gap-6">
        <Breadcrumb label={tl("breadcrumb")} items={[{ href: "/courses", label: tc("title") }]} current={t("newCourse.title")} />
        <div>
          <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{t("newCourse.title")}</h1>
          <p className="mt-2 text-muted">{t("newCourse.lead")}</p>
        </div>
        <Card>
          <ClientMessages namespaces={["authoring"]}>
            <NewCourseForm />
          </ClientMessages>
        </Card>
      </div>
      <aside aria-labelledby="mine-heading" className="flex flex-col gap-3 lg:pt-14">
        <h2 id="mine-heading" className="text-sm font-semibold tracking-wide text-muted uppercase">
          {t("newCourse.yours")}
        </h2>
        {mine.length === 0 ? (
          <p className="text-sm text-muted">{t("newCourse.yoursEmpty")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {mine.map((course) => (
              <li key={course.id}>
                <Link
                  href={`/courses/${course.id}/edit`}
                  className="flex flex-col rounded-lg border border-line bg-white px-3 py-2 text-sm shadow-xs hover:border-brand-200"
                >
                  <span className="font-medium">{course.title}</span>
                  <span className="text-xs text-muted">{t("newCourse.lessonCount", { count: course.lessonCount })}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </aside>
    </div>
  );
}
