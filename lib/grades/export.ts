import type { DbOrTx } from "@/db";
import { actorRole, type Actor } from "@/lib/cohorts/membership";
import { toCsv, type CsvCell } from "@/lib/csv";
import { gradebook } from "./queries";

/** Column titles in the reader's language, supplied by the caller ("points" gets the lesson's title). */
export type GradebookLabels = { column: (key: "name" | "email" | "points" | "total", values?: Record<string, string>) => string };

/**
 * The gradebook as CSV for an LMS import: name, email, per assignment the points (0–100, the override
 * where there is one; empty when excused or not graded yet), and the total (the mean of the graded
 * assignments). Every student, in name order. Null when the actor may not see the gradebook: the
 * route answers 404.
 */
export async function gradebookCsv(db: DbOrTx, actor: Actor, cohortId: string, labels: GradebookLabels, now = new Date()) {
  if ((await actorRole(db, cohortId, actor)) !== "instructor") return null;
  const book = await gradebook(db, cohortId, { pageSize: null }, now);
  if (!book) return null;
  const L = labels.column;
  const header: CsvCell[] = [L("name"), L("email"), ...book.assignments.map((a) => L("points", { lesson: a.lessonTitle })), L("total")];
  const body: CsvCell[][] = book.rows.map((r) => [
    r.name,
    r.email,
    ...book.assignments.map((a) => r.cells.find((c) => c.assignmentId === a.id)?.grade?.points ?? null),
    r.total,
  ]);
  return { filename: `${book.cohortName} – gradebook.csv`, body: toCsv([header, ...body]) };
}
