import { asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { assignments, lessons, reviews, users } from "@/db/schema";
import { actorRole, type Actor } from "@/lib/cohorts/membership";
import { toCsv, type CsvCell } from "@/lib/csv";
import { cohortMatrix, dashboardHead, type CellStatus, type MatrixQuery } from "./queries";

/** Column titles and status words in the reader's language, supplied by the caller. */
export type ExportLabels = {
  column: (key: string, values?: Record<string, string>) => string;
  status: (status: CellStatus) => string;
  kind: (kind: "duty" | "extra") => string;
  reviewStatus: (status: "assigned" | "draft" | "submitted" | "expired") => string;
};

const pct = (v: number | null) => (v === null ? null : Math.round(v * 100));
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/**
 * The matrix as CSV: every student the current search and filter match (not just one page), in the
 * dashboard's order. Null when the actor may not see the cohort's dashboard: the route answers 404.
 */
export async function matrixCsv(db: DbOrTx, actor: Actor, cohortId: string, query: MatrixQuery, labels: ExportLabels, now = new Date()) {
  if ((await actorRole(db, cohortId, actor)) !== "instructor") return null;
  const head = await dashboardHead(db, cohortId);
  if (!head) return null;
  const { rows } = await cohortMatrix(db, cohortId, { ...query, page: 1, pageSize: null }, now);
  const L = labels.column;
  const header: CsvCell[] = [L("name"), L("email")];
  for (const a of head.assignments) {
    for (const key of ["status", "given", "owed", "received", "fit"]) header.push(L(`cell_${key}`, { lesson: a.lessonTitle }));
  }
  header.push(L("submitted"), L("late"), L("given"), L("owed"), L("received"), L("blocking"), L("waiting"), L("fit"), L("helpfulness"));
  const body: CsvCell[][] = rows.map((r) => {
    const line: CsvCell[] = [r.name, r.email];
    for (const a of head.assignments) {
      const c = r.cells.find((x) => x.assignmentId === a.id);
      line.push(c ? labels.status(c.status) : null, c?.given ?? 0, c?.owed ?? 0, c?.received ?? 0, pct(c?.fit ?? null));
    }
    line.push(r.submitted, r.late, r.given, r.owed, r.received, r.blocking, r.waiting, pct(r.fit), round1(r.helpfulness));
    return line;
  });
  return { filename: `${head.cohortName} – matrix.csv`, body: toCsv([header, ...body]) };
}

const reviewer = alias(users, "export_reviewer");
const author = alias(users, "export_author");

/** Every review of the cohort (open, submitted, expired) with its scores and text, as CSV. Null when not allowed. */
export async function reviewsCsv(db: DbOrTx, actor: Actor, cohortId: string, labels: ExportLabels) {
  if ((await actorRole(db, cohortId, actor)) !== "instructor") return null;
  const head = await dashboardHead(db, cohortId);
  if (!head) return null;
  const rows = await db
    .select({
      lesson: lessons.title,
      rubric: assignments.rubric,
      reviewerName: reviewer.name,
      reviewerEmail: reviewer.email,
      authorName: author.name,
      authorEmail: author.email,
      kind: reviews.kind,
      status: reviews.status,
      assignedAt: reviews.assignedAt,
      dueAt: reviews.dueAt,
      submittedAt: reviews.submittedAt,
      helpfulness: reviews.helpfulness,
      scores: reviews.scores,
      standout: reviews.standout,
    })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .innerJoin(reviewer, eq(reviewer.id, reviews.reviewerId))
    .innerJoin(author, eq(author.id, reviews.authorId))
    .where(eq(assignments.cohortId, cohortId))
    .orderBy(asc(lessons.position), asc(sql`lower(${author.name})`), asc(reviews.assignedAt), asc(reviews.id));
  const L = labels.column;
  const header = [
    L("lesson"),
    L("reviewer"),
    L("reviewerEmail"),
    L("author"),
    L("authorEmail"),
    L("kind"),
    L("reviewStatus"),
    L("assignedAt"),
    L("dueAt"),
    L("submittedAt"),
    L("helpfulness"),
    L("scores"),
    L("comments"),
    L("standout"),
  ];
  const body: CsvCell[][] = rows.map((r) => {
    const submitted = r.status === "submitted";
    const scores = submitted ? r.rubric.map((c) => `${c.title}: ${r.scores[c.id]?.score ?? "–"}/${c.scale}`).join("; ") : "";
    const comments = submitted
      ? r.rubric
          .map((c) => (r.scores[c.id]?.comment ? `${c.title}: ${r.scores[c.id]!.comment}` : null))
          .filter(Boolean)
          .join("\n")
      : "";
    return [
      r.lesson,
      r.reviewerName,
      r.reviewerEmail,
      r.authorName,
      r.authorEmail,
      labels.kind(r.kind),
      labels.reviewStatus(r.status),
      r.assignedAt.toISOString(),
      r.dueAt.toISOString(),
      r.submittedAt?.toISOString() ?? null,
      r.helpfulness,
      scores,
      comments,
      submitted ? r.standout : "",
    ];
  });
  return { filename: `${head.cohortName} – reviews.csv`, body: toCsv([header, ...body]) };
}
