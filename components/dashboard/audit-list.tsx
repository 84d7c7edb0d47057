import { getFormatter, getTranslations } from "next-intl/server";
import type { listAudit } from "@/lib/cohorts/audit";

type Entry = Awaited<ReturnType<typeof listAudit>>[number];

/** The latest overrides of the cohort, newest first: who changed what, and when. */
export async function AuditList({ entries, timeZone }: { entries: Entry[]; timeZone: string }) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone });
  const text = (e: Entry) => {
    const d = e.details;
    const values = {
      actor: e.actorName ?? t("someone"),
      subject: e.subjectName ?? (typeof d.name === "string" ? d.name : t("someone")),
      lesson: e.lessonTitle ?? "",
      from: String(d.from ?? e.subjectName ?? ""),
      to: String(d.to ?? ""),
      author: String(d.author ?? ""),
      until: typeof d.until === "string" ? when(new Date(d.until)) : "",
      expired: Number(d.expired ?? 0),
      handed: Number(d.handed ?? 0),
      left: Number(d.left ?? 0),
      offered: Number(d.offered ?? 0),
      reviewer: String(d.reviewer ?? e.subjectName ?? ""),
      count: Number(d.count ?? 0),
      email: String(d.email ?? ""),
    };
    return t(`audit.${e.action}`, values);
  };
  return (
    <section aria-labelledby="audit-heading" className="flex flex-col gap-3" data-testid="audit">
      <h2 id="audit-heading" className="text-xl font-semibold">
        {t("auditTitle")}
      </h2>
      {entries.length === 0 ? (
        <p className="rounded-xl border border-dashed border-line bg-white p-4 text-sm text-muted">{t("auditEmpty")}</p>
      ) : (
        <ol className="divide-y divide-line rounded-xl border border-line bg-white">
          {entries.map((e) => (
            <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2.5 text-sm">
              <span>{text(e)}</span>
              <time dateTime={e.createdAt.toISOString()} className="text-xs text-muted">
                {when(e.createdAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
      {entries[0] && entries[0].total > entries.length && <p className="text-xs text-muted">{t("auditMore", { count: entries[0].total - entries.length })}</p>}
    </section>
  );
}
