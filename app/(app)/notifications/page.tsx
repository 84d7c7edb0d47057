import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { UnreadDot } from "@/components/forum/badges";
import { MarkAllReadButton, NotificationLink } from "@/components/forum/notification-actions";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { pageDb } from "@/db/replica";
import { requireUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/store";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

type Row = Awaited<ReturnType<typeof listNotifications>>[number];

/** Where a notification leads: the post in its thread, else the cohort; null when there is nothing to open. */
function hrefOf(row: Row): string | null {
  // Review tasks and their deadlines lead to the reviews page.
  if (row.kind === "pool_offer" && row.cohortId) return `/cohorts/${row.cohortId}/reviews#pool-heading`;
  if ((row.kind === "review_assigned" || row.kind === "review_sent_back" || row.deadlineKind === "review") && row.cohortId)
    return `/cohorts/${row.cohortId}/reviews`;
  // A released grade is shown on its lesson's page.
  if (row.kind === "grades_released" && row.cohortId && row.lessonSlug) return `/cohorts/${row.cohortId}/lessons/${row.lessonSlug}`;
  if (row.cohortId && row.threadId) return `/cohorts/${row.cohortId}/forum/${row.threadId}${row.postId ? `?post=${row.postId}#post-${row.postId}` : ""}`;
  if (row.cohortId) return `/cohorts/${row.cohortId}`;
  return null;
}

export default async function NotificationsPage() {
  const user = await requireUser();
  const db = await pageDb();
  const [t, format, rows] = await Promise.all([getTranslations("notifications"), getFormatter(), listNotifications(db, user.id)]);
  const unread = rows.filter((r) => !r.readAt).length;
  const now = new Date();

  const text = (row: Row) => {
    const values = { actor: row.actorName ?? t("someone"), subject: row.subject, count: row.count, kind: row.deadlineKind ?? "other" };
    switch (row.kind) {
      case "reply":
        return t("reply", values);
      case "mention":
        return t("mention", values);
      case "review_assigned":
        return t("reviewAssigned", values);
      case "review_received":
        return t("reviewReceived", values);
      case "deadline":
        return t("deadline", values);
      case "review_sent_back":
        return t("reviewSentBack", values);
      case "review_revising":
        return t("reviewRevising", values);
      case "pool_offer":
        return t("poolOffer", values);
      case "grades_released":
        return t("gradesReleased", values);
      default:
        return t("other", values);
    }
  };

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{t("title")}</h1>
          <p className="mt-2 text-muted">{unread > 0 ? t("unreadCount", { count: unread }) : t("allRead")}</p>
        </div>
        {unread > 0 && (
          <ClientMessages namespaces={["notifications"]}>
            <MarkAllReadButton />
          </ClientMessages>
        )}
      </header>

      {rows.length === 0 ? (
        <Card className="text-center">
          <p className="font-semibold">{t("empty")}</p>
          <p className="mt-1 text-sm text-muted">{t("emptyHint")}</p>
        </Card>
      ) : (
        <ul className="flex flex-col divide-y divide-line overflow-hidden rounded-xl border border-line bg-white shadow-xs">
          {rows.map((row) => {
            const href = hrefOf(row);
            const isUnread = !row.readAt;
            const label = text(row);
            return (
              <li key={row.id} className={cn("flex items-start gap-3 px-5 py-4", isUnread && "bg-brand-50/60")}>
                <div className="flex w-3 shrink-0 justify-center pt-1.5">{isUnread && <UnreadDot label={t("unread")} />}</div>
                <div className="flex min-w-0 flex-1 flex-col gap-0.5">
                  {href ? (
                    <NotificationLink
                      id={row.id}
                      href={href}
                      unread={isUnread}
                      className={cn("break-words hover:underline", isUnread ? "font-semibold text-ink" : "text-stone-700")}
                    >
                      {label}
                    </NotificationLink>
                  ) : (
                    <p className={cn("break-words", isUnread ? "font-semibold" : "text-stone-700")}>{label}</p>
                  )}
                  <time
                    dateTime={row.createdAt.toISOString()}
                    title={format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    className="text-xs text-muted"
                  >
                    {format.relativeTime(row.createdAt, now)}
                  </time>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
