import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { FrozenCanvases } from "@/components/assignments/frozen-canvases";
import { AttemptForm } from "@/components/calibration/attempt-form";
import { AttemptResultView, percent } from "@/components/calibration/attempt-result";
import { ClientMessages } from "@/components/client-messages";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { pageDb } from "@/db/replica";
import { isUuid, requireCohortRole } from "@/lib/auth/session";
import { FAR_OFF } from "@/lib/calibration/accuracy";
import { attemptResult, studentRound } from "@/lib/calibration/queries";
import { getCohortCourse } from "@/lib/courses/queries";

type Props = { params: Promise<{ cohortId: string; assignmentId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = cache(async (cohortId: string, assignmentId: string) => {
  const { user } = await requireCohortRole(cohortId);
  if (!isUuid(assignmentId)) notFound();
  const db = await pageDb();
  const round = await studentRound(db, user, cohortId, assignmentId);
  if (!round) notFound();
  return { user, db, round };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cohortId, assignmentId } = await params;
  const { round } = await load(cohortId, assignmentId);
  return { title: (await getTranslations("calibration"))("pageTitle", { lesson: round.lessonTitle }) };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * A student's calibration round: the next example to review (its canvases and the rubric, none of
 * the instructor's answers), or after an attempt the comparison with the instructor's assessment.
 * `?result=<example>` shows one of their attempts, `?next=1` the next example after a result.
 */
export default async function CalibrationPage({ params, searchParams }: Props) {
  const { cohortId, assignmentId } = await params;
  const { user, db, round } = await load(cohortId, assignmentId);
  // Instructors author examples; their place is the examples page.
  if (round.role === "instructor") redirect(`/cohorts/${cohortId}/calibration/${assignmentId}/examples`);
  const query = await searchParams;
  const wanted = one(query.result);
  const latest = round.attempts[0];
  const showing = wanted && isUuid(wanted) && round.attempts.some((a) => a.exampleId === wanted) ? wanted : one(query.next) === "1" && round.next ? null : latest?.exampleId;
  const [t, course, result] = await Promise.all([
    getTranslations("calibration"),
    getCohortCourse(cohortId, user.id),
    showing ? attemptResult(db, user.id, assignmentId, showing) : null,
  ]);
  if (!course) notFound();
  const base = `/cohorts/${cohortId}`;
  const lessonHref = `${base}/lessons/${round.lessonSlug}`;
  const mode = round.assignment.calibration;
  const continueLink = (
    <Link href={`${base}/reviews`} className={buttonClasses(result && result.accuracy < FAR_OFF && round.next ? "secondary" : "primary")}>
      {t("continue")}
    </Link>
  );

  let body;
  if (mode === "off") body = <Notice>{t("off")}</Notice>;
  else if (!round.eligible) body = <Notice link={{ href: lessonHref, label: t("toLesson") }}>{t("notYet")}</Notice>;
  else if (result) {
    body = (
      <>
        <AttemptResultView result={result} anotherExample={Boolean(round.next)} />
        <div className="flex flex-wrap gap-3">
          {result.accuracy < FAR_OFF && round.next && (
            <Link href={`${base}/calibration/${assignmentId}?next=1`} className={buttonClasses("primary")}>
              {t("tryAnother")}
            </Link>
          )}
          {continueLink}
        </div>
      </>
    );
  } else if (round.next) {
    body = (
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <section aria-labelledby="example-canvases" className="flex min-w-0 flex-col gap-4">
          <h2 id="example-canvases" className="text-lg font-semibold">
            {t("exampleHeading", { title: round.next.title })}
          </h2>
          <FrozenCanvases canvases={round.next.canvases} idPrefix="c" />
        </section>
        <ClientMessages namespaces={["calibration", "reviews"]}>
          <AttemptForm cohortId={cohortId} exampleId={round.next.id} rubric={round.assignment.rubric} />
        </ClientMessages>
      </div>
    );
  } else body = <Notice link={{ href: `${base}/reviews`, label: t("continue") }}>{round.readyCount === 0 ? t("noExamples") : t("allDone")}</Notice>;

  return (
    <div className="flex flex-col gap-8">
      <Breadcrumb
        label={t("breadcrumb")}
        items={[
          { href: base, label: course.courseTitle },
          { href: `${base}/reviews`, label: t("reviews") },
        ]}
        current={t("title")}
      />
      <header className="flex flex-col gap-2">
        <p className="text-sm font-medium text-brand-700">{t("mode", { mode })}</p>
        <h1 className="text-2xl font-semibold tracking-tight text-balance break-words sm:text-3xl">
          {result ? t("resultHeading", { title: result.title }) : t("pageTitle", { lesson: round.lessonTitle })}
        </h1>
        {!result && mode !== "off" && <p className="max-w-prose text-muted">{t("intro")}</p>}
        <p className="text-sm">
          <Link href={lessonHref} className="text-brand-700 underline-offset-2 hover:underline">
            {t("toLesson")}
          </Link>
        </p>
      </header>
      {body}
      {round.attempts.length > 1 && (
        <nav aria-labelledby="past-attempts" className="flex flex-col gap-2">
          <h2 id="past-attempts" className="text-sm font-semibold">
            {t("pastAttempts")}
          </h2>
          <ul className="flex flex-wrap gap-2 text-sm">
            {round.attempts.map((a) => (
              <li key={a.exampleId}>
                <Link
                  href={`${base}/calibration/${assignmentId}?result=${a.exampleId}`}
                  aria-current={a.exampleId === result?.exampleId ? "page" : undefined}
                  className={cn("inline-block rounded-full border px-3 py-1", a.exampleId === result?.exampleId ? "border-brand-500 bg-brand-50 font-medium" : "border-line bg-white hover:bg-stone-50")}
                >
                  {t("pastAttempt", { title: a.title, percent: percent(a.accuracy) })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}

function Notice({ children, link }: { children: string; link?: { href: string; label: string } }) {
  return (
    <Card className="flex flex-col items-start gap-3">
      <p className="text-muted">{children}</p>
      {link && (
        <Link href={link.href} className={buttonClasses("secondary")}>
          {link.label}
        </Link>
      )}
    </Card>
  );
}
