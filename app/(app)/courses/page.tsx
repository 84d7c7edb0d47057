import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { CohortCard } from "@/components/courses/cohort-card";
import { JoinCohortForm } from "@/components/courses/join-cohort-form";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { pageDb } from "@/db/replica";
import { requireUser } from "@/lib/auth/session";
import { cohortsCreatableCourses } from "@/lib/cohorts/store";
import { listMyCohorts } from "@/lib/courses/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("courses"))("title") };
}

export default async function CoursesPage() {
  const user = await requireUser();
  const db = await pageDb();
  const [t, ta, tc, cohorts, creatable] = await Promise.all([
    getTranslations("courses"),
    getTranslations("authoring"),
    getTranslations("cohortAdmin"),
    listMyCohorts(user),
    cohortsCreatableCourses(db, user),
  ]);
  const teaching = cohorts.filter((c) => c.role === "instructor");
  const learning = cohorts.filter((c) => c.role === "student");
  const sections = [
    { key: "learning", title: t("learning"), items: learning },
    { key: "teaching", title: user.isAdmin ? t("all") : t("teaching"), items: teaching },
  ].filter((s) => s.items.length > 0);

  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{t("title")}</h1>
          <p className="mt-2 text-muted">{t("lead")}</p>
        </div>
        {(user.isAdmin || teaching.length > 0) && (
          <div className="flex flex-wrap gap-2">
            {creatable.length > 0 && (
              <Link href="/cohorts/new" className={buttonClasses("secondary")}>
                {tc("new.title")}
              </Link>
            )}
            <Link href="/courses/new" className={buttonClasses("secondary")}>
              {ta("newCourse.title")}
            </Link>
          </div>
        )}
      </div>

      {sections.length === 0 && (
        <Card className="text-center">
          <h2 className="text-lg font-semibold">{t("empty")}</h2>
          <p className="mt-1 text-sm text-muted">{t("emptyHint")}</p>
        </Card>
      )}

      {sections.map((section) => (
        <section key={section.key} aria-labelledby={`section-${section.key}`} className="flex flex-col gap-4">
          <h2 id={`section-${section.key}`} className="text-sm font-semibold tracking-wide text-muted uppercase">
            {section.title}
          </h2>
          <ul className="grid gap-5 md:grid-cols-2">
            {section.items.map((cohort) => (
              <CohortCard key={cohort.cohortId} cohort={cohort} />
            ))}
          </ul>
        </section>
      ))}

      <Card>
        <h2 className="text-lg font-semibold">{t("joinTitle")}</h2>
        <p className="mt-1 mb-4 text-sm text-muted">{t("joinLead")}</p>
        <ClientMessages namespaces={["courses", "auth"]}>
          <JoinCohortForm />
        </ClientMessages>
      </Card>
    </div>
  );
}
