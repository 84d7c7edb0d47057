import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import type { CellStatus, DashboardAssignment, MatrixCell, MatrixRow, MatrixSort } from "@/lib/dashboard/queries";
import { MATRIX_FILTERS } from "@/lib/dashboard/queries";
import { dashboardHref, type DashboardParams } from "@/lib/validation/dashboard";

/** The cell states; each has its tone as a class `mx-<status>` in app/globals.css. */
const STATUSES: readonly CellStatus[] = ["on_time", "late", "missing", "pending", "excused"];

const percent = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)} %`);
const rating = (v: number | null) => (v === null ? "–" : v.toFixed(1));

/** The students × assignments matrix with its search, filters, sortable headers and pages. */
export async function Matrix(props: {
  cohortId: string;
  params: DashboardParams;
  assignments: DashboardAssignment[];
  rows: MatrixRow[];
  total: number;
  pageSize: number;
}) {
  const { cohortId, params: p, assignments, rows, total } = props;
  const t = await getTranslations("dashboard");
  const pages = Math.max(1, Math.ceil(total / props.pageSize));
  // Formatted once per page, not once per cell.
  const statusLabel = Object.fromEntries(STATUSES.map((s) => [s, t(`status.${s}`)])) as Record<CellStatus, string>;

  const sortHeader = (key: MatrixSort, label: string, className?: string) => {
    const active = p.sort === key;
    const dir = active && p.dir === "asc" ? "desc" : "asc";
    return (
      <th scope="col" aria-sort={active ? (p.dir === "asc" ? "ascending" : "descending") : "none"} className={cn("px-3 py-2 font-medium", className)}>
        <Link href={dashboardHref(cohortId, p, { sort: key, dir: active ? dir : key === "name" ? "asc" : "desc", page: 1 })} className="inline-flex items-center gap-1 hover:underline" scroll={false}>
          {label}
          <span aria-hidden className={cn("text-xs", active ? "text-ink" : "text-muted")}>
            {active && p.dir === "desc" ? "▼" : "▲"}
          </span>
        </Link>
      </th>
    );
  };

  return (
    <section aria-labelledby="matrix-heading" className="flex flex-col gap-4" data-testid="matrix">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 id="matrix-heading" className="text-xl font-semibold">
            {t("matrixTitle")}
          </h2>
          <p className="mt-1 text-sm text-muted">{t("matrixLead")}</p>
        </div>
        <form method="get" action={`/cohorts/${cohortId}/dashboard`} role="search" className="flex items-end gap-2">
          {p.filter !== "all" && <input type="hidden" name="filter" value={p.filter} />}
          {p.sort !== "name" && <input type="hidden" name="sort" value={p.sort} />}
          {p.dir !== "asc" && <input type="hidden" name="dir" value={p.dir} />}
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("search")}
            <input type="search" name="q" defaultValue={p.q} placeholder={t("searchPlaceholder")} className="w-60 rounded-lg border border-line bg-white px-3 py-2 font-normal" />
          </label>
          <button type="submit" className="rounded-lg border border-line bg-white px-3 py-2 text-sm font-medium shadow-sm hover:bg-stone-50">
            {t("searchButton")}
          </button>
        </form>
      </div>

      <nav aria-label={t("filterLabel")}>
        <ul className="flex flex-wrap gap-2">
          {MATRIX_FILTERS.map((f) => (
            <li key={f}>
              <Link
                href={dashboardHref(cohortId, p, { filter: f, page: 1 })}
                aria-current={p.filter === f ? "true" : undefined}
                scroll={false}
                className={cn(
                  "inline-flex rounded-full border px-3 py-1 text-sm",
                  p.filter === f ? "border-brand-600 bg-brand-600 text-white" : "border-line bg-white hover:bg-stone-50",
                )}
              >
                {t(`filter.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <p className="text-sm text-muted" aria-live="polite">
        {p.q ? t("countSearch", { count: total, q: p.q }) : t("count", { count: total })}
      </p>

      {rows.length === 0 ? (
        <div className="rounded-xl border border-dashed border-line bg-white p-8 text-center">
          <p className="font-medium">{p.filter === "all" && !p.q ? t("noStudents") : t("noMatches")}</p>
          <p className="mt-1 text-sm text-muted">{p.filter === "all" && !p.q ? t("noStudentsHint") : t("noMatchesHint")}</p>
          {(p.filter !== "all" || p.q) && (
            <Link href={dashboardHref(cohortId, p, { filter: "all", q: "", page: 1 })} className="mt-3 inline-block text-sm font-medium text-brand-700 underline">
              {t("showAll")}
            </Link>
          )}
        </div>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-line bg-white" tabIndex={0} role="region" aria-labelledby="matrix-heading">
          <table className="matrix w-full min-w-max text-left text-sm" data-testid="matrix-table">
            <thead className="border-b border-line bg-stone-50 text-xs text-muted">
              <tr>
                {sortHeader("name", t("student"), "sticky left-0 bg-stone-50")}
                {assignments.map((a) => (
                  <th key={a.id} scope="col" className="px-3 py-2 font-medium" title={a.lessonTitle}>
                    <span className="block max-w-[14ch] truncate">{a.lessonTitle}</span>
                  </th>
                ))}
                {sortHeader("submitted", t("colSubmitted"))}
                {sortHeader("given", t("colGiven"))}
                {sortHeader("received", t("colReceived"))}
                {sortHeader("blocking", t("colBlocking"))}
                {sortHeader("waiting", t("colWaiting"))}
                {sortHeader("fit", t("colFit"))}
                {sortHeader("helpfulness", t("colHelpfulness"))}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((r) => (
                <tr key={r.userId}>
                  <th scope="row">
                    <Link href={`/cohorts/${cohortId}/dashboard/students/${r.userId}`} className="hover:underline">
                      {r.name}
                    </Link>
                    <span className="block text-xs font-normal text-muted">{r.email}</span>
                  </th>
                  {assignments.map((a) => {
                    const c = r.cells.find((x) => x.assignmentId === a.id);
                    return <td key={a.id}>{c ? <Cell cell={c} k={a.k} t={t} status={statusLabel} /> : "–"}</td>;
                  })}
                  <td data-col="submitted">
                    {t("ofAssignments", { n: r.submitted, total: assignments.length - r.excused })}
                    {r.late > 0 && <span className="block text-xs text-amber-800">{t("lateCount", { count: r.late })}</span>}
                  </td>
                  <td data-col="given">{`${r.given}/${r.owed}`}</td>
                  <td data-col="received">{r.received}</td>
                  <td className={r.blocking > 0 ? "font-semibold text-amber-900" : undefined} data-col="blocking">
                    {r.blocking}
                    {r.overdue > 0 && <span className="block text-xs font-normal text-red-700">{t("overdueCount", { count: r.overdue })}</span>}
                  </td>
                  <td data-col="waiting">{r.waiting}</td>
                  <td data-col="fit">{percent(r.fit)}</td>
                  <td data-col="helpfulness">{rating(r.helpfulness)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 && (
        <nav aria-label={t("pagination")} className="flex items-center justify-between gap-3 text-sm">
          {p.page > 1 ? (
            <Link href={dashboardHref(cohortId, p, { page: p.page - 1 })} className="rounded-lg border border-line bg-white px-3 py-1.5 hover:bg-stone-50" scroll={false}>
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-muted">{t("pageOf", { page: p.page, pages })}</span>
          {p.page < pages ? (
            <Link href={dashboardHref(cohortId, p, { page: p.page + 1 })} className="rounded-lg border border-line bg-white px-3 py-1.5 hover:bg-stone-50" scroll={false}>
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </section>
  );
}

function Cell({ cell: c, k, t, status }: { cell: MatrixCell; k: number; t: Awaited<ReturnType<typeof getTranslations<"dashboard">>>; status: Record<CellStatus, string> }) {
  return (
    <div className="mx-cell">
      <span className={`mx-status mx-${c.status}`}>{status[c.status]}</span>
      {c.status !== "excused" && (c.owed > 0 || c.received > 0 || c.waiting > 0) && (
        <span className="mx-note">
          {t("cellReviews", { given: c.given, owed: c.owed, received: c.received, k })}
          {c.overdue > 0 && <span className="ml-1 font-medium text-red-700">{t("overdueShort", { count: c.overdue })}</span>}
        </span>
      )}
      {c.fit !== null && <span className="mx-note">{t("cellFit", { fit: Math.round(c.fit * 100) })}</span>}
      {c.extendedUntil && <span className="text-xs text-sky-800">{t("extendedShort")}</span>}
    </div>
  );
}
