import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { reviews } from "@/db/schema";
import { parseCsv } from "@/lib/csv";
import { pairAssignment } from "@/lib/pairing/store";
import { addMember, createCohort, createCourse, createUser } from "@/lib/test/factories";
import { addStudent, pairingCohort, submitEmpathyMap } from "@/lib/test/pairing-fixtures";
import { matrixCsv, reviewsCsv, type ExportLabels } from "./export";
import { cohortMatrix, type MatrixQuery } from "./queries";

const labels: ExportLabels = {
  column: (key, values) => (values?.lesson ? `${values.lesson}: ${key}` : key),
  status: (s) => s,
  kind: (k) => k,
  reviewStatus: (s) => s,
};
const all: MatrixQuery = { q: "", filter: "all", sort: "name", dir: "asc", page: 1 };

/** A cohort whose people and texts try to smuggle formulas and separators into a spreadsheet. */
async function hostileCohort() {
  const world = await pairingCohort(2);
  const { cohort, assignment: a, instructor } = world;
  const evil = await addStudent(cohort.id, '=HYPERLINK("http://evil.example","Klick")');
  const comma = await addStudent(cohort.id, 'Müller, "Lüdenscheidt"\nZweite Zeile');
  const students = [...world.students, evil, comma];
  for (const s of students) await submitEmpathyMap(cohort.id, a.id, s);
  await getDb().transaction((tx) => pairAssignment(tx, a, "instructor"));
  // Evil writes a review whose text starts like a formula.
  await getDb()
    .update(reviews)
    .set({ status: "submitted", submittedAt: new Date(), standout: "@SUM(1+1)*cmd|' /C calc'!A0", scores: { clarity: { score: 3, comment: "-2+3" } } })
    .where(and(eq(reviews.assignmentId, a.id), eq(reviews.reviewerId, evil.id)));
  return { ...world, students, evil, comma, instructor };
}

describe("CSV export", () => {
  it("writes the matrix so that it parses back to the same rows, with formulas neutralised and separators quoted", async () => {
    const { cohort, evil, comma, instructor } = await hostileCohort();
    const db = getDb();
    const file = (await matrixCsv(db, instructor, cohort.id, all, labels))!;
    expect(file.body.startsWith("\uFEFF")).toBe(true);
    expect(file.body.endsWith("\r\n")).toBe(true);
    const [header, ...rows] = parseCsv(file.body);
    const { rows: matrix } = await cohortMatrix(db, cohort.id, { ...all, pageSize: null });
    expect(rows).toHaveLength(matrix.length);
    expect(header!.slice(0, 2)).toEqual(["name", "email"]);
    const col = (name: string) => header!.indexOf(name);
    for (const [i, m] of matrix.entries()) {
      const r = rows[i]!;
      // The evil name comes back with its neutralising quote, every other name as it was (newline and all).
      expect(r[0]).toBe(m.name.startsWith("=") ? `'${m.name}` : m.name);
      expect([r[col("given")], r[col("owed")], r[col("received")], r[col("blocking")]]).toEqual([m.given, m.owed, m.received, m.blocking].map(String));
    }
    expect(rows.map((r) => r[0])).toContain(`'${evil.name}`);
    expect(rows.map((r) => r[0])).toContain(comma.name);
  });

  it("writes every review with its scores and text, neutralising what starts like a formula", async () => {
    const { cohort, evil, instructor } = await hostileCohort();
    const file = (await reviewsCsv(getDb(), instructor, cohort.id, labels))!;
    const [header, ...rows] = parseCsv(file.body);
    const byEvil = rows.filter((r) => r[header!.indexOf("reviewer")] === `'${evil.name}`);
    expect(byEvil).toHaveLength(2);
    for (const r of byEvil) {
      expect(r[header!.indexOf("standout")]).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
      expect(r[header!.indexOf("scores")]).toBe("Klarheit: 3/4; Fit: –/5");
      expect(r[header!.indexOf("comments")]).toBe("Klarheit: -2+3");
      expect(r[header!.indexOf("reviewStatus")]).toBe("submitted");
    }
    // Open reviews carry no text.
    expect(rows.filter((r) => r[header!.indexOf("reviewStatus")] === "assigned").every((r) => r[header!.indexOf("standout")] === "")).toBe(true);
  });

  it("gives nothing to students, to another cohort's instructor or to strangers; admins and the cohort's instructors get the file", async () => {
    const { cohort, students, instructor } = await hostileCohort();
    const db = getDb();
    const { course } = await createCourse(1);
    const other = await createCohort(course.id);
    const otherInstructor = await createUser();
    await addMember(other.id, otherInstructor.id, "instructor");
    const admin = await createUser({ isAdmin: true });
    const stranger = await createUser();
    const cases: Array<[string, { id: string; isAdmin: boolean }, boolean]> = [
      ["the cohort's instructor", instructor, true],
      ["an admin", { id: admin.id, isAdmin: true }, true],
      ["a student of the cohort", students[0]!, false],
      ["another cohort's instructor", { id: otherInstructor.id, isAdmin: false }, false],
      ["a stranger", { id: stranger.id, isAdmin: false }, false],
    ];
    for (const [who, actor, allowed] of cases) {
      const matrix = await matrixCsv(db, actor, cohort.id, all, labels);
      const list = await reviewsCsv(db, actor, cohort.id, labels);
      expect([who, matrix !== null, list !== null]).toEqual([who, allowed, allowed]);
    }
    // An unknown cohort: nothing, even for an admin.
    expect(await matrixCsv(db, { id: admin.id, isAdmin: true }, "00000000-0000-0000-0000-000000000000", all, labels)).toBeNull();
  });
});
