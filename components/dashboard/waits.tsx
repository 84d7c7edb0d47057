import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { cn } from "@/components/ui/cn";
import type { OpenReview } from "@/lib/dashboard/queries";
import { dashboardHref, type DashboardParams } from "@/lib/validation/dashboard";
import { ReassignAllButton, ReassignButtons } from "./fix-buttons";

/**
 * "Who waits on whom": the open reviews, grouped by reviewer, the reviewer with the oldest open
 * review first. Each group says whom this reviewer keeps waiting; each review can be handed on.
 */
export async function Waits(props: { cohortId: string; params: DashboardParams; rows: OpenReview[]; total: number; pageSize: number; timeZone: string; now: Date }) {
  const { cohortId, rows, total, now } = props;
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: props.timeZone });
  const groups: { reviewerId: string; reviewerName: string; reviewerRole: OpenReview["reviewerRole"]; open: number; items: OpenReview[] }[] = [];
  for (const r of rows) {
    const last = groups.at(-1);
    if (last && last.reviewerId === r.reviewerId) last.items.push(r);
    else groups.push({ reviewerId: r.reviewerId, reviewerName: r.reviewerName, reviewerRole: r.reviewerRole, open: r.reviewerOpen, items: [r] });
  }
  const pages = Math.max(1, Math.ceil(total / props.pageSize));
  const p = props.params;

  return (
    <section aria-labelledby="waits-heading" className="flex flex-col gap-4" data-testid="waits">
      <div>
        <h2 id="waits-heading" className="text-xl font-semibold">
          {t("waitsTitle")}
        </h2>
        <p className="mt-1 text-sm text-muted">{total > 0 ? t("waitsLead", { count: total }) : t("waitsNone")}</p>
      </div>
      {groups.length > 0 && (
        <ClientMessages namespaces={["dashboard"]}>
          <ol className="flex flex-col gap-3">
            {groups.map((g) => {
              const overdue = g.items.some((i) => i.dueAt < now);
              return (
                <li key={g.reviewerId} className={cn("rounded-xl border bg-white p-4", overdue ? "border-amber-300" : "border-line")} data-testid="waits-group" data-reviewer={g.reviewerName}>
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div>
                      <p className="font-medium">
                        <Link href={`/cohorts/${cohortId}/dashboard/students/${g.reviewerId}`} className="hover:underline">
                          {g.reviewerName}
                        </Link>
                        {g.reviewerRole === "instructor" && <span className="ml-2 text-xs font-normal text-muted">{t("instructorRole")}</span>}
                      </p>
                      <p className="text-sm text-muted">{t("blocks", { count: g.open, names: [...new Set(g.items.map((i) => i.authorName))].join(", ") })}</p>
                    </div>
                    {g.open > 1 && <ReassignAllButton cohortId={cohortId} reviewerId={g.reviewerId} reviewerName={g.reviewerName} count={g.open} />}
                  </div>
                  <ul className="mt-3 divide-y divide-line border-t border-line">
                    {g.items.map((r) => (
                      <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm" data-testid="open-review">
                        <div>
                          <p>
                            <span className="font-medium">{r.reviewerName}</span>
                            <span aria-hidden> → </span>
                            <span className="sr-only">{t("reviews")}</span>
                            <span className="font-medium">{r.authorName}</span>
                            <span className="text-muted"> · {r.lessonTitle}</span>
                          </p>
                          <p className="text-xs text-muted">
                            {t("assignedDue", { assigned: when(r.assignedAt), due: when(r.dueAt) })}
                            {r.sentBack ? (
                              <span className="ml-2 text-amber-800">{t("sentBack")}</span>
                            ) : (
                              r.status === "draft" && <span className="ml-2 text-sky-800">{t("started")}</span>
                            )}
                            {r.dueAt < now && <span className="ml-2 font-medium text-red-700">{t("overdue")}</span>}
                          </p>
                        </div>
                        <ReassignButtons cohortId={cohortId} reviewId={r.id} reviewerName={r.reviewerName} authorName={r.authorName} />
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ol>
        </ClientMessages>
      )}
      {pages > 1 && (
        <nav aria-label={t("waitsPagination")} className="flex items-center justify-between gap-3 text-sm">
          {p.wpage > 1 ? (
            <Link href={dashboardHref(cohortId, p, { wpage: p.wpage - 1 })} className="rounded-lg border border-line bg-white px-3 py-1.5 hover:bg-stone-50" scroll={false}>
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-muted">{t("pageOf", { page: p.wpage, pages })}</span>
          {p.wpage < pages ? (
            <Link href={dashboardHref(cohortId, p, { wpage: p.wpage + 1 })} className="rounded-lg border border-line bg-white px-3 py-1.5 hover:bg-stone-50" scroll={false}>
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
