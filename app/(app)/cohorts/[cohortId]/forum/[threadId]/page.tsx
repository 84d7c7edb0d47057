import { eq } from "drizzle-orm";
import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { FrozenCanvases } from "@/components/assignments/frozen-canvases";
import { ClientMessages } from "@/components/client-messages";
import { Badge } from "@/components/forum/badges";
import { ModerationBar } from "@/components/forum/moderation-bar";
import { PostArticle, type PostView } from "@/components/forum/post-article";
import { PostControls } from "@/components/forum/post-item";
import { ReplyForm } from "@/components/forum/reply-form";
import { Markdown } from "@/components/markdown";
import { FormMessage } from "@/components/ui/form-message";
import { cn } from "@/components/ui/cn";
import { getDb } from "@/db";
import { pageDb } from "@/db/replica";
import { assignments } from "@/db/schema";
import { HelpfulnessForm } from "@/components/reviews/helpfulness-form";
import { ReviewPost } from "@/components/reviews/review-post";
import { submissionReviewers, threadReviews } from "@/lib/reviews/queries";
import { SendBackForm } from "@/components/reviews/send-back-form";
import { anonymousRef, hidesAuthors, hidesReviewers, maskName } from "@/lib/reviews/anonymity";
import { receivedLockFor } from "@/lib/reviews/visibility";
import { SelfAssessmentCallout } from "@/components/self-assessment/self-assessment-callout";
import { submissionOfThread } from "@/lib/assignments/store";
import { isUuid, requireCohortRole } from "@/lib/auth/session";
import { getCohortCourse } from "@/lib/courses/queries";
import { threadPage } from "@/lib/forum/paging";
import { POSTS_PER_PAGE, cohortMemberNames, listPosts, markThreadRead, threadForViewer } from "@/lib/forum/store";

type Props = {
  params: Promise<{ cohortId: string; threadId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The thread if the viewer may see it here: a member of this cohort, and hidden threads only for instructors. */
const loadThread = cache(async (cohortId: string, threadId: string) => {
  const { user, role } = await requireCohortRole(cohortId);
  if (!isUuid(threadId)) notFound();
  const found = await threadForViewer(await pageDb(), user.id, threadId);
  if (!found || found.thread.cohortId !== cohortId || (found.thread.hidden && role !== "instructor")) notFound();
  return { user, role, ...found };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cohortId, threadId } = await params;
  const { thread } = await loadThread(cohortId, threadId);
  // Submission threads carry the author's name, which anonymous assignments hide.
  return { title: thread.kind === "submission" ? (await getTranslations("forum"))("submission") : thread.title };
}

function one(raw: string | string[] | undefined): string | undefined {
  return Array.isArray(raw) ? raw[0] : raw;
}

export default async function ThreadPage({ params, searchParams }: Props) {
  const { cohortId, threadId } = await params;
  const query = await searchParams;
  const { user, thread, role, authorName, readAt } = await loadThread(cohortId, threadId);
  const db = await pageDb();
  const [t, tc, tl, tr, format, course, posts, members, submission, reviewRows] = await Promise.all([
    getTranslations("forum"),
    getTranslations("cohort"),
    getTranslations("lesson"),
    getTranslations("reviews"),
    getFormatter(),
    getCohortCourse(cohortId, user.id),
    listPosts(db, thread.id, role),
    cohortMemberNames(db, cohortId),
    thread.kind === "submission" ? submissionOfThread(db, thread.id) : Promise.resolve(null),
    thread.kind === "submission" ? threadReviews(db, thread.id) : Promise.resolve([]),
  ]);
  const [assignment] = submission
    ? await db.select().from(assignments).where(eq(assignments.id, submission.submission.assignmentId)).limit(1)
    : [];
  const lessonIndex = course?.lessons.findIndex((l) => l.id === thread.lessonId) ?? -1;
  const lesson = course?.lessons[lessonIndex];
  if (!course || !lesson) notFound();

  const base = `/cohorts/${cohortId}`;
  const boardPath = `${base}/lessons/${lesson.slug}/forum`;
  const threadPath = `${base}/forum/${thread.id}`;
  const instructor = role === "instructor";
  const canReply = !thread.locked || instructor;
  const others = members.filter((m) => m.id !== user.id);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  // The submission, in the version asked for (?v=N), the newest by default.
  const versions = submission?.versions ?? [];
  const newest = versions[0];
  const shown = versions.find((v) => String(v.version) === one(query.v)) ?? newest;
  const submitted = one(query.submitted);
  const submittedNote =
    submitted === "same" ? t("submittedSame") : submitted && /^\d+$/.test(submitted) ? t("submittedAs", { n: Number(submitted) }) : null;

  // Assigned reviews: the assignment's anonymity mode decides whose names students see; the author reads theirs once unlocked.
  const anonymity = assignment?.anonymity ?? "named";
  const isAuthor = thread.authorId === user.id;
  const lock = assignment && isAuthor ? await receivedLockFor(db, assignment, user.id) : null;
  const unlocked = !lock || lock.unlocked;
  const reviewByPost = new Map(reviewRows.map((r) => [r.postId, r]));
  // With anonymous reviewers every post of an assigned reviewer (reviews and ordinary replies) reads "Reviewer n".
  const reviewerIds = hidesReviewers(anonymity) && submission ? await submissionReviewers(db, submission.submission.id) : reviewRows.map((r) => r.reviewerId);
  const reviewerNumber = new Map(reviewerIds.map((id, i) => [id, i + 1]));
  const nameOf = (as: "author" | "reviewer", personId: string, name: string, alias: string) =>
    maskName({ anonymity, as, viewerId: user.id, viewerIsInstructor: instructor, personId, name, alias });
  const hiddenReviews = unlocked ? 0 : reviewRows.filter((r) => r.status === "submitted").length;
  const shownPosts = posts.filter((p) => unlocked || !reviewByPost.has(p.id));
  // The title names the author ("Anna's Empathy Map"): hidden under double-blind.
  const threadTitle = hidesAuthors(anonymity) && !instructor && !isAuthor ? tr("anonymousTitle", { lesson: lesson.title, ref: anonymousRef(thread.id) }) : thread.title;

  // About fifty posts a page; ?post=ID opens the page that holds it (links from notifications, after a reply).
  const { page, pageCount, first, items: pagePosts } = threadPage(shownPosts, { page: one(query.page), post: one(query.post) }, POSTS_PER_PAGE);
  const pageHref = (n: number) => {
    const params = new URLSearchParams();
    if (one(query.v)) params.set("v", one(query.v)!);
    if (n > 1) params.set("page", String(n));
    const search = params.toString();
    return search ? `${threadPath}?${search}` : threadPath;
  };
  // The thread counts as read once its newest posts were shown; the marker is written only when it moves,
  // on the primary, and not if the thread has moved on since what was shown (a read replica may be behind).
  if (page === pageCount && (!readAt || readAt < thread.lastActivityAt)) await markThreadRead(getDb(), user.id, thread.id, thread.lastActivityAt);
  const labels = { edited: t("edited"), openingPost: t("openingPost"), hiddenPost: t("hiddenPost"), deletedPost: t("deletedPost"), unread: t("newPost") };

  const views: PostView[] = pagePosts.map((post, i) => ({
    id: post.id,
    authorName: reviewerNumber.has(post.authorId)
      ? nameOf("reviewer", post.authorId, post.authorName, tr("reviewerN", { n: reviewerNumber.get(post.authorId)! }))
      : post.authorId === thread.authorId
        ? nameOf("author", post.authorId, post.authorName, tr("submissionAuthor"))
        : post.authorName,
    badge: reviewByPost.has(post.id)
      ? reviewByPost.get(post.id)!.status === "submitted"
        ? tr(reviewByPost.get(post.id)!.kind === "extra" ? "extraReview" : "assignedReview")
        : tr("sentBackBadge")
      : undefined,
    // A review sent back is shown as such, not as a moderator's hidden post.
    hidden: post.hidden && !reviewByPost.has(post.id),
    deleted: Boolean(post.deletedAt),
    opening: first + i === 0 && post.authorId === thread.authorId && !reviewByPost.has(post.id),
    unread: Boolean(readAt && post.createdAt > readAt && post.authorId !== user.id),
    createdAt: post.createdAt.toISOString(),
    createdLabel: when(post.createdAt),
    editedTitle: post.editedAt ? t("editedAt", { when: when(post.editedAt) }) : null,
  }));

  return (
    // Submitted canvases need the width; a plain discussion reads better in a narrower column.
    <article className={cn("mx-auto flex w-full flex-col gap-8", submission ? "max-w-5xl" : "max-w-3xl")}>
      <Breadcrumb
        label={tl("breadcrumb")}
        items={[
          { href: base, label: course.courseTitle },
          { href: `${base}/lessons/${lesson.slug}`, label: tc("lessonN", { n: lessonIndex + 1 }) },
          { href: boardPath, label: t("forum") },
        ]}
        current={threadTitle}
      />

      <header className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          {thread.pinned && <Badge tone="brand">{t("pinned")}</Badge>}
          {thread.kind === "submission" && <Badge tone="info">{t("submission")}</Badge>}
          {thread.locked && <Badge tone="neutral">{t("locked")}</Badge>}
          {thread.hidden && <Badge tone="warning">{t("hidden")}</Badge>}
        </div>
        <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl text-balance">{threadTitle}</h1>
        <p className="text-sm text-muted">
          {t("startedByOn", { name: nameOf("author", thread.authorId, authorName, tr("submissionAuthor")), when: when(thread.createdAt) })}
          <span aria-hidden> · </span>
          <span className="sr-only">, </span>
          <Link href={boardPath} className="text-brand-700 underline-offset-2 hover:underline">
            {t("backToBoard", { lesson: lesson.title })}
          </Link>
        </p>
        {thread.hidden && <p className="text-sm text-amber-900">{t("hiddenThreadNote")}</p>}
      </header>

      {instructor && (
        <ClientMessages namespaces={["forum"]}>
          <ModerationBar cohortId={cohortId} threadId={thread.id} flags={{ pinned: thread.pinned, locked: thread.locked, hidden: thread.hidden }} />
        </ClientMessages>
      )}

      {submittedNote && <FormMessage tone="success">{submittedNote}</FormMessage>}

      {submission && shown && (
        <section aria-labelledby="submission-heading" className="flex flex-col gap-4">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <h2 id="submission-heading" className="text-xl font-semibold">
              {t("submissionHeading", { n: shown.version })}
            </h2>
            {shown.late && <Badge tone="warning">{t("late")}</Badge>}
          </div>
          {versions.length > 1 && (
            <nav aria-label={t("versions")}>
              <ul className="flex flex-wrap gap-2">
                {versions.map((v) => {
                  const current = v.version === shown.version;
                  return (
                    <li key={v.version}>
                      <Link
                        href={v.version === newest?.version ? threadPath : `${threadPath}?v=${v.version}`}
                        aria-current={current ? "page" : undefined}
                        className={cn(
                          "inline-flex rounded-lg border px-3 py-1.5 text-sm shadow-xs transition-colors",
                          current ? "border-brand-500 bg-brand-50 font-medium text-brand-900" : "border-line bg-white hover:bg-stone-50",
                        )}
                      >
                        {t("versionLabel", { n: v.version, late: String(v.late), when: versionWhen(format, v.submittedAt) })}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
          )}
          {newest && shown.version < newest.version && (
            <p className="rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
              {t("newerVersion", { n: shown.version, newest: newest.version })}{" "}
              <Link href={threadPath} className="font-medium underline underline-offset-2">
                {t("showNewest")}
              </Link>
            </p>
          )}
          <p className="text-sm text-muted">{t("submittedAt", { when: when(shown.submittedAt) })}</p>
          <FrozenCanvases canvases={shown.canvases} idPrefix={`v${shown.version}`} />
        </section>
      )}

      {/* The reviews catalog only where a review's helpfulness form is shown (to the submission's author). */}
      <ClientMessages namespaces={(isAuthor || instructor) && reviewRows.length > 0 ? ["forum", "reviews"] : ["forum"]}>
        <section aria-labelledby="posts-heading" className="flex flex-col gap-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="posts-heading" className="text-lg font-semibold">
              {t("discussion")}
            </h2>
            <p className="text-sm text-muted">
              {pageCount > 1 ? t("postRange", { count: views.length, from: first + 1, to: first + views.length, total: shownPosts.length }) : t("postCount", { count: views.length })}
            </p>
          </div>
          {lock?.owesSelfAssessment && assignment && <SelfAssessmentCallout cohortId={cohortId} assignmentId={assignment.id} waiting={hiddenReviews} />}
          {hiddenReviews > 0 && lock?.owesReviews && (
            <p className="rounded-xl border border-amber-200 bg-amber-50 px-5 py-4 text-sm text-amber-900" data-testid="reviews-locked">
              {tr("lockedInThread", { count: hiddenReviews })}{" "}
              <Link href={`${base}/reviews`} className="font-medium underline underline-offset-2">
                {tr("toMyTasks")}
              </Link>
            </p>
          )}
          {views.length === 0 && <p className="rounded-xl border border-dashed border-line px-5 py-4 text-sm text-muted">{t("noPosts")}</p>}
          <PostPager page={page} pageCount={pageCount} href={pageHref} t={t} />
          <ol className="flex flex-col gap-4 empty:hidden">
            {views.map((post, i) => {
              const row = pagePosts[i]!;
              const review = reviewByPost.get(post.id);
              const canEdit = !review && row.authorId === user.id && canReply;
              const body =
                review && assignment && review.status !== "submitted" ? (
                  <div className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="review-sent-back">
                    <p>{tr("sentBackInThread")}</p>
                    {instructor && review.sentBackNote && <p className="mt-1 text-amber-950">{tr("sentBackNoteShown", { note: review.sentBackNote })}</p>}
                  </div>
                ) : review && assignment ? (
                  <div data-user-content>
                    <ReviewPost
                      rubric={assignment.rubric}
                      scores={review.scores}
                      standout={review.standout}
                      anchors={review.anchors}
                      threadPath={threadPath}
                      reviewedVersion={review.reviewedVersion}
                    />
                    {isAuthor ? (
                      <HelpfulnessForm cohortId={cohortId} reviewId={review.id} current={review.helpfulness} comment={review.helpfulnessComment} />
                    ) : (
                      instructor &&
                      review.helpfulness && (
                        <p className="mt-3 text-sm text-muted">
                          {tr("ratedHelpful", { n: review.helpfulness })}
                          {review.helpfulnessComment && ` — „${review.helpfulnessComment}“`}
                        </p>
                      )
                    )}
                    {instructor && <SendBackForm cohortId={cohortId} reviewId={review.id} />}
                  </div>
                ) : null;
              // A plain post's Markdown is its body block itself: one element less, fifty times a page.
              const markdown = (outer: string) => <Markdown className={`${outer}prose-lesson break-words`}>{row.bodyMd}</Markdown>;
              return (
                <li key={post.id}>
                  <PostArticle
                    post={post}
                    labels={labels}
                    body={
                      canEdit || instructor ? (
                        <PostControls
                          cohortId={cohortId}
                          post={{ id: post.id, authorName: post.authorName, hidden: post.hidden, bodyMd: canEdit ? row.bodyMd : null }}
                          members={canEdit ? others : []}
                          canEdit={canEdit}
                          canModerate={instructor}
                        >
                          {body ?? markdown("")}
                        </PostControls>
                      ) : body ? (
                        <div className="post-body">{body}</div>
                      ) : (
                        markdown("post-body ")
                      )
                    }
                  />
                </li>
              );
            })}
          </ol>
          <PostPager page={page} pageCount={pageCount} href={pageHref} t={t} />
        </section>
        <ReplyForm cohortId={cohortId} threadId={thread.id} members={others} locked={thread.locked} canReply={canReply} />
      </ClientMessages>
    </article>
  );
}

type Format = Awaited<ReturnType<typeof getFormatter>>;
type Forum = Awaited<ReturnType<typeof getTranslations<"forum">>>;

/** First · previous · "page x of y" · next · newest, when a thread has more than one page. */
function PostPager({ page, pageCount, href, t }: { page: number; pageCount: number; href: (n: number) => string; t: Forum }) {
  if (pageCount <= 1) return null;
  const link = "rounded-lg border border-line bg-white px-3 py-1.5 shadow-xs hover:bg-stone-50";
  const idle = "px-3 py-1.5 text-muted";
  return (
    // On a phone "page x of y" takes its own line above the two groups of links.
    <nav aria-label={t("postPages")} className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <div className="order-1 flex flex-wrap gap-2">
        {page > 1 ? (
          <>
            <Link href={href(1)} className={link}>
              {t("firstPage")}
            </Link>
            <Link href={href(page - 1)} rel="prev" aria-label={t("previousPage")} className={link}>
              ← {t("previous")}
            </Link>
          </>
        ) : (
          <span aria-hidden className={idle}>
            ← {t("previous")}
          </span>
        )}
      </div>
      <p className="order-first w-full text-center text-muted sm:order-2 sm:w-auto" aria-current="page">
        {t("pageOf", { page, pages: pageCount })}
      </p>
      <div className="order-3 flex flex-wrap justify-end gap-2">
        {page < pageCount ? (
          <>
            <Link href={href(page + 1)} rel="next" aria-label={t("nextPage")} className={link}>
              {t("next")} →
            </Link>
            <Link href={href(pageCount)} className={link}>
              {t("newestPosts")}
            </Link>
          </>
        ) : (
          <span aria-hidden className={idle}>
            {t("next")} →
          </span>
        )}
      </div>
    </nav>
  );
}

/** "22. Nov., 14:03" — short enough for a version link. */
function versionWhen(format: Format, date: Date): string {
  return format.dateTime(date, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}
