import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { cn } from "@/components/ui/cn";
import { pageDb } from "@/db/replica";
import { reservePoolSlots, waitedFor, type PoolSlot } from "@/lib/dashboard/pool";
import { PoolFeedback, PoolSlotActions } from "./reserve-pool-actions";

/** More than this many waiting submissions: the longest waiting are shown, the rest follow as these are filled. */
const SHOWN = 40;
const LONG_WAIT_MS = 48 * 60 * 60 * 1000;

/**
 * The reserve pool: submissions still short of reviewers, by assignment, the longest waiting first.
 * Each can be taken by the instructor, offered to the students who may take it, or assigned. One
 * statement for the whole cohort, none before any assignment is paired.
 */
export async function ReservePool({ cohortId, timeZone, now, paired }: { cohortId: string; timeZone: string; now: Date; paired: boolean }) {
  // Before any pairing there is no pool: no statement for it.
  const [slots, t, format] = await Promise.all([paired ? pageDb().then((db) => reservePoolSlots(db, cohortId)) : [], getTranslations("reservePool"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone });
  const waited = (d: Date) => {
    const { unit, count } = waitedFor(d, now);
    return t(`waited.${unit}`, { count });
  };
  const groups: { assignmentId: string; lessonTitle: string; slots: PoolSlot[] }[] = [];
  for (const slot of slots.slice(0, SHOWN)) {
    const group = groups.find((g) => g.assignmentId === slot.assignmentId);
    if (group) group.slots.push(slot);
    else groups.push({ assignmentId: slot.assignmentId, lessonTitle: slot.lessonTitle, slots: [slot] });
  }
  const missing = slots.reduce((n, s) => n + s.k - s.have, 0);

  return (
    <section aria-labelledby="reserve-pool-heading" className="flex flex-col gap-4" data-testid="reserve-pool">
      <div>
        <h2 id="reserve-pool-heading" className="text-xl font-semibold">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-muted">{slots.length > 0 ? t("lead", { submissions: slots.length, missing }) : paired ? t("empty") : t("notPaired")}</p>
      </div>
      {/* Always mounted: what an action did stays in view when its slot leaves the list. */}
      <ClientMessages namespaces={["reservePool"]}>
        <PoolFeedback>
          {groups.map((g) => (
            <div key={g.assignmentId} className="rounded-xl border border-line bg-white p-4" data-testid="pool-assignment">
              <h3 className="font-medium">{g.lessonTitle}</h3>
              <ul className="mt-3 divide-y divide-line border-t border-line">
                {g.slots.map((s) => {
                  const long = now.getTime() - s.since.getTime() >= LONG_WAIT_MS;
                  return (
                    <li key={s.submissionId} className="flex flex-wrap items-start justify-between gap-3 py-3 text-sm" data-testid="pool-slot" data-author={s.authorName}>
                      <div id={`pool-${s.submissionId}`}>
                        <p>
                          <Link href={`/cohorts/${cohortId}/dashboard/students/${s.authorId}`} className="font-medium hover:underline">
                            {s.authorName}
                          </Link>
                          <span className="text-muted"> · {t("reviewsOf", { have: s.have, k: s.k })}</span>
                        </p>
                        <p className="text-xs text-muted">
                          <span className={cn(long && "font-medium text-red-700")}>{waited(s.since)}</span>
                          {" · "}
                          <time dateTime={s.since.toISOString()}>{t("since", { when: when(s.since) })}</time>
                        </p>
                      </div>
                      <PoolSlotActions
                        slot={{ cohortId, assignmentId: s.assignmentId, submissionId: s.submissionId }}
                        authorName={s.authorName}
                        describedBy={`pool-${s.submissionId}`}
                      />
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </PoolFeedback>
      </ClientMessages>
      {slots.length > SHOWN && <p className="text-xs text-muted">{t("shownOf", { shown: SHOWN, total: slots.length })}</p>}
    </section>
  );
}
