import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { AuditList } from "@/components/dashboard/audit-list";
import { ChartsSection } from "@/components/dashboard/charts-section";
import { RepairButton } from "@/components/dashboard/fix-buttons";
import { Matrix } from "@/components/dashboard/matrix";
import { ReservePool } from "@/components/dashboard/reserve-pool";
import { Waits } from "@/components/dashboard/waits";
import { PairNowButton } from "@/components/reviews/pair-now-button";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClasses } from "@/components/ui/button";
import { pageDb } from "@/db/replica";
import { requireCohortRole } from "@/lib/auth/session";
import { listAudit } from "@/lib/cohorts/audit";
import { cohortMatrix, dashboardHead, dashboardOverview, openReviews, PAGE_SIZE, withStudents } from "@/lib/dashboard/queries";
import { matrixQuery, parseDashboardParams } from "@/lib/validation/dashboard";

type Props = { params: Promise<{ cohortId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const WAITS_PAGE = 12;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

/**
 * The cohort at a glance, for its instructors and admins only (everyone else: not found). Each
 * section is one query over the whole cohort, paged in the database.
 */
export default async function DashboardPage({ params, searchParams }: Props) {
  const { cohortId } = await params;
  await requireCohortRole(cohortId, ["instructor"]);
  const p = parseDashboardParams(await searchParams);
  const db = await pageDb();
  const now = new Date();
  // Every section side by side: none waits for another (the matrix brings the per-student figures, computed once).
  const [head, t, format, locale, matrix, reviewSide, waits, audit] = await Promise.all([
    dashboardHead(db, cohortId),
    getTranslations("dashboard"),
    getFormatter(),
    getLocale(),
    cohortMatrix(db, cohortId, matrixQuery(p), now),
    dashboardOverview(db, cohortId, now),
    openReviews(db, cohortId, { page: p.wpage, pageSize: WAITS_PAGE }),
    listAudit(db, cohortId, 15),
  ]);
  if (!head) notFound();
  const overview = withStudents(reviewSide, matrix.summary);
  const s = overview.summary;
  const when = (d: Date) => format.dateTime(d, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: head.timeZone });
  const exportQuery = new URLSearchParams(Object.entries({ q: p.q, filter: p.filter, sort: p.sort, dir: p.dir }).filter(([k, v]) => v && !(k === "filter" && v === "all"))).toString();

  return (
    <div className="flex flex-col gap-10">
      <Breadcrumb label={t("breadcrumb")} items={[{ href: `/cohorts/${cohortId}`, label: head.courseTitle }]} current={t("title")} />
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{t("title")}</h1>
          <p className="mt-2 text-muted">{t("lead", { cohort: head.cohortName })}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/cohorts/${cohortId}/gradebook`} className={buttonClasses("secondary")}>
            {t("openGradebook")}
          </Link>
          <a href={`/cohorts/${cohortId}/dashboard/export/matrix.csv${exportQuery ? `?${exportQuery}` : ""}`} className={buttonClasses("secondary")} download>
            {t("exportMatrix")}
          </a>
          <a href={`/cohorts/${cohortId}/dashboard/export/reviews.csv`} className={buttonClasses("secondary")} download>
            {t("exportReviews")}
          </a>
        </div>
      </header>

      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="summary">
        <Tile label={t("tileStudents")} value={format.number(s.students)} />
        <Tile
          label={t("tileSubmissions")}
          value={t("ofTotal", { n: format.number(s.submitted), total: format.number(s.expectedSubmissions) })}
          note={[s.late > 0 ? t("lateCount", { count: s.late }) : null, s.missing > 0 ? t("missingCount", { count: s.missing }) : null].filter(Boolean).join(" · ") || null}
        />
        <Tile label={t("tileReviews")} value={t("ofTotal", { n: format.number(s.reviewsSubmitted), total: format.number(overview.charts.expectedReviews) })} note={s.reviewsExpired > 0 ? t("expiredCount", { count: s.reviewsExpired }) : null} />
        <Tile
          label={t("tileOpen")}
          value={format.number(s.reviewsOpen)}
          note={s.reviewsOverdue > 0 ? t("overdueCount", { count: s.reviewsOverdue }) : null}
          warn={s.reviewsOverdue > 0}
        />
      </dl>

      {head.assignments.length === 0 ? (
        <div className="rounded-xl border border-dashed border-line bg-white p-8 text-center">
          <p className="font-medium">{t("noAssignments")}</p>
          <p className="mt-1 text-sm text-muted">{t("noAssignmentsHint")}</p>
          <Link href={`/cohorts/${cohortId}`} className="mt-3 inline-block text-sm font-medium text-brand-700 underline">
            {t("toLessons")}
          </Link>
        </div>
      ) : (
        <section aria-labelledby="assignments-heading" className="flex flex-col gap-3">
          <h2 id="assignments-heading" className="text-xl font-semibold">
            {t("assignmentsTitle")}
          </h2>
          <ClientMessages namespaces={["dashboard", "reviews"]}>
            <ul className="divide-y divide-line rounded-xl border border-line bg-white">
              {head.assignments.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-baseline gap-x-3">
                      <Link href={`/cohorts/${cohortId}/lessons/${a.lessonSlug}`} className="font-medium hover:underline">
                        {a.lessonTitle}
                      </Link>
                      <span className="text-xs text-muted">{a.pairedAt ? t("paired") : t("notPaired")}</span>
                    </p>
                    <p className="text-xs text-muted">{t("deadlines", { submission: when(a.submissionDue), review: when(a.reviewDue), k: a.k })}</p>
                  </div>
                  {a.pairedAt ? <RepairButton cohortId={cohortId} assignmentId={a.id} lessonTitle={a.lessonTitle} /> : <PairNowButton cohortId={cohortId} assignmentId={a.id} submitted={a.submitted} />}
                </li>
              ))}
            </ul>
          </ClientMessages>
        </section>
      )}

      <Waits cohortId={cohortId} params={p} rows={waits.rows} total={waits.total} pageSize={WAITS_PAGE} timeZone={head.timeZone} now={now} />

      <ReservePool cohortId={cohortId} timeZone={head.timeZone} now={now} paired={head.assignments.some((a) => a.pairedAt)} />

      <Matrix cohortId={cohortId} params={p} assignments={head.assignments} rows={matrix.rows} total={matrix.total} pageSize={PAGE_SIZE} />

      <ChartsSection charts={overview.charts} timeZone={head.timeZone} locale={locale} />

      <AuditList entries={audit} timeZone={head.timeZone} />
    </div>
  );
}

function Tile({ label, value, note, warn }: { label: string; value: string; note?: string | null; warn?: boolean }) {
  return (
    <div className="rounded-xl border border-line bg-white p-4">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums">{value}</dd>
      {note && <dd className={warn ? "text-sm text-red-700" : "text-sm text-muted"}>{note}</dd>}
    </div>
  );
}
