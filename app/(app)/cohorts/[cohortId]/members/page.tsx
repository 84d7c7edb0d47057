import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { AddInstructorForm } from "@/components/cohorts/add-instructor-form";
import { AdminHeader } from "@/components/cohorts/admin-header";
import { InvitationsTable } from "@/components/cohorts/invitations-table";
import { LmsRosterSync } from "@/components/cohorts/lms-roster-sync";
import { MembersTable } from "@/components/cohorts/members-table";
import { Pagination } from "@/components/cohorts/pagination";
import { RosterImportForm } from "@/components/cohorts/roster-import-form";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { pageDb } from "@/db/replica";
import { requireCohortRole } from "@/lib/auth/session";
import { INVITATION_DAYS, listInvitations } from "@/lib/cohorts/invitations";
import { cohortSettings, listMembers } from "@/lib/cohorts/store";
import { linkedLms } from "@/lib/lti/roster-sync";
import { emailSettingsFromEnv } from "@/lib/notifications/email";
import { MEMBERS_PER_PAGE, membersQuerySchema } from "@/lib/validation/cohort";

type Props = { params: Promise<{ cohortId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cohortAdmin.tabs"))("members") };
}

/**
 * Everyone in the cohort, instructors first: invitations by email (a pasted or uploaded class list,
 * with resend and revoke), search, pages of 50, a second instructor, removal.
 */
export default async function MembersPage({ params, searchParams }: Props) {
  const { cohortId } = await params;
  const { user } = await requireCohortRole(cohortId, ["instructor"]);
  const { q, page } = membersQuerySchema.parse(await searchParams);
  const db = await pageDb();
  const [cohort, members, invitations, lms, t, ti, format] = await Promise.all([
    cohortSettings(db, user, cohortId),
    listMembers(db, user, cohortId, { q, page }),
    listInvitations(db, user, cohortId),
    linkedLms(db, cohortId),
    getTranslations("cohortAdmin.members"),
    getTranslations("cohortAdmin.invitations"),
    getFormatter(),
  ]);
  const first = (members.page - 1) * MEMBERS_PER_PAGE + 1;
  const href = (p: number) => {
    const sp = new URLSearchParams();
    if (q) sp.set("q", q);
    if (p > 1) sp.set("page", String(p));
    const s = sp.toString();
    return `/cohorts/${cohortId}/members${s ? `?${s}` : ""}`;
  };

  return (
    <div className="flex flex-col gap-8">
      <AdminHeader cohortId={cohortId} cohortName={cohort.name} courseTitle={cohort.courseTitle} current="members" />

      {lms?.roster && (
        <Card aria-labelledby="lms-heading">
          <h2 id="lms-heading" className="text-lg font-semibold">
            {ti("lmsTitle")}
          </h2>
          <p className="mt-1 mb-4 text-sm text-muted">{ti("lmsLead", { platform: lms.platform, course: lms.course })}</p>
          <ClientMessages namespaces={["cohortAdmin"]}>
            <LmsRosterSync cohortId={cohortId} />
          </ClientMessages>
        </Card>
      )}

      <Card aria-labelledby="roster-heading">
        <h2 id="roster-heading" className="text-lg font-semibold">
          {ti("title")}
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted">
          {ti("lead", { days: INVITATION_DAYS })} {emailSettingsFromEnv().smtp ? null : ti(user.isAdmin ? "noSmtpAdmin" : "noSmtp")}
        </p>
        <ClientMessages namespaces={["cohortAdmin"]}>
          <RosterImportForm cohortId={cohortId} />
        </ClientMessages>
      </Card>

      {invitations.total > 0 && (
        <section aria-labelledby="invitations-heading" className="flex flex-col gap-4">
          <div>
            <h2 id="invitations-heading" className="text-lg font-semibold">
              {ti("listTitle")}
            </h2>
            <p className="mt-1 text-sm text-muted">
              {ti("listLead", { open: invitations.open, total: invitations.total })}
              {invitations.total > invitations.rows.length && ` ${ti("listCapped", { shown: invitations.rows.length })}`}
            </p>
          </div>
          <ClientMessages namespaces={["cohortAdmin"]}>
            <InvitationsTable cohortId={cohortId} rows={invitations.rows} />
          </ClientMessages>
        </section>
      )}

      <section aria-labelledby="members-heading" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 id="members-heading" className="text-lg font-semibold">
              {t("title")}
            </h2>
            <p className="mt-1 text-sm text-muted" aria-live="polite">
              {members.total === 0
                ? null
                : t("showing", {
                    from: format.number(first),
                    to: format.number(first + members.rows.length - 1),
                    total: members.total,
                    totalText: format.number(members.total),
                  })}
            </p>
          </div>
          <form role="search" action={`/cohorts/${cohortId}/members`} className="flex w-full items-end gap-2 sm:w-auto">
            <div className="flex min-w-0 flex-1 flex-col gap-1.5">
              <label htmlFor="member-search" className="text-sm font-medium">
                {t("search")}
              </label>
              <input
                id="member-search"
                type="search"
                name="q"
                defaultValue={q}
                maxLength={100}
                className="w-full rounded-lg border border-line bg-white px-3 py-2 text-[0.95rem] shadow-xs outline-none focus-visible:border-brand-500 focus-visible:ring-2 focus-visible:ring-brand-200 sm:w-64"
              />
            </div>
            <button type="submit" className={buttonClasses("secondary")}>
              {t("searchButton")}
            </button>
          </form>
        </div>

        {members.rows.length === 0 ? (
          <Card className="text-center">
            {q ? (
              <>
                <p className="font-medium">{t("noMatch", { q })}</p>
                <p className="mt-1 text-sm text-muted">
                  <Link href={`/cohorts/${cohortId}/members`} className="text-brand-700 underline underline-offset-2">
                    {t("clearSearch")}
                  </Link>
                </p>
              </>
            ) : (
              <p className="text-muted">{t("empty")}</p>
            )}
          </Card>
        ) : (
          <ClientMessages namespaces={["cohortAdmin"]}>
            <MembersTable cohortId={cohortId} rows={members.rows} viewerId={user.id} />
          </ClientMessages>
        )}
        {!q && members.pageCount === 1 && !members.rows.some((r) => r.role === "student") && (
          <p className="text-sm text-muted">
            {t("noStudents")}{" "}
            <Link href={`/cohorts/${cohortId}/settings`} className="text-brand-700 underline underline-offset-2">
              {t("toInvite")}
            </Link>
          </p>
        )}
        <Pagination page={members.page} pageCount={members.pageCount} href={href} />
      </section>

      <Card aria-labelledby="add-instructor-heading">
        <h2 id="add-instructor-heading" className="text-lg font-semibold">
          {t("addTitle")}
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted">{t("addLead")}</p>
        <ClientMessages namespaces={["cohortAdmin"]}>
          <AddInstructorForm cohortId={cohortId} />
        </ClientMessages>
      </Card>
    </div>
  );
}
