import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import type { ReviewTask } from "@/lib/reviews/queries";
import { maskName } from "@/lib/reviews/anonymity";

/** "Review the work of … — due Friday": a student's open review tasks, soonest first. */
export async function ReviewTasks({ tasks, cohortId, viewerId, timeZone, compact }: { tasks: ReviewTask[]; cohortId: string; viewerId: string; timeZone: string; compact?: boolean }) {
  const [t, format] = await Promise.all([getTranslations("reviews"), getFormatter()]);
  const now = new Date();
  return (
    <ul className="flex flex-col gap-2" data-testid="review-tasks">
      {tasks.map((task) => {
        const name = maskName({ anonymity: task.anonymity, as: "author", viewerId, viewerIsInstructor: false, personId: task.authorId, name: task.authorName, alias: t("aPeer") });
        const soon = task.dueAt.getTime() - now.getTime() < 2 * 86_400_000;
        const overdue = task.dueAt < now;
        const due = format.dateTime(task.dueAt, { weekday: "long", day: "numeric", month: "short", timeZone });
        return (
          <li key={task.id}>
            <Link
              href={`/cohorts/${cohortId}/reviews/${task.id}`}
              className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 rounded-lg border border-line bg-white px-4 py-3 shadow-xs hover:border-brand-200 hover:bg-brand-50/40"
            >
              <span className="flex flex-col">
                <span className="font-medium">{t("taskTitle", { name, lesson: task.lessonTitle })}</span>
                {!compact && task.status === "draft" && <span className="text-xs text-muted">{t("draftStarted")}</span>}
              </span>
              <span className={cn("text-sm", overdue ? "font-medium text-red-700" : soon ? "font-medium text-amber-800" : "text-muted")}>
                {overdue ? t("overdueSince", { when: due }) : t("dueShort", { when: due })}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
