import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { DeepLinkForm, LinkContextForm } from "@/components/lti/lti-forms";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { requireUser } from "@/lib/auth/session";
import { deepLinkOptions, launchTarget, linkChoices, loadLaunch } from "@/lib/lti/contexts";
import { MESSAGE } from "@/lib/lti/claims";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lti.continue"))("title") };
}

/**
 * A launch, signed in: an LMS course not linked yet asks the instructor which cohort it is (and tells
 * a student to wait); deep linking offers the cohort's lessons and assignments; a resource link opens
 * its lesson, assignment or the cohort.
 */
export default async function LtiContinuePage({ params }: { params: Promise<{ launchId: string }> }) {
  const { launchId } = await params;
  const user = await requireUser();
  if (!/^[0-9a-f-]{36}$/.test(launchId)) notFound();
  // The primary: the launch was written a moment ago.
  const db = getDb();
  const loaded = await loadLaunch(db, launchId, user.id);
  if (!loaded) notFound();
  const { launch, context, platform } = loaded;
  const t = await getTranslations("lti.continue");
  const instructor = launch.role === "instructor";
  const deepLinking = launch.messageType === MESSAGE.deepLinking;

  if (!context) {
    return (
      <Card className="w-full max-w-lg p-8">
        <h1 className="text-2xl font-semibold tracking-tight">{t("noContextTitle")}</h1>
        <p className="mt-3 text-muted">{t("noContextBody", { platform: platform.name })}</p>
        <div className="mt-6">
          <ButtonLink href="/courses" variant="secondary">
            {t("toCourses")}
          </ButtonLink>
        </div>
      </Card>
    );
  }

  if (!context.cohortId) {
    if (!instructor) {
      return (
        <Card className="w-full max-w-lg p-8">
          <h1 className="text-2xl font-semibold tracking-tight">{t("waitTitle")}</h1>
          <p className="mt-3 text-muted">{t("waitBody", { course: context.title || platform.name })}</p>
        </Card>
      );
    }
    const choices = await linkChoices(db, user.id);
    return (
      <Card className="w-full max-w-lg p-8">
        <p className="text-sm font-medium text-brand-700">{platform.name}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("linkTitle", { course: context.title || platform.name })}</h1>
        <p className="mt-2 mb-6 text-sm text-muted">{t("linkLead")}</p>
        <ClientMessages namespaces={["lti"]}>
          <LinkContextForm
            launchId={launch.id}
            courses={choices.courses.map((c) => ({ value: `course:${c.id}`, label: c.title, detail: t("newCohortDetail", { name: context.title || platform.name }) }))}
            cohorts={choices.cohorts.map((c) => ({ value: `cohort:${c.id}`, label: c.name, detail: c.courseTitle }))}
          />
        </ClientMessages>
      </Card>
    );
  }

  if (deepLinking) {
    if (!instructor) notFound();
    const options = await deepLinkOptions(db, context.cohortId);
    return (
      <Card className="w-full max-w-lg p-8">
        <p className="text-sm font-medium text-brand-700">{platform.name}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("deepLinkTitle", { course: context.title || platform.name })}</h1>
        <p className="mt-2 mb-6 text-sm text-muted">{t("deepLinkLead")}</p>
        <ClientMessages namespaces={["lti"]}>
          <DeepLinkForm
            launchId={launch.id}
            options={options.flatMap((o) => [
              { value: `lesson:${o.slug}`, label: o.title, detail: t("lessonDetail", { position: o.position + 1 }) },
              ...(o.assignmentId ? [{ value: `assignment:${o.assignmentId}`, label: t("assignmentLabel", { title: o.title }), detail: t("assignmentDetail") }] : []),
            ])}
          />
        </ClientMessages>
      </Card>
    );
  }

  redirect(await launchTarget(db, context.cohortId, launch.target));
}
