import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { parseCsv } from "@/lib/csv";
import { excuseStudent } from "@/lib/dashboard/overrides";
import { addMember, createCohort, createCourse, createUser } from "@/lib/test/factories";
import { addStudent, pairingCohort, submitEmpathyMap } from "@/lib/test/pairing-fixtures";
import { pairAssignment } from "@/lib/pairing/store";
import { gradebookCsv, type GradebookLabels } from "./export";
import { gradebook } from "./queries";
import { overrideGrade } from "./store";
import { DAY, giveReviews, HOUR } from "./test-fixtures";

const labels: GradebookLabels = { column: (key, values) => (values?.lesson ? `${values.lesson}: ${key}` : key) };

/** A graded cohort whose people try to smuggle formulas and separators into a spreadsheet. */
async function hostileCohort() {
  const world = await pairingCohort(2);
  const { cohort, assignment: a, instructor } = world;
  const evil = await addStudent(cohort.id, '=HYPERLINK("http://evil.example","Klick")');
  const comma = await addStudent(cohort.id, 'Müller, "Lüdenscheidt"\nZweite Zeile');
  const dash = await addStudent(cohort.id, "-Minus");
  const students = [...world.students, evil, comma, dash];
  const due = a.submissionDue.getTime();
  for (const s of students) await submitEmpathyMap(cohort.id, a.id, s, new Date(due - DAY));
  await getDb().transaction((tx) => pairAssignment(tx, a, "instructor", new Date(due - DAY + HOUR)));
  for (const [i, s] of students.entries()) await giveReviews(a, s, new Date(due + HOUR), { clarity: 1 + (i % 4), fit: 5 - (i % 5) }, 1 + (i % 5));
  const late = await addStudent(cohort.id, "Zuletzt Gekommen");
  const excused = await addStudent(cohort.id, "Entschuldigt Erwin");
  await getDb().transaction((tx) => excuseStudent(tx, instructor, { assignmentId: a.id, userId: excused.id }));
  await getDb().transaction((tx) => overrideGrade(tx, instructor, { assignmentId: a.id, userId: comma.id, points: 42.5, reason: "Plagiat in Teil 2" }));
  return { ...world, students, evil, comma, dash, late, excused, now: new Date(a.reviewDue.getTime() + DAY) };
}

describe("gradebook CSV", () => {
  it("parses back to the gradebook's numbers, with BOM and CRLF, formulas neutralised and separators quoted", async () => {
    const { cohort, assignment: a, evil, comma, dash, excused, instructor, now } = await hostileCohort();
    const db = getDb();
    const file = (await gradebookCsv(db, instructor, cohort.id, labels, now))!;
    expect(file.filename).toBe("Testkohorte – gradebook.csv");
    expect(file.body.startsWith("\uFEFF")).toBe(true);
    expect(file.body.endsWith("\r\n")).toBe(true);
    expect(file.body.replace(/"[^"]*"/g, "").replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const [header, ...rows] = parseCsv(file.body);
    expect(header).toEqual(["name", "email", `${a.lessonTitle}: points`, "total"]);
    const book = (await gradebook(db, cohort.id, { pageSize: null }, now))!;
    expect(rows).toHaveLength(book.rows.length);
    for (const [i, r] of book.rows.entries()) {
      const line = rows[i]!;
      expect(line).toHaveLength(4);
      expect(line[0]).toBe(/^[=\-]/.test(r.name) ? `'${r.name}` : r.name);
      expect(line[1]).toBe(r.email);
      const points = r.cells[0]!.grade?.points ?? null;
      expect(line[2] === "" ? null : Number(line[2])).toBe(points);
      expect(line[3] === "" ? null : Number(line[3])).toBe(r.total);
    }
    const byName = new Map(rows.map((r) => [r[0], r]));
    expect(byName.get(`'${evil.name}`)).toBeDefined();
    expect(byName.get(`'${dash.name}`)).toBeDefined();
    // The override is what is exported; the excused student's grade is empty (not 0).
    expect(byName.get(comma.name)!.slice(2)).toEqual(["42.5", "42.5"]);
    expect(byName.get(excused.name)!.slice(2)).toEqual(["", ""]);
    // Graded ones are numbers with a dot, one decimal at most.
    for (const r of rows) if (r[2] !== "") expect(r[2]).toMatch(/^\d{1,3}(\.\d)?$/);
  });

  it("gives nothing to students, to another cohort's instructor or to strangers; admins and the cohort's instructors get the file", async () => {
    const { cohort, students, instructor, now } = await hostileCohort();
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
    for (const [who, actor, allowed] of cases) expect([who, (await gradebookCsv(db, actor, cohort.id, labels, now)) !== null]).toEqual([who, allowed]);
    expect(await gradebookCsv(db, { id: admin.id, isAdmin: true }, "00000000-0000-0000-0000-000000000000", labels)).toBeNull();
  });
});
