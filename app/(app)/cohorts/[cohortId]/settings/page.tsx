import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { AdminHeader } from "@/components/cohorts/admin-header";
import { CohortForm } from "@/components/cohorts/cohort-form";
import { InvitePanel } from "@/components/cohorts/invite-panel";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { pageDb } from "@/db/replica";
import { requireCohortRole } from "@/lib/auth/session";
import { cohortSettings } from "@/lib/cohorts/store";
import { instantToZoned } from "@/lib/time";

type Props = { params: Promise<{ cohortId: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cohortAdmin.tabs"))("settings") };
}

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$/i;

/** The site's own origin as the browser reached it, for a link that is shared elsewhere. */
async function origin(): Promise<string> {
  const h = await headers();
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? "").split(",")[0]!.trim();
  if (!HOST.test(host)) return "";
  const local = /^(localhost|127\.0\.0\.1)(:|$)/.test(host);
  const proto = (h.get("x-forwarded-proto") ?? (local ? "http" : "https")).split(",")[0]!.trim();
  return `${proto === "http" ? "http" : "https"}://${host}`;
}

/** Name, dates and invite of a cohort; its instructors and admins only. */
export default async function CohortSettingsPage({ params, searchParams }: Props) {
  const { cohortId } = await params;
  const { user } = await requireCohortRole(cohortId, ["instructor"]);
  const db = await pageDb();
  const [cohort, { created }, t, base] = await Promise.all([
    cohortSettings(db, user, cohortId),
    searchParams,
    getTranslations("cohortAdmin"),
    origin(),
  ]);
  const day = (d: Date) => instantToZoned(d, cohort.timeZone).slice(0, 10);
  const initial = { name: cohort.name, startDate: day(cohort.startsOn), endDate: day(cohort.endsOn), timeZone: cohort.timeZone };

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8">
      <AdminHeader cohortId={cohortId} cohortName={cohort.name} courseTitle={cohort.courseTitle} current="settings" />
      {created === "1" && <FormMessage tone="success">{t("settings.created")}</FormMessage>}
      <ClientMessages namespaces={["cohortAdmin"]}>
        <Card aria-labelledby="invite-heading">
          <h2 id="invite-heading" className="text-lg font-semibold">
            {t("invite.title")}
          </h2>
          <p className="mt-1 mb-5 text-sm text-muted">{t("invite.lead")}</p>
          <InvitePanel
            cohortId={cohortId}
            inviteCode={cohort.inviteCode}
            joinUrl={cohort.inviteCode ? `${base}/join/${cohort.inviteCode}` : null}
          />
        </Card>
        <Card aria-labelledby="details-heading">
          <h2 id="details-heading" className="text-lg font-semibold">
            {t("settings.details")}
          </h2>
          <p className="mt-1 mb-5 text-sm text-muted">{t("settings.detailsLead")}</p>
          <CohortForm mode="edit" cohortId={cohortId} initial={initial} />
        </Card>
      </ClientMessages>
      <p className="text-sm text-muted">
        <Link href={`/cohorts/new?course=${cohort.courseId}`} className="text-brand-700 underline underline-offset-2">
          {t("settings.another")}
        </Link>
      </p>
    </div>
  );
}
