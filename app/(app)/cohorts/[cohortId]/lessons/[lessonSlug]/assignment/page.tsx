import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AssignmentForm } from "@/components/assignments/assignment-form";
import { ClientMessages } from "@/components/client-messages";
import { Card } from "@/components/ui/card";
import { pageDb } from "@/db/replica";
import { demoAssignment } from "@/db/seed/course-content";
import { getAssignment } from "@/lib/assignments/store";
import { DEFAULT_GRADE_WEIGHTS } from "@/lib/assignments/types";
import { requireCohortRole } from "@/lib/auth/session";
import { getLesson } from "@/lib/courses/queries";
import { instantToZoned } from "@/lib/time";

type Props = { params: Promise<{ cohortId: string; lessonSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assignmentForm"))("title") };
}

const DAY = 86_400_000;

/** A new assignment proposes a deadline a week ahead on the hour, reviews a week after that. */
function proposedDeadlines(): { submission: Date; review: Date } {
  const submission = new Date(Math.ceil((Date.now() + 7 * DAY) / 3_600_000) * 3_600_000);
  return { submission, review: new Date(submission.getTime() + 7 * DAY) };
}

/** Instructors create and edit the lesson's assignment; everyone else gets a not-found page. */
export default async function AssignmentEditPage({ params }: Props) {
  const { cohortId, lessonSlug } = await params;
  const { user } = await requireCohortRole(cohortId, ["instructor"]);
  const data = await getLesson(cohortId, lessonSlug, user.id);
  if (!data) notFound();
  const { course, lesson } = data;
  const [t, assignment] = await Promise.all([getTranslations("assignmentForm"), getAssignment(await pageDb(), cohortId, lesson.id)]);
  const zone = course.timeZone;
  const proposed = proposedDeadlines();
  const initial = assignment
    ? {
        instructionsMd: assignment.instructionsMd,
        requirements: assignment.requirements,
        rubric: assignment.rubric,
        reviewsPerStudent: assignment.reviewsPerStudent,
        submissionDue: instantToZoned(assignment.submissionDue, zone),
        reviewDue: instantToZoned(assignment.reviewDue, zone),
        anonymity: assignment.anonymity,
        hideReceivedUntilGiven: assignment.hideReceivedUntilGiven,
        pairingMode: assignment.pairingMode,
        minCommentChars: assignment.minCommentChars,
        minSummaryChars: assignment.minSummaryChars,
        calibration: assignment.calibration,
        selfAssessment: assignment.selfAssessment,
        gradeAggregate: assignment.gradeAggregate,
        gradeWeights: assignment.gradeWeights,
      }
    : {
        instructionsMd: "",
        requirements: demoAssignment.requirements,
        rubric: demoAssignment.rubric,
        reviewsPerStudent: 2,
        submissionDue: instantToZoned(proposed.submission, zone),
        reviewDue: instantToZoned(proposed.review, zone),
        // No default for anonymity: the form asks for an explicit choice.
        anonymity: null,
        hideReceivedUntilGiven: true,
        pairingMode: "deadline" as const,
        minCommentChars: 20,
        minSummaryChars: 60,
        calibration: "off" as const,
        selfAssessment: false,
        gradeAggregate: "mean" as const,
        gradeWeights: DEFAULT_GRADE_WEIGHTS,
      };
  const lessonHref = `/cohorts/${cohortId}/lessons/${lesson.slug}`;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <nav className="text-sm text-muted">
        <Link href={lessonHref} className="hover:text-ink hover:underline">
          ← {lesson.title}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{assignment ? t("title") : t("titleNew")}</h1>
      <Card>
        <ClientMessages namespaces={["assignmentForm", "canvas"]}>
          <AssignmentForm
            cohortId={cohortId}
            lessonId={lesson.id}
            timeZone={zone}
            version={assignment?.version ?? 0}
            initial={initial}
            examplesHref={assignment ? `/cohorts/${cohortId}/calibration/${assignment.id}/examples` : undefined}
          />
        </ClientMessages>
      </Card>
    </div>
  );
}
