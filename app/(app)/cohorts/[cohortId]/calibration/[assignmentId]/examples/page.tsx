import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { percent } from "@/components/calibration/attempt-result";
import { NewExampleForm } from "@/components/calibration/new-example-form";
import { ClientMessages } from "@/components/client-messages";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { pageDb } from "@/db/replica";
import { candidateCanvases } from "@/lib/assignments/store";
import { isUuid, requireCohortRole } from "@/lib/auth/session";
import { EXAMPLES_MAX } from "@/lib/calibration/limits";
import { instructorExamples } from "@/lib/calibration/authoring";
import { getCohortCourse } from "@/lib/courses/queries";

type Props = { params: Promise<{ cohortId: string; assignmentId: string }> };

const load = cache(async (cohortId: string, assignmentId: string) => {
  const { user } = await requireCohortRole(cohortId, ["instructor"]);
  if (!isUuid(assignmentId)) notFound();
  const db = await pageDb();
  const found = await instructorExamples(db, user, cohortId, assignmentId);
  if (!found) notFound();
  return { user, db, found };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cohortId, assignmentId } = await params;
  const { found } = await load(cohortId, assignmentId);
  return { title: (await getTranslations("calibration.examples"))("pageTitle", { lesson: found.lessonTitle }) };
}

/** The assignment's calibration examples, for the cohort's instructors: their state and attempts, and a new one from own canvases. */
export default async function ExamplesPage({ params }: Props) {
  const { cohortId, assignmentId } = await params;
  const { user, db, found } = await load(cohortId, assignmentId);
  const [t, tc, format, course, candidates] = await Promise.all([
    getTranslations("calibration.examples"),
    getTranslations("calibration"),
    getFormatter(),
    getCohortCourse(cohortId, user.id),
    candidateCanvases(db, found.assignment, user.id),
  ]);
  if (!course) notFound();
  const base = `/cohorts/${cohortId}`;
  const lessonHref = `${base}/lessons/${found.lessonSlug}`;
  const mode = found.assignment.calibration;
  const ready = found.examples.filter((e) => e.ready).length;

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-10">
      <Breadcrumb
        label={tc("breadcrumb")}
        items={[
          { href: base, label: course.courseTitle },
          { href: lessonHref, label: found.lessonTitle },
        ]}
        current={t("title")}
      />
      <header className="flex flex-col gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-balance break-words sm:text-3xl">{t("pageTitle", { lesson: found.lessonTitle })}</h1>
        <p className="max-w-prose text-muted">{t("lead")}</p>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span className="font-medium" data-testid="calibration-mode">
            {t("mode", { mode })}
          </span>
          <Link href={`${lessonHref}/assignment`} className="text-brand-700 underline-offset-2 hover:underline">
            {t("changeMode")}
          </Link>
        </p>
        {mode === "required" && ready === 0 && (
          <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="calibration-required-none">
            {t("requiredNone")}
          </p>
        )}
        {mode === "off" && <p className="rounded-lg bg-stone-50 p-3 text-sm text-muted">{t("offNote")}</p>}
      </header>

      <section aria-labelledby="examples-heading" className="flex flex-col gap-3">
        <h2 id="examples-heading" className="text-lg font-semibold">
          {t("list")}
        </h2>
        {found.examples.length === 0 ? (
          <p className="rounded-xl border border-dashed border-line p-4 text-sm text-muted">{t("none")}</p>
        ) : (
          <ol className="flex flex-col divide-y divide-line overflow-hidden rounded-xl border border-line bg-white shadow-xs" data-testid="calibration-examples">
            {found.examples.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <div className="flex min-w-0 flex-col gap-1">
                  <span className="font-medium break-words">{e.title}</span>
                  <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
                    <span className={cn("rounded-full px-2 py-0.5 font-medium", e.ready ? "bg-emerald-100 text-emerald-900" : "bg-amber-100 text-amber-900")}>
                      {e.ready ? t("ready") : t("notReady")}
                    </span>
                    <span>{t("canvases", { count: e.canvasCount })}</span>
                    <span aria-hidden>·</span>
                    <span>{t("attempts", { count: e.attempts })}</span>
                    {e.meanAccuracy !== null && (
                      <>
                        <span aria-hidden>·</span>
                        <span>{t("mean", { percent: percent(e.meanAccuracy) })}</span>
                      </>
                    )}
                    <span aria-hidden>·</span>
                    <time dateTime={e.updatedAt.toISOString()}>{format.relativeTime(e.updatedAt)}</time>
                  </span>
                </div>
                <Link href={`${base}/calibration/${assignmentId}/examples/${e.id}`} className={buttonClasses("secondary", "px-3 py-1.5")} aria-label={t("editLabel", { title: e.title })}>
                  {t("edit")}
                </Link>
              </li>
            ))}
          </ol>
        )}
      </section>

      <Card aria-labelledby="new-example-heading" className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <h2 id="new-example-heading" className="text-lg font-semibold">
            {t("new")}
          </h2>
          <p className="text-sm text-muted">{t("newLead")}</p>
        </div>
        {found.examples.length >= EXAMPLES_MAX ? (
          <p className="text-sm text-muted">{t("full", { max: EXAMPLES_MAX })}</p>
        ) : (
          <ClientMessages namespaces={["calibration", "canvas"]}>
            <NewExampleForm cohortId={cohortId} assignmentId={assignmentId} candidates={candidates} />
          </ClientMessages>
        )}
      </Card>
    </div>
  );
}
