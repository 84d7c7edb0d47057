import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { points } from "@/components/grades/grade-parts";
import { LmsSyncStatus } from "@/components/grades/lms-sync-status";
import { ReleaseButton } from "@/components/grades/release-button";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClasses } from "@/components/ui/button";
import { pageDb } from "@/db/replica";
import { requireCohortRole } from "@/lib/auth/session";
import { gradebook, type GradeCell } from "@/lib/grades/queries";

type Props = { params: Promise<{ cohortId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("grades"))("title") };
}

const pageOf = (raw: string | string[] | undefined) => {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
};

/**
 * The cohort's gradebook, for its instructors and admins only (everyone else: not found): students ×
 * assignments with each grade, the totals, and per assignment the release. Two statements per page.
 */
export default async function GradebookPage({ params, searchParams }: Props) {
  const { cohortId } = await params;
  await requireCohortRole(cohortId, ["instructor"]);
  const page = pageOf((await searchParams).page);
  const now = new Date();
  const [book, t, format] = await Promise.all([gradebook(await pageDb(), cohortId, { page }, now), getTranslations("grades"), getFormatter()]);
  if (!book) notFound();
  const base = `/cohorts/${cohortId}`;
  const when = (d: Date) => format.dateTime(d, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: book.timeZone });
  const empty = book.assignments.length === 0 ? "noAssignments" : book.students === 0 ? "noStudents" : null;

  const cellText = (c: GradeCell) => (c.state === "graded" && c.grade?.points != null ? points(format, c.grade.points) : t(`state.${c.state}`));

  return (
    <div className="flex flex-col gap-8">
      <Breadcrumb
        label={t("breadcrumb")}
        items={[
          { href: base, label: book.courseTitle },
          { href: `${base}/dashboard`, label: t("dashboard") },
        ]}
        current={t("title")}
      />
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{t("title")}</h1>
          <p className="mt-2 max-w-prose text-muted">{t("lead", { cohort: book.cohortName })}</p>
        </div>
        {!empty && (
          <a href={`${base}/gradebook/export`} className={buttonClasses("secondary")} download>
            {t("exportCsv")}
          </a>
        )}
      </header>

      {empty ? (
        <div className="rounded-xl border border-dashed border-line bg-white p-8 text-center">
          <p className="font-medium">{t(`${empty}`)}</p>
          <p className="mt-1 text-sm text-muted">{t(`${empty}Hint`)}</p>
          <Link href={empty === "noAssignments" ? base : `${base}/members`} className="mt-3 inline-block text-sm font-medium text-brand-700 underline">
            {empty === "noAssignments" ? t("toLessons") : t("toMembers")}
          </Link>
        </div>
      ) : (
        <section aria-labelledby="gradebook-heading" className="flex flex-col gap-3">
          <h2 id="gradebook-heading" className="sr-only">
            {t("tableTitle")}
          </h2>
          <p className="text-sm text-muted">{t("count", { count: book.students })}</p>
          <ClientMessages namespaces={["grades"]}>
            <div className="overflow-x-auto rounded-xl border border-line bg-white" tabIndex={0} role="region" aria-labelledby="gradebook-heading">
              <table className="matrix w-full min-w-max text-left text-sm" data-testid="gradebook-table">
                <thead className="border-b border-line bg-stone-50 text-xs text-muted">
                  <tr className="align-top">
                    <th scope="col" className="sticky left-0 z-10 bg-stone-50 px-3 py-2 font-medium">
                      {t("student")}
                    </th>
                    {book.assignments.map((a) => (
                      <th key={a.id} scope="col" className="px-3 py-2 font-medium">
                        <div className="flex min-w-[11rem] flex-col gap-1.5">
                          <Link href={`${base}/lessons/${a.lessonSlug}`} className="block max-w-[18ch] truncate text-sm text-ink hover:underline" title={a.lessonTitle}>
                            {a.lessonTitle}
                          </Link>
                          <span className={a.gradesReleasedAt ? "text-brand-800" : undefined}>
                            {a.gradesReleasedAt ? t("releasedOn", { when: when(a.gradesReleasedAt) }) : t("notReleased")}
                          </span>
                          {a.reviewDue > now && <span className="text-amber-800">{t("provisional", { when: when(a.reviewDue) })}</span>}
                          <ReleaseButton cohortId={cohortId} assignmentId={a.id} lessonTitle={a.lessonTitle} released={a.gradesReleasedAt !== null} />
                          {book.lms.has(a.id) && <LmsSyncStatus assignmentId={a.id} sync={book.lms.get(a.id)!} />}
                        </div>
                      </th>
                    ))}
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("total")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {book.rows.map((r) => (
                    <tr key={r.userId}>
                      <th scope="row">
                        {r.name}
                        <span className="block text-xs font-normal text-muted">{r.email}</span>
                      </th>
                      {book.assignments.map((a) => {
                        const c = r.cells.find((x) => x.assignmentId === a.id);
                        if (!c) return <td key={a.id}>–</td>;
                        return (
                          <td key={a.id}>
                            <Link
                              href={`${base}/gradebook/${a.id}/${r.userId}`}
                              className={c.state === "graded" ? "font-medium hover:underline" : "text-muted hover:underline"}
                              aria-label={t("cellLabel", { name: r.name, lesson: a.lessonTitle, grade: cellText(c) })}
                            >
                              {cellText(c)}
                            </Link>
                            {c.grade?.override && <span className="block text-xs text-amber-800">{t("overridden")}</span>}
                            {!c.grade?.override && c.grade?.parts[0]?.key === "submission" && c.grade.parts[0].source === "instructor" && (
                              <span className="block text-xs text-sky-800">{t("assessed")}</span>
                            )}
                          </td>
                        );
                      })}
                      <td className="font-semibold" data-col="total">
                        {r.total === null ? "–" : points(format, r.total)}
                        {r.graded > 0 && r.graded < book.assignments.length && <span className="block text-xs font-normal text-muted">{t("totalOf", { count: r.graded })}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </ClientMessages>
          <p className="max-w-prose text-xs text-muted">{t("totalExplained")}</p>
          {book.pages > 1 && (
            <nav aria-label={t("pagination")} className="flex items-center justify-between gap-3 text-sm">
              {book.page > 1 ? (
                <Link href={`${base}/gradebook?page=${book.page - 1}`} className="rounded-lg border border-line bg-white px-3 py-1.5 hover:bg-stone-50">
                  {t("previous")}
                </Link>
              ) : (
                <span />
              )}
              <span className="text-muted">{t("pageOf", { page: book.page, pages: book.pages })}</span>
              {book.page < book.pages ? (
                <Link href={`${base}/gradebook?page=${book.page + 1}`} className="rounded-lg border border-line bg-white px-3 py-1.5 hover:bg-stone-50">
                  {t("next")}
                </Link>
              ) : (
                <span />
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
