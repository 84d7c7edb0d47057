import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { FrozenCanvases } from "@/components/assignments/frozen-canvases";
import { DeleteExampleButton } from "@/components/calibration/delete-example-button";
import { ExampleForm } from "@/components/calibration/example-form";
import { ClientMessages } from "@/components/client-messages";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { cn } from "@/components/ui/cn";
import { pageDb } from "@/db/replica";
import { isUuid, requireCohortRole } from "@/lib/auth/session";
import { exampleReady } from "@/lib/calibration/accuracy";
import { instructorExample } from "@/lib/calibration/authoring";
import { getCohortCourse } from "@/lib/courses/queries";

type Props = { params: Promise<{ cohortId: string; assignmentId: string; exampleId: string }> };

const load = cache(async (cohortId: string, assignmentId: string, exampleId: string) => {
  const { user } = await requireCohortRole(cohortId, ["instructor"]);
  if (!isUuid(assignmentId) || !isUuid(exampleId)) notFound();
  const found = await instructorExample(await pageDb(), user, cohortId, exampleId);
  if (!found || found.assignment.id !== assignmentId) notFound();
  return { user, found };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cohortId, assignmentId, exampleId } = await params;
  const { found } = await load(cohortId, assignmentId, exampleId);
  return { title: (await getTranslations("calibration.example"))("pageTitle", { title: found.example.title }) };
}

/** One example for its instructor: the frozen canvases beside the rubric to score it, say why, and summarise. */
export default async function ExamplePage({ params }: Props) {
  const { cohortId, assignmentId, exampleId } = await params;
  const { user, found } = await load(cohortId, assignmentId, exampleId);
  const { example, assignment } = found;
  const [t, te, tc, course] = await Promise.all([
    getTranslations("calibration.example"),
    getTranslations("calibration.examples"),
    getTranslations("calibration"),
    getCohortCourse(cohortId, user.id),
  ]);
  if (!course) notFound();
  const base = `/cohorts/${cohortId}`;
  const listHref = `${base}/calibration/${assignmentId}/examples`;
  const ready = exampleReady(assignment.rubric, example.scores);

  return (
    <div className="flex flex-col gap-8">
      <Breadcrumb
        label={tc("breadcrumb")}
        items={[
          { href: base, label: course.courseTitle },
          { href: `${base}/lessons/${found.lessonSlug}`, label: found.lessonTitle },
          { href: listHref, label: te("title") },
        ]}
        current={example.title}
      />
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight text-balance break-words sm:text-3xl">{t("pageTitle", { title: example.title })}</h1>
        <p
          className={cn("self-start rounded-lg px-3 py-1.5 text-sm", ready ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900")}
          data-testid="example-state"
        >
          {ready ? t("ready") : t("notReady")}
        </p>
        <p className="text-sm text-muted">{t("attempts", { count: found.attempts })}</p>
        <p className="text-sm">
          <Link href={listHref} className="text-brand-700 underline-offset-2 hover:underline">
            {t("back")}
          </Link>
        </p>
      </header>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <section aria-labelledby="example-canvases" className="flex min-w-0 flex-col gap-4">
          <h2 id="example-canvases" className="text-lg font-semibold">
            {t("canvases")}
          </h2>
          <FrozenCanvases canvases={example.canvases} idPrefix="e" />
        </section>
        <div className="flex flex-col gap-4">
          <ClientMessages namespaces={["calibration", "reviews"]}>
            <ExampleForm
              cohortId={cohortId}
              exampleId={example.id}
              rubric={assignment.rubric}
              initial={{ title: example.title, scores: example.scores, standout: example.standout }}
            />
            <DeleteExampleButton cohortId={cohortId} assignmentId={assignmentId} exampleId={example.id} title={example.title} attempts={found.attempts} />
          </ClientMessages>
        </div>
      </div>
    </div>
  );
}
