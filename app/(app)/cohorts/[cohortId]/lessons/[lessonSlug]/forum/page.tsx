import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { Badge, UnreadDot } from "@/components/forum/badges";
import { NewThreadForm } from "@/components/forum/new-thread-form";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { pageDb } from "@/db/replica";
import { requireCohortRole } from "@/lib/auth/session";
import { getCohortCourse } from "@/lib/courses/queries";
import { cohortMemberNames, listThreads } from "@/lib/forum/store";
import { anonymousRef } from "@/lib/reviews/anonymity";

type Props = {
  params: Promise<{ cohortId: string; lessonSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cohortId, lessonSlug } = await params;
  const { user } = await requireCohortRole(cohortId);
  const [course, t] = await Promise.all([getCohortCourse(cohortId, user.id), getTranslations("forum")]);
  const lesson = course?.lessons.find((l) => l.slug === lessonSlug);
  return { title: lesson ? t("boardTitle", { lesson: lesson.title }) : undefined };
}

function pageOf(raw: string | string[] | undefined): number {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

export default async function LessonForumPage({ params, searchParams }: Props) {
  const { cohortId, lessonSlug } = await params;
  const { user, role } = await requireCohortRole(cohortId);
  // The board shows the lesson's title, never its body: the course outline is enough.
  const course = await getCohortCourse(cohortId, user.id);
  const index = course?.lessons.findIndex((l) => l.slug === lessonSlug) ?? -1;
  if (!course || index < 0) notFound();
  const lesson = { ...course.lessons[index]!, number: index + 1 };
  const page = pageOf((await searchParams).page);
  const db = await pageDb();
  const [t, tc, tl, tr, format, board, members] = await Promise.all([
    getTranslations("forum"),
    getTranslations("cohort"),
    getTranslations("lesson"),
    getTranslations("reviews"),
    getFormatter(),
    listThreads(db, { id: user.id, role }, { cohortId, lessonId: lesson.id }, page),
    cohortMemberNames(db, cohortId),
  ]);
  const base = `/cohorts/${cohortId}`;
  const boardPath = `${base}/lessons/${lesson.slug}/forum`;
  if (page > board.pages) redirect(`${boardPath}?page=${board.pages}`);
  const pageHref = (n: number) => (n === 1 ? boardPath : `${boardPath}?page=${n}`);
  const now = new Date();
  // Anonymous assignments: classmates see neither the name in a submission thread's title nor its author.
  const masked = (thread: (typeof board.threads)[number]) => thread.anonymous && role !== "instructor" && thread.authorId !== user.id;

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-8">
      <Breadcrumb
        label={tl("breadcrumb")}
        items={[
          { href: base, label: course.courseTitle },
          { href: `${base}/lessons/${lesson.slug}`, label: tc("lessonN", { n: lesson.number }) },
        ]}
        current={t("forum")}
      />

      <header>
        <p className="text-sm font-medium text-brand-700">{tc("lessonN", { n: lesson.number })}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words sm:text-3xl text-balance">{t("boardTitle", { lesson: lesson.title })}</h1>
        <p className="mt-2 max-w-2xl text-muted">{t("boardLead")}</p>
      </header>

      <ClientMessages namespaces={["forum"]}>
        <NewThreadForm
          cohortId={cohortId}
          lessonId={lesson.id}
          members={members.filter((m) => m.id !== user.id)}
          initiallyOpen={board.total === 0}
        />
      </ClientMessages>

      <section aria-labelledby="threads-heading" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="threads-heading" className="text-lg font-semibold">
            {t("threads")}
          </h2>
          {board.total > 0 && <p className="text-sm text-muted">{t("threadCount", { count: board.total })}</p>}
        </div>

        {board.total === 0 ? (
          <Card className="text-center">
            <p className="font-semibold">{t("emptyBoard")}</p>
            <p className="mt-1 text-sm text-muted">{t("emptyBoardHint")}</p>
          </Card>
        ) : (
          <ul className="flex flex-col gap-3">
            {board.threads.map((thread) => (
              <li
                key={thread.id}
                className={cn(
                  "flex gap-3 rounded-xl border bg-white p-4 shadow-xs transition-colors focus-within:border-brand-200 hover:border-brand-200 sm:p-5",
                  thread.hidden ? "border-dashed border-stone-300 bg-stone-50" : "border-line",
                )}
              >
                <div className="flex w-3 shrink-0 justify-center pt-2">{thread.unread && <UnreadDot label={t("unread")} />}</div>
                <div className="flex min-w-0 flex-1 flex-col gap-1.5">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
                    <h3 className={cn("min-w-0 text-base leading-snug break-words", thread.unread ? "font-semibold" : "font-medium")}>
                      <Link href={`${base}/forum/${thread.id}`} className="hover:underline">
                        {masked(thread) ? tr("anonymousTitle", { lesson: lesson.title, ref: anonymousRef(thread.id) }) : thread.title}
                      </Link>
                    </h3>
                    {thread.pinned && <Badge tone="brand">{t("pinned")}</Badge>}
                    {thread.kind === "submission" && <Badge tone="info">{t("submission")}</Badge>}
                    {thread.locked && <Badge tone="neutral">{t("locked")}</Badge>}
                    {thread.hidden && <Badge tone="warning">{t("hidden")}</Badge>}
                  </div>
                  <p className="text-sm text-muted">
                    {t("startedBy", { name: masked(thread) ? tr("submissionAuthor") : thread.authorName })}
                    <span aria-hidden> · </span>
                    <span className="sr-only">, </span>
                    {t("replies", { count: thread.replyCount })}
                    <span aria-hidden> · </span>
                    <span className="sr-only">, </span>
                    <time dateTime={thread.lastActivityAt.toISOString()} title={format.dateTime(thread.lastActivityAt, { dateStyle: "medium", timeStyle: "short" })}>
                      {t("lastActivity", { when: format.relativeTime(thread.lastActivityAt, now) })}
                    </time>
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}

        {board.pages > 1 && (
          <nav aria-label={t("pagination")} className="flex items-center justify-between gap-4 pt-2 text-sm">
            {page > 1 ? (
              <Link href={pageHref(page - 1)} aria-label={t("previousPage")} className="rounded-lg border border-line bg-white px-3 py-1.5 shadow-xs hover:bg-stone-50">
                ← {t("previous")}
              </Link>
            ) : (
              <span aria-hidden className="px-3 py-1.5 text-muted">
                ← {t("previous")}
              </span>
            )}
            <p className="text-muted">
              {t("pageOf", { page, pages: board.pages })}
            </p>
            {page < board.pages ? (
              <Link href={pageHref(page + 1)} aria-label={t("nextPage")} className="rounded-lg border border-line bg-white px-3 py-1.5 shadow-xs hover:bg-stone-50">
                {t("next")} →
              </Link>
            ) : (
              <span aria-hidden className="px-3 py-1.5 text-muted">
                {t("next")} →
              </span>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
