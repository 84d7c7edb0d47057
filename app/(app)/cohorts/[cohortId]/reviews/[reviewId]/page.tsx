import type { Metadata } from "next";
import Link from "next/link";
import { CalibrationGateNotice } from "@/components/calibration/calibration-gate-notice";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { FrozenCanvases } from "@/components/assignments/frozen-canvases";
import { ClientMessages } from "@/components/client-messages";
import { ReviewForm } from "@/components/reviews/review-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { pageDb } from "@/db/replica";
import { isUuid, requireCohortRole } from "@/lib/auth/session";
import { getCohortCourse } from "@/lib/courses/queries";
import { reviewForPage } from "@/lib/reviews/queries";
import { maskName } from "@/lib/reviews/anonymity";

type Props = { params: Promise<{ cohortId: string; reviewId: string }> };

const load = cache(async (cohortId: string, reviewId: string) => {
  const { user } = await requireCohortRole(cohortId);
  if (!isUuid(reviewId)) notFound();
  const found = await reviewForPage(await pageDb(), user, cohortId, reviewId);
  if (!found) notFound();
  return { user, ...found };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cohortId, reviewId } = await params;
  const { lessonTitle } = await load(cohortId, reviewId);
  return { title: (await getTranslations("reviews"))("pageTitle", { lesson: lessonTitle }) };
}

export default async function ReviewPage({ params }: Props) {
  const { cohortId, reviewId } = await params;
  const { user, review, assignment, lessonTitle, lessonSlug, threadId, authorName, role, version } = await load(cohortId, reviewId);
  const [t, format, locale, course] = await Promise.all([
    getTranslations("reviews"),
    getFormatter(),
    getLocale(),
    getCohortCourse(cohortId, user.id),
  ]);
  if (!course) notFound();
  const base = `/cohorts/${cohortId}`;
  const author = maskName({
    anonymity: assignment.anonymity,
    as: "author",
    viewerId: user.id,
    viewerIsInstructor: role === "instructor",
    personId: review.authorId,
    name: authorName,
    alias: t("aPeer"),
  });
  const mine = review.reviewerId === user.id;
  const editable = mine && (review.status === "assigned" || review.status === "draft");
  const due = format.dateTime(review.dueAt, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: course.timeZone });

  return (
    <div className="flex flex-col gap-8">
      <Breadcrumb
        label={t("breadcrumb")}
        items={[
          { href: base, label: course.courseTitle },
          { href: `${base}/reviews`, label: t("title") },
        ]}
        current={lessonTitle}
      />
      <header className="flex flex-col gap-2">
        <p className="text-sm font-medium text-brand-700">{review.kind === "extra" ? t("extraReview") : t("assignedReview")}</p>
        <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl text-balance">{t("reviewOf", { name: author, lesson: lessonTitle })}</h1>
        <p className="text-muted">
          {review.status === "submitted"
            ? t("submittedOn", { when: format.dateTime(review.submittedAt!, { dateStyle: "medium", timeStyle: "short" }) })
            : review.status === "expired"
              ? t("expiredNote")
              : t("dueOn", { when: due })}
          {assignment.anonymity !== "named" && ` · ${t(assignment.anonymity === "double" ? "anonymousNote" : "reviewersAnonymousNote")}`}
        </p>
        <p className="text-sm">
          <Link href={`${base}/lessons/${lessonSlug}`} className="text-brand-700 underline-offset-2 hover:underline">
            {t("toLesson", { lesson: lessonTitle })}
          </Link>
          {review.status === "submitted" && review.postId && (
            <>
              {" · "}
              <Link href={`${base}/forum/${threadId}?post=${review.postId}#post-${review.postId}`} className="text-brand-700 underline-offset-2 hover:underline">
                {t("seeInThread")}
              </Link>
            </>
          )}
        </p>
      </header>

      {editable && role === "student" && (
        <CalibrationGateNotice cohortId={cohortId} assignment={assignment} userId={user.id} lessonTitle={lessonTitle} blockingOnly />
      )}

      {!version ? (
        <p className="rounded-xl border border-dashed border-line p-5 text-muted">{t("noVersion")}</p>
      ) : editable ? (
        <ClientMessages namespaces={["reviews", "editor"]}>
          <ReviewForm
            cohortId={cohortId}
            reviewId={review.id}
            version={review.version}
            rubric={assignment.rubric}
            initial={{ scores: review.scores, standout: review.standout, anchors: review.anchors }}
            canvases={version.canvases}
            locale={locale === "en" ? "en" : "de"}
            minCommentChars={assignment.minCommentChars}
            minSummaryChars={assignment.minSummaryChars}
            sentBack={review.sentBackAt && review.sentBackNote ? { note: review.sentBackNote } : null}
          />
        </ClientMessages>
      ) : (
        <FrozenCanvases canvases={version.canvases} idPrefix="r" />
      )}
    </div>
  );
}
