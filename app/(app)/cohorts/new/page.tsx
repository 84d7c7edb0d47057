import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { CohortForm } from "@/components/cohorts/cohort-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { pageDb } from "@/db/replica";
import { requireUser } from "@/lib/auth/session";
import { cohortsCreatableCourses } from "@/lib/cohorts/store";
import { instantToZoned } from "@/lib/time";
import { DEFAULT_TIME_ZONE } from "@/lib/validation/cohort";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cohortAdmin.new"))("title") };
}

const DAY = 86_400_000;

/** Opens a cohort of a course; only for those who may (anyone else gets a not-found page). */
export default async function NewCohortPage({ searchParams }: { searchParams: Promise<{ course?: string | string[] }> }) {
  const user = await requireUser();
  const db = await pageDb();
  const [{ course }, courses, t] = await Promise.all([
    searchParams,
    cohortsCreatableCourses(db, user),
    getTranslations("cohortAdmin"),
  ]);
  if (courses.length === 0) notFound();
  const preselected = courses.find((c) => c.id === course)?.id ?? courses[0]!.id;
  // Proposed: starting today, twelve weeks long, in the default zone.
  const now = new Date();
  const initial = {
    courseId: preselected,
    name: "",
    startDate: instantToZoned(now, DEFAULT_TIME_ZONE).slice(0, 10),
    endDate: instantToZoned(new Date(now.getTime() + 84 * DAY), DEFAULT_TIME_ZONE).slice(0, 10),
    timeZone: DEFAULT_TIME_ZONE,
  };
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <Breadcrumb label={t("breadcrumb")} items={[{ href: "/courses", label: t("myCourses") }]} current={t("new.title")} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{t("new.title")}</h1>
        <p className="mt-2 text-muted">{t("new.lead")}</p>
      </div>
      <Card>
        <ClientMessages namespaces={["cohortAdmin"]}>
          <CohortForm mode="create" courses={courses} initial={initial} />
        </ClientMessages>
      </Card>
    </div>
  );
}
