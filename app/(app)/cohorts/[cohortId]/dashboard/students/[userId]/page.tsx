import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { ExcuseButton, ExtendForm, ReassignButtons } from "@/components/dashboard/fix-buttons";
import { ReplyForm } from "@/components/forum/reply-form";
import { SelfPeerIndicator, SelfVsPeerTable } from "@/components/self-assessment/self-vs-peer";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { cn } from "@/components/ui/cn";
import { pageDb } from "@/db/replica";
import { isUuid, requireCohortRole } from "@/lib/auth/session";
import { getCohortCourse } from "@/lib/courses/queries";
import { studentDetail, type StudentDetail } from "@/lib/dashboard/student";
import { instantToZoned } from "@/lib/time";

type Props = { params: Promise<{ cohortId: string; userId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("studentTitle") };
}

const DAY = 86_400_000;

/** One student, for the cohort's instructors: submissions with versions, reviews both ways, and the fixes. */
export default async function StudentPage({ params }: Props) {
  const { cohortId, userId } = await params;
  const { user } = await requireCohortRole(cohortId, ["instructor"]);
  if (!isUuid(userId)) notFound();
  const db = await pageDb();
  const [t, ts, format, course, detail] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("selfAssessment"),
    getFormatter(),
    getCohortCourse(cohortId, user.id),
    studentDetail(db, cohortId, userId),
  ]);
  if (!course || !detail) notFound();
  const tz = course.timeZone;
  const when = (d: Date) => format.dateTime(d, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: tz });
  const now = new Date();
  const { person } = detail;

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-8">
      <Breadcrumb
        label={t("breadcrumb")}
        items={[
          { href: `/cohorts/${cohortId}`, label: course.courseTitle },
          { href: `/cohorts/${cohortId}/dashboard`, label: t("title") },
        ]}
        current={person.name}
      />
      <header>
        <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{person.name}</h1>
        <p className="mt-2 text-muted">
          {person.email} · {person.role === "instructor" ? t("instructorRole") : t("studentRole")} · {t("joined", { when: when(person.joinedAt) })}
        </p>
      </header>

      {detail.assignments.length === 0 && <p className="rounded-xl border border-dashed border-line bg-white p-6 text-sm text-muted">{t("noAssignmentsHint")}</p>}

      <ClientMessages namespaces={["dashboard", "forum"]}>
        <ol className="flex flex-col gap-6">
          {detail.assignments.map((a) => (
            <li key={a.id}>
              <AssignmentCard a={a} cohortId={cohortId} person={person} when={when} now={now} timeZone={tz} t={t} ts={ts} />
            </li>
          ))}
        </ol>
      </ClientMessages>
    </div>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"dashboard">>>;
type TS = Awaited<ReturnType<typeof getTranslations<"selfAssessment">>>;

function AssignmentCard({
  a,
  cohortId,
  person,
  when,
  now,
  timeZone,
  t,
  ts,
}: {
  a: StudentDetail["assignments"][number];
  cohortId: string;
  person: StudentDetail["person"];
  when: (d: Date) => string;
  now: Date;
  timeZone: string;
  t: T;
  ts: TS;
}) {
  const due = a.extendedUntil && a.extendedUntil > a.submissionDue ? a.extendedUntil : a.submissionDue;
  const status = a.excusedAt ? "excused" : a.submissionId ? (a.late ? "late" : "on_time") : due < now ? "missing" : "pending";
  const tone = { excused: "text-sky-900 bg-sky-50", late: "text-amber-900 bg-amber-50", on_time: "text-brand-900 bg-brand-50", missing: "text-red-800 bg-red-50", pending: "text-stone-600 bg-stone-100" }[status];
  const extendDefault = instantToZoned(new Date(Math.max(now.getTime(), a.submissionDue.getTime(), a.reviewDue.getTime()) + 2 * DAY), timeZone);
  const isStudent = person.role === "student";

  return (
    <article aria-labelledby={`a-${a.id}`} className="flex flex-col gap-4 rounded-xl border border-line bg-white p-5" data-testid="student-assignment">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={`a-${a.id}`} className="text-lg font-semibold">
            <Link href={`/cohorts/${cohortId}/lessons/${a.lessonSlug}`} className="hover:underline">
              {a.lessonTitle}
            </Link>
          </h2>
          <p className="text-xs text-muted">
            {t("dueOn", { when: when(a.submissionDue) })}
            {a.extendedUntil && <span className="ml-2 text-sky-800">{t("extendedTo", { when: when(a.extendedUntil) })}</span>}
          </p>
        </div>
        <span className={cn("rounded-full px-2.5 py-0.5 text-xs font-medium", tone)}>{t(`status.${status}`)}</span>
      </div>

      <section aria-label={t("submission")} className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">{t("submission")}</h3>
        {a.submissionId ? (
          <>
            <ul className="flex flex-col gap-1 text-sm">
              {a.versions.map((v) => (
                <li key={v.version}>
                  <Link href={`/cohorts/${cohortId}/forum/${a.threadId}`} className="hover:underline">
                    {t("version", { version: v.version, when: when(v.submittedAt) })}
                  </Link>
                  {v.late && <span className="ml-2 text-xs text-amber-800">{t("status.late")}</span>}
                </li>
              ))}
            </ul>
            {a.fitScore !== null && <p className="text-sm text-muted">{t("cellFit", { fit: Math.round(a.fitScore * 100) })}</p>}
          </>
        ) : (
          <p className="text-sm text-muted">{t("noSubmission")}</p>
        )}
      </section>

      <div className="grid gap-4 md:grid-cols-2">
        <section aria-label={t("givenTitle")} className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold">{t("givenTitle")}</h3>
          {a.given.length === 0 ? (
            <p className="text-sm text-muted">{a.pairedAt ? t("noneGiven") : t("notPairedYet")}</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {a.given.map((r) => (
                <ReviewLine key={r.id} r={r} direction="to" cohortId={cohortId} when={when} now={now} t={t} reviewerName={person.name} authorName={r.otherName} />
              ))}
            </ul>
          )}
        </section>
        <section aria-label={t("receivedTitle")} className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold">{t("receivedTitle")}</h3>
          {a.received.length === 0 ? (
            <p className="text-sm text-muted">{a.submissionId ? t("noneReceived") : "–"}</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {a.received.map((r) => (
                <ReviewLine key={r.id} r={r} direction="from" cohortId={cohortId} when={when} now={now} t={t} reviewerName={r.otherName} authorName={person.name} />
              ))}
            </ul>
          )}
        </section>
      </div>

      {a.selfAssessment && a.submissionId && (
        <section aria-labelledby={`self-${a.id}`} className="flex flex-col gap-2 border-t border-line pt-4" data-testid="student-self-vs-peer">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id={`self-${a.id}`} className="text-sm font-semibold">
              {ts("dashboardHeading")}
            </h3>
            <SelfPeerIndicator self={a.selfAssessment.at ? a.selfAssessment.comparison.self : null} peer={a.selfAssessment.comparison.peer} />
          </div>
          {a.selfAssessment.at ? (
            <>
              <SelfVsPeerTable comparison={a.selfAssessment.comparison} caption={ts("dashboardHeading")} perspective="instructor" />
              {a.selfAssessment.comment && (
                <p className="text-sm whitespace-pre-line break-words text-stone-700">
                  <span className="font-medium">{ts("theirComment")}: </span>
                  {a.selfAssessment.comment}
                </p>
              )}
            </>
          ) : (
            <p className="text-sm text-muted">{ts("dashboardNotYet")}</p>
          )}
        </section>
      )}

      {isStudent && !a.excusedAt && (
        <section aria-label={t("fixesTitle")} className="flex flex-wrap items-end justify-between gap-4 border-t border-line pt-4">
          <ExtendForm cohortId={cohortId} assignmentId={a.id} userId={person.id} defaultValue={extendDefault} timeZone={timeZone} />
          <ExcuseButton cohortId={cohortId} assignmentId={a.id} userId={person.id} name={person.name} lessonTitle={a.lessonTitle} />
        </section>
      )}

      {a.threadId && (
        <details className="group border-t border-line pt-4">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("commentTitle")}</summary>
          <div className="mt-3 flex flex-col gap-2">
            <p className="text-xs text-muted">{t("commentLead")}</p>
            <ReplyForm cohortId={cohortId} threadId={a.threadId} members={[]} locked={false} canReply />
          </div>
        </details>
      )}
    </article>
  );
}

function ReviewLine({
  r,
  direction,
  cohortId,
  when,
  now,
  t,
  reviewerName,
  authorName,
}: {
  r: StudentDetail["assignments"][number]["given"][number];
  direction: "to" | "from";
  cohortId: string;
  when: (d: Date) => string;
  now: Date;
  t: T;
  reviewerName: string;
  authorName: string;
}) {
  const open = r.status === "assigned" || r.status === "draft";
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-stone-50 px-3 py-2">
      <div>
        <p>
          {direction === "to" ? t("reviewTo", { name: r.otherName }) : t("reviewFrom", { name: r.otherName })}
          {r.kind === "extra" && <span className="ml-2 text-xs text-muted">{t("kind.extra")}</span>}
        </p>
        <p className="text-xs text-muted">
          {t(`reviewStatus.${r.status}`)}
          {open && ` · ${t("dueOn", { when: when(r.dueAt) })}`}
          {open && r.dueAt < now && <span className="ml-1 font-medium text-red-700">{t("overdue")}</span>}
          {r.submittedAt && ` · ${when(r.submittedAt)}`}
          {r.helpfulness !== null && ` · ${t("rated", { n: r.helpfulness })}`}
          {r.postId && (
            <>
              {" · "}
              <Link href={`/cohorts/${cohortId}/forum/${r.threadId}?post=${r.postId}#post-${r.postId}`} className="underline">
                {t("read")}
              </Link>
            </>
          )}
        </p>
      </div>
      {open && <ReassignButtons cohortId={cohortId} reviewId={r.id} reviewerName={reviewerName} authorName={authorName} />}
    </li>
  );
}
